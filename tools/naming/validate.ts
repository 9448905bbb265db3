import type { Artifact, Manifest } from "../manifest/manifest";
import type { ParsedName } from "./name";
import { formatName, parseName } from "./name";
import { RULES } from "./rules/index";
import type { Subject } from "./rules/rule";

/** The verdict on one name. */
export interface Verdict {
  name: string;
  problems: string[];
  /** The name with every fixable problem fixed; undefined when nothing can be suggested. */
  suggestion: string | undefined;
}

/** The manifest's artifact that a name refers to, if any. */
export function findArtifact(name: ParsedName, text: string, manifest: Manifest | undefined): Artifact | undefined {
  const artifacts = manifest?.artifacts ?? [];
  switch (name.form) {
    case "file":
      return artifacts.find((a) => a.file === text);
    case "image": {
      const full = name.repository ? `${name.repository}/${name.base}` : name.base;
      return artifacts.find((a) => a.kind === "oci" && (a.name === full || a.name.endsWith(`/${full}`)));
    }
    case "base":
      return artifacts.find((a) => a.name === text || a.name.endsWith(`/${text}`));
  }
}

function release(manifest: Manifest | undefined): string | undefined {
  const versions = new Set(manifest?.artifacts.map((a) => a.version));
  return versions.size === 1 ? [...versions][0] : undefined;
}

/**
 * Applies the rules to `text` in order, each to the name as the rules before it would fix it, so
 * that one mistake is reported once (`priviliged-x` is a misspelling, not also a missing prefix).
 */
export function validateName(text: string, manifest?: Manifest, artifact?: Artifact): Verdict {
  const parsed = parseName(text);
  const known = artifact ?? findArtifact(parsed, text, manifest);
  const problems: string[] = [];
  let fixed = parsed;
  for (const rule of RULES) {
    const subject: Subject = { text, name: fixed, artifact: known, release: release(manifest) };
    for (const finding of rule.check(subject)) {
      problems.push(finding.message);
      fixed = finding.fix ? finding.fix(fixed) : fixed;
    }
  }
  const suggestion = formatName(fixed);
  return { name: text, problems, suggestion: problems.length > 0 && suggestion !== text ? suggestion : undefined };
}

/** `ok NAME`, or `error NAME: problem; problem; did you mean SUGGESTION?`. */
export function formatVerdict(verdict: Verdict): string {
  if (verdict.problems.length === 0) {
    return `ok ${verdict.name}`;
  }
  const hint = verdict.suggestion !== undefined ? `; did you mean ${verdict.suggestion}?` : "";
  return `error ${verdict.name}: ${verdict.problems.join("; ")}${hint}`;
}
