import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { writeFileAtomic } from "../common/atomic_write";
import { runCli } from "../common/run_cli";
import { UserError } from "../common/user_error";
import { parseUnistd, syscallsJson } from "./unistd";

const PROGRAM = "import_syscalls";
const USAGE = "usage: bazel run //tools/event_schema:import_syscalls -- UNISTD_64_H OUTPUT_JSON";

/** Relative paths are the caller's: `bazel run` starts programs in their runfiles. */
function fromCaller(path: string): string {
  const base = process.env["BUILD_WORKING_DIRECTORY"];
  return isAbsolute(path) || base === undefined ? path : resolve(base, path);
}

/**
 * (Re)writes driver/api/schema/syscalls_x86_64.json from the kernel's asm/unistd_64.h:
 * `bazel run //tools/event_schema:import_syscalls -- /usr/include/x86_64-linux-gnu/asm/unistd_64.h
 * driver/api/schema/syscalls_x86_64.json`.
 */
function main(argv: readonly string[]): number {
  const [header, output, extra] = argv;
  if (header === undefined || output === undefined || extra !== undefined) {
    throw new UserError(argv.join(" ") || "(no arguments)", `expected two arguments\n${USAGE}`, 2);
  }
  let text: string;
  try {
    text = readFileSync(fromCaller(header), "utf8");
  } catch (error: unknown) {
    throw new UserError(header, `cannot read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const syscalls = parseUnistd(text, header);
  try {
    writeFileAtomic(fromCaller(output), syscallsJson(syscalls, header));
  } catch (error: unknown) {
    throw new UserError(output, `cannot write: ${error instanceof Error ? error.message : String(error)}`);
  }
  const highest = syscalls.reduce((max, s) => Math.max(max, s.nr), 0);
  console.log(`wrote ${syscalls.length} system calls (numbers 0..${highest}) to ${output}`);
  return 0;
}

void runCli(PROGRAM, main);
