import { readFileSync } from "node:fs";
import type { Manifest } from "../manifest/manifest";
import { parseManifest } from "../manifest/manifest";
import { checkManifest, checkProduced } from "./checks";
import { formatVerdict } from "./validate";

const MANIFEST_PATH = "packaging/artifacts.json";

function realManifest(): Manifest {
  return parseManifest(readFileSync(MANIFEST_PATH, "utf8"), MANIFEST_PATH);
}

/** The real manifest with one artifact's name and file changed. */
function withRenamed(from: string, to: string): Manifest {
  const manifest = realManifest();
  return {
    ...manifest,
    artifacts: manifest.artifacts.map((a) =>
      a.name === from ? { ...a, name: to, file: a.file.replace(from.split("/").at(-1) ?? from, to.split("/").at(-1) ?? to) } : a,
    ),
  };
}

describe("checkManifest", () => {
  it("accepts every name of the real manifest", () => {
    const lines = checkManifest(realManifest()).map(formatVerdict);
    expect(lines.filter((l) => !l.startsWith("ok "))).toEqual([]);
    expect(lines).toContain("ok falcosecurity/privileged-driver-install-falco");
    expect(lines).toContain("ok falco-daemon-0.1.0-x86_64.rpm");
  });

  it("rejects the seed's typo when it is put into the manifest", () => {
    const lines = checkManifest(withRenamed("falcosecurity/privileged-driver-install", "falcosecurity/priviliged-driver-install")).map(formatVerdict);
    expect(lines).toContain(
      "error falcosecurity/priviliged-driver-install: 'priviliged' looks like a misspelling of 'privileged'; did you mean falcosecurity/privileged-driver-install?",
    );
  });

  it("rejects a daemon package renamed without 'daemon'", () => {
    const lines = checkManifest(withRenamed("falco-daemon", "falco-service")).map(formatVerdict);
    expect(lines).toContain(
      "error falco-service-0.1.0-x86_64.deb: a deb package that installs a daemon must contain 'daemon'; did you mean falco-service-daemon-0.1.0-x86_64.deb?",
    );
  });
});

describe("checkProduced", () => {
  const manifest = realManifest();
  const installable = manifest.artifacts.filter((a) => a.kind !== "oci");
  const allDocs = [
    ...manifest.artifacts.map((a) => `packaging/${a.kind}/${a.file}`),
    ...installable.flatMap((a) => [`packaging/install/${a.file}/INSTALL`, `packaging/install/${a.file}/INSTALL.md`]),
  ];

  it("accepts every artifact with the INSTALL documents of every package and tarball", () => {
    const verdicts = checkProduced(manifest, allDocs);
    expect(verdicts.filter((v) => v.problems.length > 0)).toEqual([]);
    expect(verdicts.length).toBe(manifest.artifacts.length);
  });

  it("reports an artifact of the manifest that was not built", () => {
    const lines = checkProduced(manifest, allDocs.filter((p) => p !== "packaging/oci/dev-builder-0.1.0-x86_64.oci.tar")).map(formatVerdict);
    expect(lines).toContain("error dev-builder-0.1.0-x86_64.oci.tar: in the manifest, but //packaging:all did not build it");
  });

  it("reports a package or tarball without its INSTALL", () => {
    const lines = checkProduced(manifest, allDocs.filter((p) => !p.endsWith("falco-bpf-0.1.0-x86_64.rpm/INSTALL.md"))).map(formatVerdict);
    expect(lines).toContain("error falco-bpf-0.1.0-x86_64.rpm: //packaging:all produced no INSTALL.md for it");
  });

  it("reports a built file that the manifest does not name", () => {
    const lines = checkProduced(manifest, [...allDocs, "packaging/falco-extras-0.1.0-x86_64.deb"]).map(formatVerdict);
    expect(lines).toContain(`error falco-extras-0.1.0-x86_64.deb: built, but not in the artifact manifest ${MANIFEST_PATH}`);
  });

  it("checks the names of built files", () => {
    const lines = checkProduced(manifest, [...allDocs, "packaging/falco-deamon-0.1.0-x86_64.deb"]).map(formatVerdict);
    expect(lines.find((l) => l.startsWith("error falco-deamon"))).toMatch(/misspelling of 'daemon'.*did you mean falco-daemon-0\.1\.0-x86_64\.deb\?$/);
  });
});
