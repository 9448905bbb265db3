/** One member of an initramfs archive. Paths are relative to the guest's root, without a leading slash. */
export type CpioEntry =
  | { readonly kind: "dir"; readonly path: string; readonly mode: number }
  | { readonly kind: "file"; readonly path: string; readonly mode: number; readonly data: Uint8Array }
  | { readonly kind: "symlink"; readonly path: string; readonly target: string }
  | { readonly kind: "chardev"; readonly path: string; readonly mode: number; readonly major: number; readonly minor: number };

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const S_IFCHR = 0o020000;
const HEADER_BYTES = 110;
const TRAILER = "TRAILER!!!";

function hex8(value: number): string {
  return value.toString(16).padStart(8, "0");
}

function padTo4(length: number): number {
  return (4 - (length % 4)) % 4;
}

interface Member {
  readonly name: string;
  readonly mode: number;
  readonly nlink: number;
  readonly data: Uint8Array;
  readonly rdevMajor: number;
  readonly rdevMinor: number;
}

function member(entry: CpioEntry): Member {
  const base = { name: entry.path, nlink: 1, data: new Uint8Array(0), rdevMajor: 0, rdevMinor: 0 };
  switch (entry.kind) {
    case "dir":
      return { ...base, mode: S_IFDIR | (entry.mode & 0o7777), nlink: 2 };
    case "file":
      return { ...base, mode: S_IFREG | (entry.mode & 0o7777), data: entry.data };
    case "symlink":
      return { ...base, mode: S_IFLNK | 0o777, data: new TextEncoder().encode(entry.target) };
    case "chardev":
      return { ...base, mode: S_IFCHR | (entry.mode & 0o7777), rdevMajor: entry.major, rdevMinor: entry.minor };
  }
}

function encodeMember(m: Member, inode: number): Uint8Array[] {
  const name = new TextEncoder().encode(`${m.name}\0`);
  const fields = [
    inode,
    m.mode,
    0, // uid
    0, // gid
    m.nlink,
    0, // mtime: fixed, so that one input gives one archive
    m.data.length,
    0, // dev major
    0, // dev minor
    m.rdevMajor,
    m.rdevMinor,
    name.length,
    0, // check (newc has none)
  ];
  const header = new TextEncoder().encode(`070701${fields.map(hex8).join("")}`);
  return [
    header,
    name,
    new Uint8Array(padTo4(HEADER_BYTES + name.length)),
    m.data,
    new Uint8Array(padTo4(m.data.length)),
  ];
}

/**
 * Writes `entries` as a cpio archive in the "newc" format the kernel unpacks into its initramfs:
 * sorted by path (so a directory precedes what it holds), owned by root, with mtime 0 and inode
 * numbers in order, so the same entries always give the same bytes.
 */
export function writeNewc(entries: readonly CpioEntry[]): Uint8Array {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.path === sorted[i - 1]?.path) {
      throw new Error(`${sorted[i]?.path ?? ""}: listed twice`);
    }
  }
  const parts: Uint8Array[] = [];
  sorted.forEach((entry, index) => parts.push(...encodeMember(member(entry), index + 1)));
  parts.push(...encodeMember({ name: TRAILER, mode: 0, nlink: 1, data: new Uint8Array(0), rdevMajor: 0, rdevMinor: 0 }, 0));
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
