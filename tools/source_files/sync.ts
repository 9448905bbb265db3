import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../common/atomic_write";
import { UserError } from "../common/user_error";

export const USAGE = "usage: source_files (--check | --update) --folder DIR --update-target LABEL (GENERATED COMMITTED)...";

/** A generated file and the place in the repository where a copy of it is committed. */
export interface Pair {
  generated: string;
  committed: string;
}

export interface Options {
  mode: "check" | "update";
  folder: string;
  updateTarget: string;
  pairs: Pair[];
  /** The copies the folder holds, when the caller knows (a test sees only its declared inputs). */
  present: string[] | undefined;
}

export function parseOptions(argv: readonly string[]): Options {
  let mode: Options["mode"] | undefined;
  let folder: string | undefined;
  let updateTarget = "";
  let present: string[] | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--check" || arg === "--update") {
      mode = arg === "--check" ? "check" : "update";
    } else if (arg === "--present") {
      present = [...(present ?? []), argv[++i] ?? ""];
    } else if (arg === "--folder" || arg === "--update-target") {
      const value = argv[++i];
      if (value === undefined) {
        throw new UserError(arg, `needs a value\n${USAGE}`, 2);
      }
      if (arg === "--folder") {
        folder = value;
      } else {
        updateTarget = value;
      }
    } else {
      rest.push(arg);
    }
  }
  if (mode === undefined || folder === undefined || rest.length % 2 !== 0) {
    throw new UserError("source_files", USAGE, 2);
  }
  const pairs: Pair[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    pairs.push({ generated: rest[i] ?? "", committed: rest[i + 1] ?? "" });
  }
  return { mode, folder, updateTarget, pairs, present };
}

/** The copies in the folder: as the caller listed them, else as the folder under `root` holds them. */
function presentCopies(options: Options, root: string): string[] {
  if (options.present !== undefined) {
    return options.present;
  }
  const folder = join(root, options.folder);
  return (existsSync(folder) ? readdirSync(folder) : []).filter((name) => name !== "BUILD.bazel").map((name) => `${options.folder}/${name}`);
}

/** What differs between the generated files and the committed copies under `root`. */
export function differences(options: Options, root: string): string[] {
  const problems: string[] = [];
  const expected = new Set(options.pairs.map((p) => p.committed));
  for (const { generated, committed } of options.pairs) {
    const path = join(root, committed);
    if (!existsSync(path)) {
      problems.push(`${committed}: missing`);
    } else if (!readFileSync(path).equals(readFileSync(generated))) {
      problems.push(`${committed}: differs from what the build generates`);
    }
  }
  for (const committed of presentCopies(options, root)) {
    if (!expected.has(committed)) {
      problems.push(`${committed}: no longer generated`);
    }
  }
  return problems.sort();
}

/** Writes every generated file over its committed copy and deletes copies nothing generates. */
export function update(options: Options, root: string): string[] {
  const changed = differences(options, root);
  mkdirSync(join(root, options.folder), { recursive: true });
  for (const { generated, committed } of options.pairs) {
    writeFileAtomic(join(root, committed), readFileSync(generated));
  }
  const expected = new Set(options.pairs.map((p) => p.committed));
  for (const committed of presentCopies(options, root)) {
    if (!expected.has(committed)) {
      rmSync(join(root, committed));
    }
  }
  return changed;
}
