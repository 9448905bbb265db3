/** One deliberate mistake, and the message the build must answer it with. */
export interface BadInputCase {
  name: string;
  /** The file the mistake goes into, relative to the workspace. */
  file: string;
  /** The target whose build must fail. */
  target: string;
  /** Returns the file's text with the mistake in it. */
  inject: (text: string) => string;
  /** The message that must appear: the tool's own words, pointing at file and line. */
  expected: (text: string) => RegExp;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** 1-based number of the first line that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  if (index < 0) {
    throw new Error(`'${needle}' is not in the file`);
  }
  return index + 1;
}

const TYPE_ERROR = 'export const wrongType: number = "text";';

export const BAD_INPUT_CASES: readonly BadInputCase[] = [
  {
    name: "a typo in a BUILD file",
    file: "tools/common/BUILD.bazel",
    target: "//tools/common:common",
    inject: (text) => text.replace("ts_project(", "ts_projcet("),
    expected: (text) =>
      new RegExp(`${escape("tools/common/BUILD.bazel")}:${lineOf(text, "ts_project(")}:\\d+: name 'ts_projcet' is not defined`),
  },
  {
    name: "a TypeScript type error",
    file: "tools/common/user_error.ts",
    target: "//tools/common:common",
    inject: (text) => `${text.trimEnd()}\n${TYPE_ERROR}\n`,
    expected: (text) =>
      new RegExp(`^${escape("tools/common/user_error.ts")}\\(${text.trimEnd().split("\n").length + 1},14\\): error TS2322: `, "m"),
  },
];
