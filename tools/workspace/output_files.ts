import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../common/user_error";
import type { BazelRun } from "./nested_bazel";

/** One file a target builds: its path below bazel-bin, where it was read, size and SHA-256. */
export interface OutputFile {
  readonly path: string;
  readonly location: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** Runs one Bazel command in some workspace (a NestedBazel's `run`). */
export type RunBazel = (command: string, args: readonly string[]) => BazelRun;

function checked(run: BazelRun, what: string): string {
  if (run.status !== 0) {
    throw new UserError(what, `bazel exited ${run.status}: ${run.log.trim().split("\n").slice(-5).join(" | ")}`);
  }
  return run.log;
}

/**
 * The files `target` builds (its default outputs) with their digests, read from the execution
 * root of the workspace `run` drives. `flags` must be those the target was built with.
 */
export function outputFiles(run: RunBazel, target: string, flags: readonly string[]): OutputFile[] {
  const expression = "'\\n'.join([f.path for f in target.files.to_list()])";
  const listing = checked(run("cquery", [...flags, "--ui_event_filters=-info,-progress", target, "--output=starlark", `--starlark:expr=${expression}`]), `cquery ${target}`);
  const root = checked(run("info", [...flags, "--ui_event_filters=-info", "execution_root"]), "bazel info execution_root")
    .trim()
    .split("\n")
    .at(-1);
  if (root === undefined || !root.startsWith("/")) {
    throw new UserError("bazel info execution_root", "printed no path");
  }
  return listing
    .split("\n")
    .filter((line) => line.startsWith("bazel-out/"))
    .map((path) => {
      const location = join(root, path);
      const data = readFileSync(location);
      return { path: path.replace(/^bazel-out\/[^/]+\/bin\//, ""), location, bytes: data.length, sha256: createHash("sha256").update(data).digest("hex") };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** One line per file that differs between two builds of the same target (missing, or other bytes). */
export function compareOutputs(first: readonly OutputFile[], second: readonly OutputFile[]): string[] {
  const other = new Map(second.map((f) => [f.path, f]));
  const problems: string[] = [];
  for (const file of first) {
    const twin = other.get(file.path);
    if (twin === undefined) {
      problems.push(`${file.path}: only in the first build`);
    } else if (twin.sha256 !== file.sha256) {
      problems.push(`${file.path}: ${file.sha256.slice(0, 12)} (${file.bytes} bytes) vs ${twin.sha256.slice(0, 12)} (${twin.bytes} bytes)`);
    }
    other.delete(file.path);
  }
  for (const path of other.keys()) {
    problems.push(`${path}: only in the second build`);
  }
  return problems;
}
