import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../common/run_cli";
import { UserError } from "../common/user_error";
import { BAD_INPUT_CASES } from "./bad_input_cases";
import { copyWorkingTree } from "./checkout";
import { invokingWorkspace, NestedBazel } from "./nested_bazel";

const USAGE = "usage: bazel run //tools/workspace:bad_input_check";

/**
 * Puts each deliberate mistake of BAD_INPUT_CASES into a copy of the working tree, builds, and
 * checks that the build fails with the tool's own message pointing at the file and line.
 */
function main(argv: readonly string[]): number {
  if (argv.length > 0) {
    throw new UserError(argv[0] ?? "", `unexpected argument; ${USAGE}`, 2);
  }
  const { workspace, bazel } = invokingWorkspace(USAGE);
  const scratch = mkdtempSync(join(tmpdir(), "falco-bad-input-"));
  const nested = new NestedBazel(bazel, join(scratch, "tree"), join(scratch, "output-base"));
  let failures = 0;
  try {
    copyWorkingTree(workspace, nested.tree);
    for (const badCase of BAD_INPUT_CASES) {
      const path = join(nested.tree, badCase.file);
      const original = readFileSync(path, "utf8");
      writeFileSync(path, badCase.inject(original));
      const run = nested.run("build", ["--config=ci-local", badCase.target]);
      writeFileSync(path, original);
      const expected = badCase.expected(original);
      const line = run.log.split("\n").find((l) => expected.test(l));
      if (run.status !== 0 && line !== undefined) {
        console.log(`ok    ${badCase.name}: ${line.trim()}`);
      } else {
        failures++;
        console.log(`FAIL  ${badCase.name}: build exited ${run.status}, no line matches ${expected}`);
        console.log(run.log.split("\n").slice(-30).join("\n"));
      }
    }
  } finally {
    nested.shutdown();
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`bad input check: ${BAD_INPUT_CASES.length - failures} of ${BAD_INPUT_CASES.length} mistakes reported with file and line`);
  return failures === 0 ? 0 : 1;
}

void runCli("bad_input_check", main);
