/**
 * The header structure of an rpm file (used twice: the signature header and the main header).
 *
 * On disk: 8 magic bytes, the number of index entries and the size of the data store (both 32-bit
 * big-endian), the index entries (tag, type, offset into the store, count; 16 bytes each), then the
 * store. The first entry is a "region" tag whose data, a 16-byte trailer at the end of the store,
 * says that every entry belongs to the signed, immutable region. rpm checks that entries are in
 * increasing offset order, that numbers are aligned to their size and that the region is exact.
 */

/** Data types of header entries, with rpm's numbers. */
export enum TagType {
  Int16 = 3,
  Int32 = 4,
  String = 6,
  Bin = 7,
  StringArray = 8,
  I18nString = 9,
}

/** One entry before encoding. Numbers are written as unsigned/two's-complement big-endian. */
export type HeaderValue =
  | { readonly type: TagType.Int16 | TagType.Int32; readonly values: readonly number[] }
  | { readonly type: TagType.String; readonly value: string }
  | { readonly type: TagType.StringArray | TagType.I18nString; readonly values: readonly string[] }
  | { readonly type: TagType.Bin; readonly bytes: Uint8Array };

export const HEADER_MAGIC = Uint8Array.of(0x8e, 0xad, 0xe8, 0x01, 0, 0, 0, 0);

/** Region tags: the signature header's and the main header's. */
export const REGION_SIGNATURES = 62;
export const REGION_IMMUTABLE = 63;

const ENTRY_BYTES = 16;

function alignment(type: TagType): number {
  return type === TagType.Int16 ? 2 : type === TagType.Int32 ? 4 : 1;
}

function encodeValue(tag: number, value: HeaderValue): { data: Uint8Array; count: number } {
  const text = new TextEncoder();
  switch (value.type) {
    case TagType.Int16:
    case TagType.Int32: {
      const width = value.type === TagType.Int16 ? 2 : 4;
      const data = new Uint8Array(width * value.values.length);
      const view = new DataView(data.buffer);
      value.values.forEach((v, i) => {
        if (!Number.isInteger(v)) {
          throw new Error(`header tag ${tag}: ${v} is not an integer`);
        }
        if (width === 2) {
          view.setUint16(i * 2, v & 0xffff);
        } else {
          view.setUint32(i * 4, v >>> 0);
        }
      });
      return { data, count: value.values.length };
    }
    case TagType.String:
      return { data: text.encode(`${value.value}\0`), count: 1 };
    case TagType.StringArray:
    case TagType.I18nString:
      return { data: text.encode(value.values.map((v) => `${v}\0`).join("")), count: value.values.length };
    case TagType.Bin:
      return { data: value.bytes, count: value.bytes.length };
  }
}

/**
 * Encodes a header: the region entry first, then `tags` sorted by tag number with their data in
 * the same order (aligned), then the region trailer. Strings must not contain NUL; empty arrays
 * are refused (rpm rejects zero-length data).
 */
export function encodeHeader(regionTag: number, tags: ReadonlyMap<number, HeaderValue>): Uint8Array {
  const sorted = [...tags.entries()].sort((a, b) => a[0] - b[0]);
  const index: { tag: number; type: TagType; offset: number; count: number }[] = [];
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (const [tag, value] of sorted) {
    if (tag <= REGION_IMMUTABLE) {
      throw new Error(`header tag ${tag}: reserved for regions`);
    }
    const { data, count } = encodeValue(tag, value);
    if (count === 0 || data.length === 0) {
      throw new Error(`header tag ${tag}: no data`);
    }
    if ((value.type === TagType.String || value.type === TagType.StringArray || value.type === TagType.I18nString) && data.subarray(0, data.length - 1).filter((b) => b === 0).length !== count - 1) {
      throw new Error(`header tag ${tag}: a string holds a NUL byte`);
    }
    const pad = (alignment(value.type) - (size % alignment(value.type))) % alignment(value.type);
    if (pad > 0) {
      chunks.push(new Uint8Array(pad));
      size += pad;
    }
    index.push({ tag, type: value.type, offset: size, count });
    chunks.push(data);
    size += data.length;
  }
  const entryCount = index.length + 1;
  const trailer = new Uint8Array(ENTRY_BYTES);
  const trailerView = new DataView(trailer.buffer);
  trailerView.setUint32(0, regionTag);
  trailerView.setUint32(4, TagType.Bin);
  trailerView.setInt32(8, -entryCount * ENTRY_BYTES);
  trailerView.setUint32(12, ENTRY_BYTES);
  index.unshift({ tag: regionTag, type: TagType.Bin, offset: size, count: ENTRY_BYTES });
  chunks.push(trailer);
  size += trailer.length;

  const out = new Uint8Array(HEADER_MAGIC.length + 8 + entryCount * ENTRY_BYTES + size);
  const view = new DataView(out.buffer);
  out.set(HEADER_MAGIC, 0);
  view.setUint32(8, entryCount);
  view.setUint32(12, size);
  index.forEach((e, i) => {
    const at = 16 + i * ENTRY_BYTES;
    view.setUint32(at, e.tag);
    view.setUint32(at + 4, e.type);
    view.setUint32(at + 8, e.offset);
    view.setUint32(at + 12, e.count);
  });
  let at = 16 + entryCount * ENTRY_BYTES;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
