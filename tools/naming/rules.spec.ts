import type { Artifact, Kind, Property } from "../manifest/manifest";
import { KIND_NOUNS } from "../manifest/manifest";
import { PROPERTY_DESCRIPTIONS } from "./rules/markers";
import { formatVerdict, validateName } from "./validate";

function artifact(name: string, kind: Kind, properties: Property[] = []): Artifact {
  const short = name.split("/").at(-1) ?? name;
  return {
    name,
    kind,
    version: "0.1.0",
    arch: "x86_64",
    file: `${short}-0.1.0-x86_64.${kind === "oci" ? "oci.tar" : kind}`,
    summary: "",
    contents: [],
    depends: [],
    conflicts: [],
    properties,
    driver: "",
    entrypoint: [],
  };
}

/** The one-line verdict for a name, checked against an artifact with the given properties. */
function verdict(name: string, kind?: Kind, properties: Property[] = []): string {
  return formatVerdict(validateName(name, undefined, kind === undefined ? undefined : artifact(name, kind, properties)));
}

describe("package markers", () => {
  const cases: [Property, string, string][] = [
    ["daemon", "falco-daemon", "daemon"],
    ["kernel-module", "falco-module", "module"],
    ["ebpf-probe", "falco-bpf", "bpf"],
    ["ptrace-driver", "falco-ptrace", "ptrace"],
  ];
  for (const [property, good, marker] of cases) {
    for (const kind of ["deb", "rpm"] as const) {
      const file = (base: string): string => `${base}-0.1.0-x86_64.${kind}`;

      it(`accepts a ${kind} with '${property}' named ${good}`, () => {
        expect(verdict(file(good), kind, [property])).toBe(`ok ${file(good)}`);
      });

      it(`rejects a ${kind} with '${property}' whose name lacks '${marker}'`, () => {
        expect(verdict(file("falco-extra"), kind, [property])).toBe(
          `error ${file("falco-extra")}: ${KIND_NOUNS[kind]} that ${PROPERTY_DESCRIPTIONS[property]} must contain '${marker}'; did you mean ${file(`falco-extra-${marker}`)}?`,
        );
      });

      it(`rejects a ${kind} named ${good} without '${property}'`, () => {
        expect(verdict(file(good), kind, [])).toMatch(
          new RegExp(`^error ${file(good)}: the name claims '${marker}' but ${KIND_NOUNS[kind]} without the property '${property}'.*; did you mean ${file("falco")}\\?$`),
        );
      });
    }
  }
});

describe("image markers", () => {
  const cases: [Property, string, string, string][] = [
    ["privileged", "falcosecurity/privileged-driver-install-falco", "falcosecurity/driver-loader-falco", "falcosecurity/privileged-driver-loader-falco"],
    ["development", "falcosecurity/dev-builder", "falcosecurity/builder", "falcosecurity/dev-builder"],
    ["installs-and-exits", "falcosecurity/driver-install", "falcosecurity/driver-loader", "falcosecurity/driver-loader-install"],
  ];
  for (const [property, good, bad, fixed] of cases) {
    it(`accepts ${good} with '${property}'`, () => {
      expect(verdict(good, "oci", [property])).toBe(`ok ${good}`);
    });

    it(`rejects ${bad} with '${property}' and suggests ${fixed}`, () => {
      expect(verdict(bad, "oci", [property])).toMatch(new RegExp(`^error ${bad}: an image that .*; did you mean ${fixed}\\?$`));
    });

    it(`rejects ${good} without '${property}'`, () => {
      expect(verdict(good, "oci", [])).toMatch(new RegExp(`^error ${good}: the name claims .* '${property}'`));
    });
  }

  it("does not hold package markers against images, nor image markers against packages", () => {
    expect(verdict("falcosecurity/falco", "oci", ["daemon"])).toBe("ok falcosecurity/falco");
    expect(verdict("dev-tools-0.1.0-x86_64.deb", "deb", [])).toBe("ok dev-tools-0.1.0-x86_64.deb");
  });
});

describe("version and architecture", () => {
  const cases: [string, string][] = [
    ["falco-0.1.0-x86_64.deb", "ok falco-0.1.0-x86_64.deb"],
    ["falco-0.1.0-x86_64.tar.gz", "ok falco-0.1.0-x86_64.tar.gz"],
    ["falco-x86_64.rpm", "error falco-x86_64.rpm: a package file name carries the version, as <base>-<version>-<arch>; did you mean falco-VERSION-x86_64.rpm?"],
    ["falco-0.1.0.deb", "error falco-0.1.0.deb: a package file name carries the architecture, 'x86_64'; did you mean falco-0.1.0-x86_64.deb?"],
    ["falco-0.1.0-aarch64.rpm", "error falco-0.1.0-aarch64.rpm: the architecture is 'x86_64' (the only one shipped), not 'aarch64'; did you mean falco-0.1.0-x86_64.rpm?"],
  ];
  for (const [name, expected] of cases) {
    it(`says '${expected}'`, () => {
      expect(verdict(name)).toBe(expected);
    });
  }
});

describe("misspellings", () => {
  const cases: [string, string][] = [
    ["falcosecurity/priviliged-driver-install-falco", "falcosecurity/privileged-driver-install-falco"],
    ["falcosecurity/previleged-driver-install", "falcosecurity/privileged-driver-install"],
    ["falco-deamon", "falco-daemon"],
    ["falco-modlue-0.1.0-x86_64.deb", "falco-module-0.1.0-x86_64.deb"],
    ["falco-bfp", "falco-bpf"],
    ["falco-ptarce", "falco-ptrace"],
    ["falcosecurity/driver-instal", "falcosecurity/driver-install"],
    ["falcosecurty/falco", "falcosecurity/falco"],
  ];
  for (const [name, fixed] of cases) {
    it(`rejects ${name} and suggests ${fixed}`, () => {
      expect(verdict(name)).toMatch(new RegExp(`^error ${name}: '\\w+' looks like a misspelling of '\\w+'; did you mean ${fixed}\\?$`));
    });
  }

  const fine = ["falco-driver-full", "falco-src", "libsinsp-static", "falcosecurity/dev-tester", "falco-ebpf-tools", "falco-installer", "dev-builder"];
  for (const name of fine) {
    it(`accepts ${name}`, () => {
      expect(verdict(name)).toBe(`ok ${name}`);
    });
  }
});

describe("old names", () => {
  const cases: [string, string][] = [
    ["stable", "privileged-driver-install-falco"],
    ["bin", "falco-driver-full"],
    ["slim", "falco"],
    ["falcosecurity/falco:stable", "falcosecurity/privileged-driver-install-falco"],
    ["falcosecurity/falco:0.36.0-slim", "falcosecurity/falco:0.36.0"],
    ["falcosecurity/stable", "falcosecurity/privileged-driver-install-falco"],
    ["bin-0.1.0-x86_64.tar.gz", "falco-driver-full-0.1.0-x86_64.tar.gz"],
  ];
  for (const [name, renamed] of cases) {
    it(`rejects ${name} with the new name ${renamed}`, () => {
      expect(verdict(name)).toMatch(new RegExp(`^error ${name}: '(stable|bin|slim)' is an old name, renamed to '[a-z-]+'; did you mean ${renamed}\\?$`));
    });
  }
});

describe("lowercase", () => {
  it("rejects capitals and other characters, suggesting the lowercase name", () => {
    expect(verdict("Falco_Module")).toBe("error Falco_Module: names use only lowercase letters, digits and . _ - / :; did you mean falco_module?");
    expect(verdict("falco daemon")).toBe("error falco daemon: names use only lowercase letters, digits and . _ - / :; did you mean falco-daemon?");
  });
});
