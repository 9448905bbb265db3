import { ARCH } from "../name";
import type { Rule, Finding } from "./rule";

/** Every package and image file name carries the version and the architecture: `<base>-<version>-x86_64.<ext>`. */
export const versionArch: Rule = {
  id: "version-arch",
  check: ({ name, release }) => {
    if (name.form !== "file") {
      return [];
    }
    const findings: Finding[] = [];
    if (name.version === undefined) {
      const version = release ?? "VERSION";
      findings.push({
        message: "a package file name carries the version, as <base>-<version>-<arch>",
        fix: (n) => (n.form === "file" ? { ...n, version } : n),
      });
    }
    if (name.arch !== ARCH) {
      findings.push({
        message:
          name.arch === undefined
            ? `a package file name carries the architecture, '${ARCH}'`
            : `the architecture is '${ARCH}' (the only one shipped), not '${name.arch}'`,
        fix: (n) => (n.form === "file" ? { ...n, arch: ARCH } : n),
      });
    }
    return findings;
  },
};
