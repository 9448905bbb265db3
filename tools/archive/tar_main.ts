import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { writeFileAtomic } from "../common/atomic_write";
import { runCli } from "../common/run_cli";
import { UserError } from "../common/user_error";
import { writeTar } from "./tar";
import { buildTree, parseTreeSpec } from "./tree";

const USAGE = "usage: archive_tar --tree TREE.json --out OUT.tar.gz [--root DIR]";

/** Writes a tree (the JSON the packaging rules write) as a gzip-compressed tar, byte-identical for the same inputs. */
function main(argv: readonly string[]): number {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] ?? "";
    const value = argv[i + 1];
    if (!["--tree", "--out", "--root"].includes(flag) || value === undefined) {
      throw new UserError(flag, `unexpected argument\n${USAGE}`, 2);
    }
    flags.set(flag, value);
  }
  const treePath = flags.get("--tree");
  const out = flags.get("--out");
  if (treePath === undefined || out === undefined) {
    throw new UserError("--tree/--out", `are required\n${USAGE}`, 2);
  }
  let tar: Uint8Array;
  try {
    tar = writeTar(buildTree(parseTreeSpec(readFileSync(treePath, "utf8"), treePath)), flags.get("--root") ?? "");
  } catch (error: unknown) {
    throw new UserError(treePath, error instanceof Error ? error.message : String(error));
  }
  writeFileAtomic(out, gzipSync(tar, { level: 9 }));
  return 0;
}

void runCli("archive_tar", main);
