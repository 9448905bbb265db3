import type { Rule } from "./rule";

const ALLOWED = /^[a-z0-9._\-/:]+$/;

/** Names are lowercase ASCII letters, digits and `. _ - / :` (what registries and package managers all accept). */
export const lowercase: Rule = {
  id: "lowercase",
  check: ({ text }) =>
    ALLOWED.test(text)
      ? []
      : [
          {
            message: "names use only lowercase letters, digits and . _ - / :",
            fix: (name) => ({ ...name, base: name.base.toLowerCase().replace(/[^a-z0-9._-]+/g, "-") }),
          },
        ],
};
