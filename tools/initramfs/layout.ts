import type { CpioEntry } from "./cpio";

/** What the command line asks for: files from the host, symlinks and device nodes. */
export interface LayoutRequest {
  readonly files: readonly { readonly guest: string; readonly host: string; readonly mode: number }[];
  readonly symlinks: readonly { readonly guest: string; readonly target: string }[];
  readonly chardevs: readonly { readonly guest: string; readonly mode: number; readonly major: number; readonly minor: number }[];
  readonly dirs: readonly string[];
}

/** A guest path in the archive's form: relative, no empty, "." or ".." parts. */
export function normalizeGuestPath(path: string): string {
  const parts = path.split("/").filter((p) => p !== "");
  if (parts.length === 0 || parts.some((p) => p === "." || p === "..")) {
    throw new Error(`${path}: not a usable guest path`);
  }
  return parts.join("/");
}

/**
 * Every entry of the archive: the requested ones plus each missing parent directory (mode 0755).
 * `read` gives the bytes of a host file.
 */
export function layoutEntries(request: LayoutRequest, read: (host: string) => Uint8Array): CpioEntry[] {
  const entries = new Map<string, CpioEntry>();
  const add = (entry: CpioEntry): void => {
    if (entries.has(entry.path)) {
      throw new Error(`${entry.path}: listed twice`);
    }
    entries.set(entry.path, entry);
  };
  for (const dir of request.dirs) {
    add({ kind: "dir", path: normalizeGuestPath(dir), mode: 0o755 });
  }
  for (const f of request.files) {
    add({ kind: "file", path: normalizeGuestPath(f.guest), mode: f.mode, data: read(f.host) });
  }
  for (const s of request.symlinks) {
    add({ kind: "symlink", path: normalizeGuestPath(s.guest), target: s.target });
  }
  for (const c of request.chardevs) {
    add({ kind: "chardev", path: normalizeGuestPath(c.guest), mode: c.mode, major: c.major, minor: c.minor });
  }
  for (const path of [...entries.keys()]) {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join("/");
      if (!entries.has(parent)) {
        entries.set(parent, { kind: "dir", path: parent, mode: 0o755 });
      } else if (entries.get(parent)?.kind !== "dir") {
        throw new Error(`${path}: its parent ${parent} is not a directory`);
      }
    }
  }
  return [...entries.values()];
}
