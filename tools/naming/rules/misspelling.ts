import { editDistance } from "../edit_distance";
import { baseWords } from "../name";
import type { Finding, Rule } from "./rule";

/** The words the naming conventions give meaning to, plus the organisation's name. */
export const CONVENTION_WORDS = ["privileged", "daemon", "module", "ptrace", "install", "bpf"] as const;
const ORGANISATION = "falcosecurity";

/** How far a word may be from a convention word to count as a misspelling of it. */
function tolerance(word: string): number {
  return word.length >= 5 ? 2 : 1;
}

/** The convention word that `word` misspells, if any: close to it, but neither it nor containing it. */
export function misspelled(word: string, candidates: readonly string[]): string | undefined {
  if (word.length < 3) {
    return undefined;
  }
  let best: { word: string; distance: number } | undefined;
  for (const candidate of candidates) {
    if (word.includes(candidate)) {
      return undefined;
    }
    const distance = editDistance(word, candidate);
    if (distance > 0 && distance <= tolerance(candidate) && (!best || distance < best.distance)) {
      best = { word: candidate, distance };
    }
  }
  return best?.word;
}

function replaceWord(text: string, from: string, to: string): string {
  return text
    .split(/([-_.])/)
    .map((part) => (part === from ? to : part))
    .join("");
}

/** Near-misses of the convention words (`priviliged-`, `previleged-`, `deamon`) and of `falcosecurity`. */
export const misspelling: Rule = {
  id: "misspelling",
  check: ({ name }) => {
    const findings: Finding[] = [];
    // Case is the lowercase rule's business; its fix runs first, so fixes here work on lowercase words.
    for (const word of new Set(baseWords(name.base.toLowerCase()))) {
      const meant = misspelled(word, CONVENTION_WORDS);
      if (meant !== undefined) {
        findings.push({
          message: `'${word}' looks like a misspelling of '${meant}'`,
          fix: (n) => ({ ...n, base: replaceWord(n.base, word, meant) }),
        });
      }
    }
    if (name.form === "image" && name.repository) {
      const organisation = (name.repository.split("/").at(-1) ?? "").toLowerCase();
      if (misspelled(organisation, [ORGANISATION]) !== undefined) {
        findings.push({
          message: `'${organisation}' looks like a misspelling of '${ORGANISATION}'`,
          fix: (n) => (n.form === "image" ? { ...n, repository: n.repository.replace(/[^/]*$/, ORGANISATION) } : n),
        });
      }
    }
    return findings;
  },
};
