/** What the package writers (deb shlibs and RUNPATH check, rpm soname dependencies) need from an ELF file's dynamic section. */
export interface ElfDynamic {
  /** DT_SONAME: set for shared libraries. */
  readonly soname: string | undefined;
  /** DT_RUNPATH and DT_RPATH: library search paths baked into the file (empty when none). */
  readonly searchPaths: readonly string[];
  /** DT_NEEDED, in file order. */
  readonly needed: readonly string[];
}

const PT_LOAD = 1;
const PT_DYNAMIC = 2;
const DT_NULL = 0n;
const DT_NEEDED = 1n;
const DT_STRTAB = 5n;
const DT_SONAME = 14n;
const DT_RPATH = 15n;
const DT_RUNPATH = 29n;

/** True when `data` starts with the ELF magic. */
export function isElf(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x7f && data[1] === 0x45 && data[2] === 0x4c && data[3] === 0x46;
}

interface Segment {
  readonly type: number;
  readonly offset: number;
  readonly vaddr: number;
  readonly filesz: number;
}

/**
 * Reads the dynamic section of a 64-bit little-endian ELF file (what x86_64 packages hold), through
 * the program headers as the dynamic loader does. Files without one (objects, static executables)
 * give no soname, no search paths and no needed libraries. Throws `<what>: <problem>` on a file
 * that is not such an ELF or whose headers point outside it.
 */
export function readElfDynamic(data: Uint8Array, what: string): ElfDynamic {
  try {
    return readDynamic(data);
  } catch (error: unknown) {
    throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readDynamic(data: Uint8Array): ElfDynamic {
  if (!isElf(data)) {
    throw new Error("not an ELF file");
  }
  if (data[4] !== 2 || data[5] !== 1) {
    throw new Error("not a 64-bit little-endian ELF file");
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u64 = (at: number): number => {
    if (at < 0 || at + 8 > data.length) {
      throw new Error(`ELF header reads past the end of the file (offset ${at})`);
    }
    return Number(view.getBigUint64(at, true));
  };
  const u32 = (at: number): number => {
    if (at < 0 || at + 4 > data.length) {
      throw new Error(`ELF header reads past the end of the file (offset ${at})`);
    }
    return view.getUint32(at, true);
  };
  const u16 = (at: number): number => {
    if (at < 0 || at + 2 > data.length) {
      throw new Error(`ELF header reads past the end of the file (offset ${at})`);
    }
    return view.getUint16(at, true);
  };

  const phoff = u64(0x20);
  const phentsize = u16(0x36);
  const phnum = u16(0x38);
  const segments: Segment[] = [];
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    segments.push({ type: u32(at), offset: u64(at + 8), vaddr: u64(at + 16), filesz: u64(at + 32) });
  }
  const dynamic = segments.find((s) => s.type === PT_DYNAMIC);
  if (dynamic === undefined) {
    return { soname: undefined, searchPaths: [], needed: [] };
  }

  const tags: Array<[bigint, number]> = [];
  for (let at = dynamic.offset; at + 16 <= dynamic.offset + dynamic.filesz; at += 16) {
    if (at + 16 > data.length) {
      throw new Error(`dynamic section reads past the end of the file (offset ${at})`);
    }
    const tag = view.getBigInt64(at, true);
    if (tag === DT_NULL) {
      break;
    }
    tags.push([tag, u64(at + 8)]);
  }
  const strtabAddress = tags.find(([tag]) => tag === DT_STRTAB)?.[1];
  const strings = (): number => {
    if (strtabAddress === undefined) {
      throw new Error("dynamic section has no string table");
    }
    const load = segments.find((s) => s.type === PT_LOAD && strtabAddress >= s.vaddr && strtabAddress < s.vaddr + s.filesz);
    if (load === undefined) {
      throw new Error("dynamic string table is outside every loaded segment");
    }
    return load.offset + (strtabAddress - load.vaddr);
  };
  const stringAt = (index: number): string => {
    const start = strings() + index;
    const end = data.indexOf(0, start);
    if (start >= data.length || end < 0) {
      throw new Error(`dynamic string ${index} is outside the file`);
    }
    return new TextDecoder().decode(data.subarray(start, end));
  };

  let soname: string | undefined;
  const searchPaths: string[] = [];
  const needed: string[] = [];
  for (const [tag, value] of tags) {
    if (tag === DT_SONAME) {
      soname = stringAt(value);
    } else if (tag === DT_RPATH || tag === DT_RUNPATH) {
      searchPaths.push(stringAt(value));
    } else if (tag === DT_NEEDED) {
      needed.push(stringAt(value));
    }
  }
  return { soname, searchPaths, needed };
}
