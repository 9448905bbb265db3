import type { TreeEntry } from "./tree";

/** The modification time every member gets: fixed, so that one tree gives one archive. 2026-01-01T00:00:00Z. */
export const FIXED_MTIME = 1767225600;

const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}

function put(header: Uint8Array, offset: number, text: string, width: number): void {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > width) {
    throw new Error(`tar header field too long: ${text}`);
  }
  header.set(bytes, offset);
}

function headerBlock(name: string, prefix: string, mode: number, size: number, type: string, linkname: string): Uint8Array {
  const h = new Uint8Array(BLOCK);
  put(h, 0, name, 100);
  put(h, 100, octal(mode, 8), 8);
  put(h, 108, octal(0, 8), 8); // uid
  put(h, 116, octal(0, 8), 8); // gid
  put(h, 124, octal(size, 12), 12);
  put(h, 136, octal(FIXED_MTIME, 12), 12);
  put(h, 148, "        ", 8); // checksum placeholder
  put(h, 156, type, 1);
  put(h, 157, linkname, 100);
  put(h, 257, "ustar\0", 6);
  put(h, 263, "00", 2);
  put(h, 265, "root", 32);
  put(h, 297, "root", 32);
  put(h, 345, prefix, 155);
  const sum = h.reduce((a, b) => a + b, 0);
  put(h, 148, `${sum.toString(8).padStart(6, "0")}\0 `, 8);
  return h;
}

function padded(data: Uint8Array): Uint8Array[] {
  const rest = (BLOCK - (data.length % BLOCK)) % BLOCK;
  return rest === 0 ? [data] : [data, new Uint8Array(rest)];
}

/** Splits a path into ustar's prefix (<=155 bytes) and name (<=100 bytes), or undefined when it cannot. */
function ustarSplit(path: string): [string, string] | undefined {
  if (new TextEncoder().encode(path).length <= 100) {
    return ["", path];
  }
  for (let i = path.indexOf("/"); i >= 0; i = path.indexOf("/", i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (new TextEncoder().encode(prefix).length <= 155 && new TextEncoder().encode(name).length <= 100) {
      return [prefix, name];
    }
  }
  return undefined;
}

/** A PAX extended header holding `path` (and `linkpath`) for a member ustar cannot name. */
function paxRecords(records: Record<string, string>): Uint8Array {
  let text = "";
  for (const [key, value] of Object.entries(records)) {
    const body = ` ${key}=${value}\n`;
    let length = body.length + 1;
    while (`${length}${body}`.length !== length) {
      length = `${length}${body}`.length;
    }
    text += `${length}${body}`;
  }
  return new TextEncoder().encode(text);
}

/**
 * A tar archive (POSIX ustar, with PAX headers only for paths too long for ustar) of `entries`,
 * in the order given, under `root` (e.g. "." for packages, "" for none): owner root, mtime
 * FIXED_MTIME, directories with a trailing slash.
 */
export function writeTar(entries: readonly TreeEntry[], root = ""): Uint8Array {
  const parts: Uint8Array[] = [];
  const rooted = (path: string): string => (root === "" ? path : `${root}/${path}`);
  if (root !== "") {
    parts.push(headerBlock(`${root}/`, "", 0o755, 0, "5", ""));
  }
  for (const e of entries) {
    const path = rooted(e.path) + (e.kind === "dir" ? "/" : "");
    const type = e.kind === "dir" ? "5" : e.kind === "symlink" ? "2" : "0";
    const mode = e.kind === "symlink" ? 0o777 : e.mode;
    const data = e.kind === "file" ? e.data : new Uint8Array(0);
    const link = e.kind === "symlink" ? e.target : "";
    let split = ustarSplit(path);
    const longLink = new TextEncoder().encode(link).length > 100;
    if (split === undefined || longLink) {
      const pax = paxRecords({ ...(split === undefined ? { path } : {}), ...(longLink ? { linkpath: link } : {}) });
      parts.push(headerBlock("PaxHeader", "", 0o644, pax.length, "x", ""), ...padded(pax));
      split = split ?? ["", path.slice(-100).replace(/^\/+/, "")];
    }
    parts.push(headerBlock(split[1], split[0], mode, data.length, type, longLink ? "" : link), ...padded(data));
  }
  parts.push(new Uint8Array(BLOCK * 2));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
