import { withBase } from "../name";
import type { Finding, Rule } from "./rule";

/** Names the project used before, and what each is called now. */
export const RENAMES: ReadonlyMap<string, string> = new Map([
  ["stable", "privileged-driver-install-falco"],
  ["bin", "falco-driver-full"],
  ["slim", "falco"],
]);

function renamed(old: string, current: string): string {
  return `'${old}' is an old name, renamed to '${current}'`;
}

/**
 * An old name fails wherever it appears: as the base name (`bin`), as an image tag
 * (`falcosecurity/falco:stable`) or as a tag's variant (`falcosecurity/falco:0.36.0-slim`).
 */
export const oldNames: Rule = {
  id: "old-names",
  check: ({ name }) => {
    const findings: Finding[] = [];
    const asBase = RENAMES.get(name.base);
    if (asBase !== undefined) {
      findings.push({ message: renamed(name.base, asBase), fix: (n) => withBase(n, asBase) });
    }
    if (name.form === "image" && name.tag !== undefined) {
      const tagWords = name.tag.split("-");
      for (const word of tagWords) {
        const current = RENAMES.get(word);
        if (current !== undefined) {
          const rest = tagWords.filter((w) => w !== word).join("-");
          findings.push({
            message: renamed(word, current),
            fix: (n) => (n.form === "image" ? { ...n, base: current, tag: rest || undefined } : withBase(n, current)),
          });
        }
      }
    }
    return findings;
  },
};
