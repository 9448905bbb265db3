import type { Manifest } from "../manifest/manifest";
import { isInstallable } from "../manifest/manifest";
import { EXTENSIONS } from "./name";
import type { Verdict } from "./validate";
import { validateName } from "./validate";

/** Every name the manifest gives: each artifact's file, and each image's reference. */
export function checkManifest(manifest: Manifest): Verdict[] {
  return manifest.artifacts.flatMap((artifact) =>
    [artifact.file, ...(artifact.kind === "oci" ? [artifact.name] : [])].map((name) => validateName(name, manifest, artifact)),
  );
}

/** The INSTALL documents every package and tarball ships, by their path below its folder. */
export const INSTALL_DOCS = ["INSTALL", "INSTALL.md"] as const;

function artifactFileOf(path: string): string | undefined {
  return path
    .split("/")
    .reverse()
    .find((part) => EXTENSIONS.some((e) => part.endsWith(`.${e}`)));
}

/**
 * The files `//packaging:all` produced: every artifact name among them must pass the rules and be
 * in the manifest, every artifact of the manifest must be among them, and every package and
 * tarball must have its INSTALL documents.
 */
export function checkProduced(manifest: Manifest, paths: readonly string[]): Verdict[] {
  const produced = new Map<string, Set<string>>();
  for (const path of paths) {
    const file = artifactFileOf(path);
    if (file !== undefined) {
      const inside = path.slice(path.lastIndexOf(file) + file.length + 1);
      produced.set(file, (produced.get(file) ?? new Set()).add(inside));
    }
  }
  const verdicts: Verdict[] = [];
  for (const [file] of [...produced].sort(([a], [b]) => a.localeCompare(b))) {
    const artifact = manifest.artifacts.find((a) => a.file === file);
    const verdict = validateName(file, manifest, artifact);
    if (artifact === undefined) {
      verdict.problems.push(`built, but not in the artifact manifest ${manifest.source}`);
    }
    verdicts.push(verdict);
  }
  for (const artifact of manifest.artifacts) {
    const insides = produced.get(artifact.file) ?? new Set<string>();
    const problems: string[] = [];
    // The artifact itself is the path that ends with its file name (nothing inside).
    if (!insides.has("")) {
      problems.push("in the manifest, but //packaging:all did not build it");
    }
    const missing = isInstallable(artifact) ? INSTALL_DOCS.filter((doc) => !insides.has(doc)) : [];
    if (missing.length > 0) {
      problems.push(`//packaging:all produced no ${missing.join(" or ")} for it`);
    }
    if (problems.length > 0) {
      verdicts.push({ name: artifact.file, problems, suggestion: undefined });
    }
  }
  return verdicts;
}
