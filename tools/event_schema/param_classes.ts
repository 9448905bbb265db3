/**
 * Parameter types grouped by what a fill source may put into them. A source fits a parameter
 * when its kind of value and the parameter's PT_ type agree: `path` only into strings, `ret`
 * only into integers, `flags` only into flags types, and so on.
 */

/** Types holding one number, with their size in bytes and whether they are signed. */
const INTEGER_TYPES = new Map<string, { bytes: number; signed: boolean }>([
  ["PT_INT8", { bytes: 1, signed: true }],
  ["PT_INT16", { bytes: 2, signed: true }],
  ["PT_INT32", { bytes: 4, signed: true }],
  ["PT_INT64", { bytes: 8, signed: true }],
  ["PT_UINT8", { bytes: 1, signed: false }],
  ["PT_UINT16", { bytes: 2, signed: false }],
  ["PT_UINT32", { bytes: 4, signed: false }],
  ["PT_UINT64", { bytes: 8, signed: false }],
  ["PT_ERRNO", { bytes: 8, signed: true }],
  ["PT_FD", { bytes: 8, signed: true }],
  ["PT_PID", { bytes: 8, signed: true }],
  ["PT_FD32", { bytes: 4, signed: true }],
  ["PT_PID32", { bytes: 4, signed: true }],
  ["PT_UID", { bytes: 4, signed: false }],
  ["PT_GID", { bytes: 4, signed: false }],
  ["PT_SIGTYPE", { bytes: 1, signed: false }],
  ["PT_SYSCALLID", { bytes: 2, signed: false }],
  ["PT_PORT", { bytes: 2, signed: false }],
  ["PT_L4PROTO", { bytes: 1, signed: false }],
  ["PT_SOCKFAMILY", { bytes: 1, signed: false }],
  ["PT_BOOL", { bytes: 4, signed: false }],
  ["PT_RELTIME", { bytes: 8, signed: false }],
  ["PT_ABSTIME", { bytes: 8, signed: false }],
]);

/** Flag types: FLAGS and MODE are bit sets, ENUMFLAGS a single value. */
const FLAG_TYPES = new Map<string, { bytes: number; bitset: boolean }>([
  ["PT_FLAGS8", { bytes: 1, bitset: true }],
  ["PT_FLAGS16", { bytes: 2, bitset: true }],
  ["PT_FLAGS32", { bytes: 4, bitset: true }],
  ["PT_MODE", { bytes: 4, bitset: true }],
  ["PT_ENUMFLAGS8", { bytes: 1, bitset: false }],
  ["PT_ENUMFLAGS16", { bytes: 2, bitset: false }],
  ["PT_ENUMFLAGS32", { bytes: 4, bitset: false }],
]);

export const STRING_TYPES: readonly string[] = ["PT_CHARBUF", "PT_FSPATH", "PT_FSRELPATH"];

export function isInteger(type: string): boolean {
  return INTEGER_TYPES.has(type);
}

export function isFlags(type: string): boolean {
  return FLAG_TYPES.has(type);
}

/** true for FLAGS*, MODE; false for ENUMFLAGS*; undefined for anything else. */
export function isBitset(type: string): boolean | undefined {
  return FLAG_TYPES.get(type)?.bitset;
}

export function isString(type: string): boolean {
  return STRING_TYPES.includes(type);
}

/** The values a constant of `type` may have, or undefined when the type holds no number. */
export function constRange(type: string): { min: number; max: number } | undefined {
  const integer = INTEGER_TYPES.get(type);
  const flags = FLAG_TYPES.get(type);
  const bytes = integer?.bytes ?? flags?.bytes;
  if (bytes === undefined) {
    return undefined;
  }
  if (bytes === 8) {
    // JSON numbers are doubles: anything that survived decoding as a safe integer fits 64 bits.
    return { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
  }
  const span = 2 ** (bytes * 8);
  return integer?.signed === true ? { min: -span / 2, max: span / 2 - 1 } : { min: 0, max: span - 1 };
}
