import type { Artifact, Manifest } from "../manifest/manifest";
import { DocContext } from "./context";
import type { InstallDocument } from "./document";
import { contentsSection } from "./sections/contents";
import { driverSection } from "./sections/driver";
import { installSection } from "./sections/install";
import { prerequisitesSection } from "./sections/prerequisites";
import { uninstallSection } from "./sections/uninstall";
import { verifySection } from "./sections/verify";

/** Writes the INSTALL document of one package or tarball from what the manifest says of it. */
export function composeInstallDoc(artifact: Artifact, manifest: Manifest): InstallDocument {
  const ctx = new DocContext(artifact, manifest);
  return {
    title: `Installing ${artifact.file}`,
    lead: `${artifact.name} ${artifact.version}: ${artifact.summary}.`,
    sections: [
      contentsSection(ctx),
      prerequisitesSection(ctx),
      installSection(ctx),
      driverSection(ctx),
      verifySection(ctx),
      uninstallSection(ctx),
    ].filter((section) => section.blocks.length > 0),
  };
}
