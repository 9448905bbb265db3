import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { writeFileAtomic } from "../common/atomic_write";
import { runCli } from "../common/run_cli";
import { UserError } from "../common/user_error";
import { writeNewc } from "./cpio";
import { layoutEntries, type LayoutRequest } from "./layout";

const USAGE = `usage: initramfs --out OUT.cpio.gz [--file GUEST=HOST[:MODE]]... [--symlink GUEST=TARGET]...
                 [--chardev GUEST=MAJOR:MINOR[:MODE]]... [--dir GUEST]...`;

function splitPair(flag: string, value: string): [string, string] {
  const at = value.indexOf("=");
  if (at <= 0 || at === value.length - 1) {
    throw new UserError(`${flag} ${value}`, `expected GUEST=VALUE\n${USAGE}`, 2);
  }
  return [value.slice(0, at), value.slice(at + 1)];
}

function parseMode(flag: string, text: string): number {
  if (!/^[0-7]{3,4}$/.test(text)) {
    throw new UserError(`${flag} ${text}`, "mode must be octal, e.g. 0755", 2);
  }
  return parseInt(text, 8);
}

function parseArgs(argv: readonly string[]): { out: string; request: LayoutRequest } {
  let out: string | undefined;
  const files: { guest: string; host: string; mode: number }[] = [];
  const symlinks: { guest: string; target: string }[] = [];
  const chardevs: { guest: string; mode: number; major: number; minor: number }[] = [];
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] ?? "";
    const value = argv[i + 1];
    if (value === undefined) {
      throw new UserError(flag, `needs a value\n${USAGE}`, 2);
    }
    switch (flag) {
      case "--out":
        out = value;
        break;
      case "--file": {
        const [guest, rest] = splitPair(flag, value);
        const colon = rest.lastIndexOf(":");
        const hasMode = colon > 0 && /^[0-7]{3,4}$/.test(rest.slice(colon + 1));
        files.push({ guest, host: hasMode ? rest.slice(0, colon) : rest, mode: hasMode ? parseMode(flag, rest.slice(colon + 1)) : 0o644 });
        break;
      }
      case "--symlink": {
        const [guest, target] = splitPair(flag, value);
        symlinks.push({ guest, target });
        break;
      }
      case "--chardev": {
        const [guest, spec] = splitPair(flag, value);
        const [major, minor, mode] = spec.split(":");
        if (!/^\d+$/.test(major ?? "") || !/^\d+$/.test(minor ?? "")) {
          throw new UserError(`${flag} ${value}`, "expected GUEST=MAJOR:MINOR[:MODE]", 2);
        }
        chardevs.push({ guest, major: Number(major), minor: Number(minor), mode: mode === undefined ? 0o600 : parseMode(flag, mode) });
        break;
      }
      case "--dir":
        dirs.push(value);
        break;
      default:
        throw new UserError(flag, `unknown option\n${USAGE}`, 2);
    }
  }
  if (out === undefined) {
    throw new UserError("--out", `is required\n${USAGE}`, 2);
  }
  return { out, request: { files, symlinks, chardevs, dirs } };
}

/** Writes a gzip-compressed newc cpio archive for a kernel's initramfs, byte-identical for the same inputs. */
function main(argv: readonly string[]): number {
  const { out, request } = parseArgs(argv);
  const read = (host: string): Uint8Array => {
    try {
      return readFileSync(host);
    } catch (error: unknown) {
      throw new UserError(host, error instanceof Error ? error.message : String(error));
    }
  };
  let entries;
  try {
    entries = layoutEntries(request, read);
  } catch (error: unknown) {
    if (error instanceof UserError) {
      throw error;
    }
    throw new UserError(out, error instanceof Error ? error.message : String(error));
  }
  writeFileAtomic(out, gzipSync(writeNewc(entries), { level: 9 }));
  return 0;
}

void runCli("initramfs", main);
