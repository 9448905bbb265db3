import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { buildTree, parseTreeSpec } from "../archive/tree";
import { writeFileAtomic } from "../common/atomic_write";
import { runCli } from "../common/run_cli";
import { UserError } from "../common/user_error";
import { writeNewc } from "./cpio";

const USAGE = "usage: initramfs --tree TREE.json --out OUT.cpio.gz";

/** Writes a tree (a package_tree's JSON) as a gzip-compressed newc cpio archive, byte-identical for the same inputs. */
function main(argv: readonly string[]): number {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] ?? "";
    const value = argv[i + 1];
    if (!["--tree", "--out"].includes(flag) || value === undefined) {
      throw new UserError(flag, `unexpected argument\n${USAGE}`, 2);
    }
    flags.set(flag, value);
  }
  const treePath = flags.get("--tree");
  const out = flags.get("--out");
  if (treePath === undefined || out === undefined) {
    throw new UserError("--tree/--out", `are required\n${USAGE}`, 2);
  }
  let cpio: Uint8Array;
  try {
    cpio = writeNewc(buildTree(parseTreeSpec(readFileSync(treePath, "utf8"), treePath)));
  } catch (error: unknown) {
    throw new UserError(treePath, error instanceof Error ? error.message : String(error));
  }
  writeFileAtomic(out, gzipSync(cpio, { level: 9 }));
  return 0;
}

void runCli("initramfs", main);
