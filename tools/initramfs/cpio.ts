import type { TreeEntry } from "../archive/tree";

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
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
}

function member(entry: TreeEntry): Member {
  switch (entry.kind) {
    case "dir":
      return { name: entry.path, mode: S_IFDIR | (entry.mode & 0o7777), nlink: 2, data: new Uint8Array(0) };
    case "file":
      return { name: entry.path, mode: S_IFREG | (entry.mode & 0o7777), nlink: 1, data: entry.data };
    case "symlink":
      return { name: entry.path, mode: S_IFLNK | 0o777, nlink: 1, data: new TextEncoder().encode(entry.target) };
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
    0, // rdev major
    0, // rdev minor
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
 * Writes a tree (//tools/archive, sorted so a directory precedes what it holds) as a cpio archive
 * in the "newc" format the kernel unpacks into its initramfs: owned by root, mtime 0, inode
 * numbers in order, so the same tree always gives the same bytes.
 */
export function writeNewc(entries: readonly TreeEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  entries.forEach((entry, index) => parts.push(...encodeMember(member(entry), index + 1)));
  parts.push(...encodeMember({ name: TRAILER, mode: 0, nlink: 1, data: new Uint8Array(0) }, 0));
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
