/**
 * What rpm's dependency generator reads from a shared object or program: its soname and the
 * sonames it needs (the dynamic section's DT_SONAME and DT_NEEDED), for 64-bit little-endian ELF.
 */
export interface ElfDynamic {
  readonly soname: string | undefined;
  readonly needed: readonly string[];
}

const SHT_DYNAMIC = 6;
const DT_NULL = 0;
const DT_NEEDED = 1;
const DT_SONAME = 14;

/**
 * The dynamic section of `data`, or undefined when it is not a 64-bit little-endian ELF file or
 * has no dynamic section (scripts, headers, relocatable objects such as the eBPF probe).
 * Throws, naming `what`, when the file claims to be such an ELF but its tables do not fit.
 */
export function readElfDynamic(data: Uint8Array, what: string): ElfDynamic | undefined {
  if (data.length < 64 || data[0] !== 0x7f || data[1] !== 0x45 || data[2] !== 0x4c || data[3] !== 0x46) {
    return undefined;
  }
  if (data[4] !== 2 || data[5] !== 1) {
    return undefined; // 32-bit or big-endian: not something this project ships
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const fits = (offset: number, length: number): boolean => offset >= 0 && length >= 0 && offset + length <= data.length;
  const shoff = Number(view.getBigUint64(0x28, true));
  const shentsize = view.getUint16(0x3a, true);
  const shnum = view.getUint16(0x3c, true);
  if (shnum === 0) {
    return undefined;
  }
  if (shentsize < 64 || !fits(shoff, shentsize * shnum)) {
    throw new Error(`${what}: ELF section table out of bounds`);
  }
  const section = (i: number): { type: number; offset: number; size: number; link: number; entsize: number } => {
    const at = shoff + i * shentsize;
    return {
      type: view.getUint32(at + 4, true),
      offset: Number(view.getBigUint64(at + 0x18, true)),
      size: Number(view.getBigUint64(at + 0x20, true)),
      link: view.getUint32(at + 0x28, true),
      entsize: Number(view.getBigUint64(at + 0x38, true)),
    };
  };
  for (let i = 0; i < shnum; i++) {
    const dynamic = section(i);
    if (dynamic.type !== SHT_DYNAMIC) {
      continue;
    }
    if (dynamic.link >= shnum) {
      throw new Error(`${what}: ELF dynamic section names no string table`);
    }
    const strings = section(dynamic.link);
    if (!fits(dynamic.offset, dynamic.size) || !fits(strings.offset, strings.size)) {
      throw new Error(`${what}: ELF dynamic section out of bounds`);
    }
    const text = (offset: number): string => {
      const start = strings.offset + offset;
      const end = data.indexOf(0, start);
      if (offset >= strings.size || end < 0 || end >= strings.offset + strings.size) {
        throw new Error(`${what}: ELF dynamic string out of bounds`);
      }
      return new TextDecoder().decode(data.subarray(start, end));
    };
    const step = dynamic.entsize || 16;
    let soname: string | undefined;
    const needed: string[] = [];
    for (let at = dynamic.offset; at + 16 <= dynamic.offset + dynamic.size; at += step) {
      const tag = Number(view.getBigInt64(at, true));
      const value = Number(view.getBigUint64(at + 8, true));
      if (tag === DT_NULL) {
        break;
      }
      if (tag === DT_NEEDED) {
        needed.push(text(value));
      } else if (tag === DT_SONAME) {
        soname = text(value);
      }
    }
    return { soname, needed };
  }
  return undefined;
}
