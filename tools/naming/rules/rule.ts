import type { Artifact } from "../../manifest/manifest";
import type { ParsedName } from "../name";

/** What a rule looks at: the name as given, parsed, and the manifest's artifact when it names one. */
export interface Subject {
  text: string;
  name: ParsedName;
  artifact: Artifact | undefined;
  /** The release version of the manifest, for suggestions. */
  release: string | undefined;
}

/** One broken rule: what is wrong, and how the name would be right. */
export interface Finding {
  message: string;
  /** The name with this problem fixed, when a fix can be said. */
  fix?: (name: ParsedName) => ParsedName;
}

export interface Rule {
  /** Short identifier, for tests and documentation. */
  id: string;
  check: (subject: Subject) => Finding[];
}
