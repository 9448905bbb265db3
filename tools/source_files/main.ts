import { runCli } from "../common/run_cli";
import { UserError } from "../common/user_error";
import { differences, parseOptions, update } from "./sync";

/**
 * Keeps generated files that are committed (the docs site's INSTALL pages) equal to what the
 * build generates: `--check` in a test, `--update` from `bazel run`.
 */
function main(argv: readonly string[]): number {
  const options = parseOptions(argv);
  if (options.mode === "check") {
    const problems = differences(options, ".");
    for (const problem of problems) {
      console.log(`${problem} (run: bazel run ${options.updateTarget})`);
    }
    console.log(`${options.pairs.length - problems.length} of ${options.pairs.length} committed files match the build`);
    return problems.length === 0 ? 0 : 1;
  }
  const workspace = process.env["BUILD_WORKSPACE_DIRECTORY"];
  if (!workspace) {
    throw new UserError("BUILD_WORKSPACE_DIRECTORY", `not set: run this with bazel run ${options.updateTarget}`, 2);
  }
  const changed = update(options, workspace);
  for (const line of changed) {
    console.log(`updated ${line}`);
  }
  console.log(`${changed.length} committed files updated in ${options.folder}`);
  return 0;
}

void runCli("source_files", main);
