import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFileAtomic } from "../common/atomic_write";
import { runCli } from "../common/run_cli";
import { UserError } from "../common/user_error";
import { writeTar } from "../archive/tar";
import { debianLayer, unpackDeb } from "./debian_layer";
import type { UnpackedPackage } from "./debian_layer";

const USAGE = "usage: debian_layer --out LAYER.tar [--deb PACKAGE.deb]... [--base-deb PACKAGE.deb]... [--exclude PATH_PREFIX]...";

/** Writes Debian packages, unpacked by dpkg-deb, as one uncompressed layer tar with dpkg's database. */
function main(argv: readonly string[]): number {
  let out: string | undefined;
  const debs: string[] = [];
  const baseDebs: string[] = [];
  const excludes: string[] = [];
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] ?? "";
    const value = argv[i + 1];
    if (value === undefined) {
      throw new UserError(flag, `needs a value\n${USAGE}`, 2);
    }
    if (flag === "--out") {
      out = value;
    } else if (flag === "--deb") {
      debs.push(value);
    } else if (flag === "--base-deb") {
      baseDebs.push(value);
    } else if (flag === "--exclude") {
      excludes.push(value);
    } else {
      throw new UserError(flag, `unexpected argument\n${USAGE}`, 2);
    }
  }
  if (out === undefined || debs.length === 0) {
    throw new UserError("--out/--deb", `are required\n${USAGE}`, 2);
  }
  const scratch = mkdtempSync(join(tmpdir(), "debian-layer-"));
  try {
    const unpack = (deb: string, index: number, withFiles: boolean): UnpackedPackage => {
      const dir = join(scratch, String(index));
      try {
        return unpackDeb(deb, dir, withFiles);
      } catch (error: unknown) {
        throw new UserError(deb, error instanceof Error ? error.message.replace(`${deb}: `, "") : String(error));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    const packages = debs.map((deb, i) => unpack(deb, i, true));
    const basePackages = baseDebs.map((deb, i) => unpack(deb, debs.length + i, false));
    let entries;
    try {
      entries = debianLayer({ packages, basePackages, excludes });
    } catch (error: unknown) {
      throw new UserError(out, error instanceof Error ? error.message : String(error));
    }
    writeFileAtomic(out, writeTar(entries));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return 0;
}

void runCli("debian_layer", main);
