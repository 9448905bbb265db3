import { readFileSync } from "node:fs";
import type { Kind } from "./manifest";
import { isInstallable, parseManifest } from "./manifest";

const MANIFEST_PATH = "packaging/artifacts.json";

describe("the artifact manifest", () => {
  const manifest = parseManifest(readFileSync(MANIFEST_PATH, "utf8"), MANIFEST_PATH);
  const names = (kind: Kind): string[] => manifest.artifacts.filter((a) => a.kind === kind).map((a) => a.name);

  it("lists the five packages and the four library packages as deb and rpm", () => {
    const packages = ["falco", "falco-daemon", "falco-module", "falco-bpf", "falco-ptrace", "libscap", "libscap-static", "libsinsp", "libsinsp-static"];
    expect(names("deb").sort()).toEqual([...packages].sort());
    expect(names("rpm").sort()).toEqual([...packages].sort());
  });

  it("lists the library packages and the four tarballs as tar.gz", () => {
    expect(names("tar.gz").sort()).toEqual(
      ["falco-driver-download", "falco-driver-full", "falco-driver-src", "falco-src", "libscap", "libscap-static", "libsinsp", "libsinsp-static"].sort(),
    );
  });

  it("lists the six images", () => {
    expect(names("oci").sort()).toEqual(
      [
        "falcosecurity/dev-builder",
        "falcosecurity/dev-tester",
        "falcosecurity/falco",
        "falcosecurity/privileged-driver-install",
        "falcosecurity/privileged-driver-install-falco",
        "falcosecurity/privileged-host-systemd-driver-falco",
      ].sort(),
    );
  });

  it("ships only x86_64, one version, and an INSTALL in every package and tarball", () => {
    expect(new Set(manifest.artifacts.map((a) => a.arch))).toEqual(new Set(["x86_64"]));
    expect(new Set(manifest.artifacts.map((a) => a.version)).size).toBe(1);
    for (const artifact of manifest.artifacts.filter(isInstallable)) {
      expect(artifact.contents.some((c) => c.path.endsWith("/INSTALL")))
        .withContext(artifact.file)
        .toBeTrue();
    }
  });

  it("makes falco depend on the module and the library packages", () => {
    const falco = manifest.artifacts.find((a) => a.file.startsWith("falco-0.1.0-x86_64.deb"));
    expect(falco?.depends).toEqual(["falco-module", "libscap", "libsinsp"]);
  });
});

describe("parseManifest", () => {
  const good = readFileSync(MANIFEST_PATH, "utf8");

  const cases: [string, string, RegExp][] = [
    ["not JSON", "{", /^m\.json: not JSON: /],
    ["no artifacts", "{}", /^m\.json: \$\.artifacts: expected a list$/],
    ["an unknown kind", good.replace('"kind": "deb"', '"kind": "msi"'), /^m\.json: \$\.artifacts\[\d+\]\.kind: 'msi' is not one of deb, rpm, tar\.gz, oci$/],
    ["an unknown property", good.replace('"daemon"\n', '"demon"\n'), /^m\.json: \$\.artifacts\[\d+\]\.properties\[0\]: 'demon' is not one of /],
    ["a missing field", good.replace(/"summary": "[^"]*",/, ""), /^m\.json: \$\.artifacts\[0\]\.summary: expected a string, found nothing$/],
    ["a dependency on nothing", good.replace('"falco-module",', '"falco-modul",'), /^m\.json: falco-0\.1\.0-x86_64\.deb: depends on or conflicts with 'falco-modul', which is not an artifact$/],
  ];
  for (const [what, text, error] of cases) {
    it(`rejects ${what} with the field's path`, () => {
      expect(() => parseManifest(text, "m.json")).toThrowError(error);
    });
  }
});
