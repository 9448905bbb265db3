import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { UserError } from "../common/user_error";

/** Variables that `bazel run` sets for a program and that must not leak into the builds it starts. */
const RUN_VARIABLES = new Set(["BUILD_WORKSPACE_DIRECTORY", "BUILD_WORKING_DIRECTORY", "RUNFILES_DIR", "RUNFILES_MANIFEST_FILE", "JAVA_RUNFILES"]);

/** The outcome of one Bazel command. */
export interface BazelRun {
  status: number | null;
  /** stdout and stderr together. */
  log: string;
  seconds: number;
}

/** Runs Bazel with `args` in `cwd`, outside the environment of the `bazel run` that started this tool. */
function runBazel(bazel: string, cwd: string, args: readonly string[], extraEnv: Readonly<Record<string, string>> = {}): BazelRun {
  const start = process.hrtime.bigint();
  const result = spawnSync(bazel, args, {
    cwd,
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !RUN_VARIABLES.has(name))), ...extraEnv },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) {
    throw new UserError(bazel, `cannot run: ${result.error.message}`);
  }
  return {
    status: result.status,
    log: `${result.stdout}${result.stderr}`,
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
  };
}

/**
 * A Bazel of its own for a tool started by `bazel run`: its own checkout and output base, so it
 * neither waits for nor disturbs the Bazel server that started the tool.
 */
export class NestedBazel {
  /**
   * `sourceRevision`: what the copy's builds stamp as the source revision (the copy has no .git;
   * tools/workspace/status.sh takes FALCO_SOURCE_REVISION), so they match the checkout's.
   */
  constructor(
    readonly bazel: string,
    readonly tree: string,
    readonly outputBase: string,
    readonly sourceRevision?: string,
  ) {}

  /** Runs `bazel <command> <args>` without convenience symlinks and returns what it printed. */
  run(command: string, args: readonly string[]): BazelRun {
    const env: Record<string, string> = this.sourceRevision === undefined ? {} : { FALCO_SOURCE_REVISION: this.sourceRevision };
    return runBazel(this.bazel, this.tree, [`--output_base=${this.outputBase}`, command, "--symlink_prefix=/", ...args], env);
  }

  /** Stops the server of this output base. */
  shutdown(): void {
    spawnSync(this.bazel, [`--output_base=${this.outputBase}`, "shutdown"], { cwd: this.tree });
  }
}

/**
 * Runs `bazel <command> <args>` in the invoking workspace itself, with its own server and output
 * base (after `bazel run` has returned, that server is free).
 */
export function runInWorkspace(bazel: string, workspace: string, command: string, args: readonly string[]): BazelRun {
  return runBazel(bazel, workspace, [command, ...args]);
}

/** The workspace that `bazel run` started this tool from, and the bazelisk installed in it. */
export function invokingWorkspace(usage: string): { workspace: string; bazel: string } {
  const workspace = process.env["BUILD_WORKSPACE_DIRECTORY"];
  if (!workspace) {
    throw new UserError("BUILD_WORKSPACE_DIRECTORY", `not set; ${usage}`, 2);
  }
  return { workspace, bazel: join(workspace, "node_modules/.bin/bazelisk") };
}
