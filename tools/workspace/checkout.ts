import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { UserError } from "../common/user_error";

/** Files that are not in git but belong to this machine's setup of the workspace. */
const MACHINE_FILES = [".bazelrc.user"];

/**
 * Copies the working tree as git sees it (tracked and new files, not ignored ones) plus the
 * machine's own settings into `destination`: a checkout like a fresh clone, with the developer's
 * uncommitted changes.
 */
export function copyWorkingTree(workspace: string, destination: string): void {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: workspace,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (listed.status !== 0) {
    throw new UserError(workspace, `git ls-files failed: ${listed.stderr || listed.error?.message}`);
  }
  const files = [...listed.stdout.split("\0"), ...MACHINE_FILES].filter((f) => f && existsSync(join(workspace, f)));
  for (const file of files) {
    mkdirSync(dirname(join(destination, file)), { recursive: true });
    cpSync(join(workspace, file), join(destination, file), { verbatimSymlinks: true });
  }
}

/** The source revision a build of `workspace` stamps (tools/workspace/status.sh, run there). */
export function sourceRevision(workspace: string): string {
  const status = spawnSync("bash", ["tools/workspace/status.sh"], { cwd: workspace, encoding: "utf8" });
  const match = /^STABLE_SOURCE_REVISION (\S+)$/m.exec(status.stdout);
  if (status.status !== 0 || match?.[1] === undefined) {
    throw new UserError(join(workspace, "tools/workspace/status.sh"), `printed no STABLE_SOURCE_REVISION: ${status.stderr.trim()}`);
  }
  return match[1];
}
