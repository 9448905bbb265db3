/** One member of an ar archive (the container of a .deb). */
export interface ArMember {
  readonly name: string;
  readonly data: Uint8Array;
}

function field(text: string, width: number): string {
  if (text.length > width) {
    throw new Error(`ar header field too long: ${text}`);
  }
  return text.padEnd(width, " ");
}

/**
 * A System V ar archive of `members` in order, as dpkg-deb writes a .deb: mtime 0, owner 0, mode
 * 100644, names up to 16 bytes.
 */
export function writeAr(members: readonly ArMember[], mtime = 0): Uint8Array {
  const parts: Uint8Array[] = [new TextEncoder().encode("!<arch>\n")];
  for (const m of members) {
    const header = field(m.name, 16) + field(String(mtime), 12) + field("0", 6) + field("0", 6) + field("100644", 8) + field(String(m.data.length), 10) + "`\n";
    parts.push(new TextEncoder().encode(header), m.data);
    if (m.data.length % 2 === 1) {
      parts.push(new TextEncoder().encode("\n"));
    }
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
