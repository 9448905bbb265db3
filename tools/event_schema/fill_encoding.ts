/**
 * How a parsed source becomes one `struct scap_fill` of fill_table.h: the kind, and what its
 * bytes `arg`, `arg2`, `detail`, `aux` and its `value` mean for that kind.
 */
import { scapName } from "./c_names";
import { fieldEnumName } from "./fill_fields";
import type { FdRef, FillKind, FillSource } from "./fill_source";
import type { DynamicTable, ParamDef } from "./schema";

/** The byte naming the return value where an argument index goes. */
export const FROM_RET = "SCAP_FILL_FROM_RET";
/** The byte saying "none" where an argument index, length source or auxiliary index goes. */
export const NONE = "SCAP_FILL_NONE";

/** The C enum member of each kind, in enum order: the brief's twelve first, then the later ones. */
export const KIND_NAMES: readonly [FillKind, string, string][] = [
  ["ret", "SCAP_FILL_RET", "the return value"],
  ["arg", "SCAP_FILL_ARG", "argument `arg` (or, when `aux` is not SCAP_FILL_NONE, the 64-bit word at user address argument + aux)"],
  ["path", "SCAP_FILL_PATH", "a NUL-terminated path at user address argument `arg`"],
  ["data", "SCAP_FILL_DATA", "user bytes at argument `arg`, as many as `arg2` says (an argument or the return value), cut to the snap length"],
  ["sockaddr", "SCAP_FILL_SOCKADDR", "a user sockaddr at argument `arg` of length argument `arg2`, as PT_SOCKADDR"],
  ["flags", "SCAP_FILL_FLAGS", "argument `arg` (or the word at argument + aux) through conversion `detail` (scap_convert)"],
  ["socktuple", "SCAP_FILL_SOCKTUPLE", "the local/remote tuple of the socket whose fd is `arg` (argument or SCAP_FILL_FROM_RET; element `aux` of a user int[2] when aux is not SCAP_FILL_NONE)"],
  ["fdpair", "SCAP_FILL_FDPAIR", "int number `detail` (0 or 1) of the user int[2] at argument `arg`"],
  ["proc", "SCAP_FILL_PROC", "process fact `detail` (enum scap_proc_field)"],
  ["file", "SCAP_FILL_FILE", "fact `detail` (enum scap_file_field) of the file behind the fd given as for SCAP_FILL_SOCKTUPLE"],
  ["const", "SCAP_FILL_CONST", "the constant `value`"],
  ["empty", "SCAP_FILL_EMPTY", "a zero-length parameter: not available"],
  ["str", "SCAP_FILL_STR", "a NUL-terminated string at user address argument `arg`"],
  ["iovec", "SCAP_FILL_IOVEC", "part `detail` (enum scap_fill_part) of the user iovec array at argument `arg` with argument `aux` entries; data cut to `arg2` (SCAP_FILL_FROM_RET) or whole (SCAP_FILL_NONE)"],
  ["msghdr", "SCAP_FILL_MSGHDR", "part `detail` (enum scap_fill_part) of the user msghdr at argument `arg`; data cut to `arg2` as for SCAP_FILL_IOVEC"],
  ["dyn", "SCAP_FILL_DYN", "argument `arg` as variant `detail` of the PT_DYN parameter's dynamic table, whose type `aux` gives (an enum scap_param_type)"],
  ["syscall", "SCAP_FILL_SYSCALL", "fact `detail` (enum scap_fill_syscall_part) of the system call: its PPM_SC code or its number"],
];

const KIND = new Map(KIND_NAMES.map(([kind, name]) => [kind, name]));

/** The parts of an iovec array or msghdr, the `detail` of SCAP_FILL_IOVEC and SCAP_FILL_MSGHDR. */
export const PART_NAMES: readonly [string, string, string][] = [
  ["data", "SCAP_PART_DATA", "the bytes the buffers hold"],
  ["size", "SCAP_PART_SIZE", "the sum of the buffer lengths"],
  ["control", "SCAP_PART_CONTROL", "msghdr only: the ancillary data (msg_control, msg_controllen bytes)"],
];

/** The `detail` of SCAP_FILL_SYSCALL. */
export const SYSCALL_PART_NAMES: readonly [string, string, string][] = [
  ["ppm_sc", "SCAP_SYSCALL_PPM_SC", "the driver-neutral code (scap_syscall_table[nr].ppm_sc)"],
  ["nr", "SCAP_SYSCALL_NR", "the x86_64 system-call number"],
];

function partName(table: readonly [string, string, string][], part: string): string {
  return table.find(([p]) => p === part)?.[1] ?? "0";
}

/** `open_flags` -> `SCAP_CONV_OPEN_FLAGS`. */
export function conversionId(name: string): string {
  return `SCAP_CONV_${name.toUpperCase()}`;
}

/** The fields of one struct scap_fill, as C expressions, in declaration order. */
export interface EncodedFill {
  readonly kind: string;
  readonly arg: string;
  readonly arg2: string;
  readonly detail: string;
  readonly type: string;
  readonly aux: string;
  readonly value: string;
}

function fd(ref: FdRef): { arg: string; aux: string } {
  switch (ref.from) {
    case "ret":
      return { arg: FROM_RET, aux: NONE };
    case "arg":
      return { arg: String(ref.arg), aux: NONE };
    case "fdpair":
      return { arg: String(ref.arg), aux: String(ref.index) };
  }
}

/** A long long literal: plain when it fits 32 bits, with LL otherwise. */
function longLong(value: number): string {
  return Math.abs(value) <= 0x7fffffff ? String(value) : `${value}LL`;
}

function fields(source: FillSource): Partial<EncodedFill> {
  switch (source.kind) {
    case "ret":
      return { arg: FROM_RET };
    case "arg":
      return { arg: String(source.value.arg), aux: source.value.offset === undefined ? NONE : String(source.value.offset) };
    case "path":
    case "str":
      return { arg: String(source.arg) };
    case "data":
      return { arg: String(source.arg), arg2: source.length.from === "ret" ? FROM_RET : String(source.length.arg) };
    case "sockaddr":
      return { arg: String(source.arg), arg2: String(source.lengthArg) };
    case "flags":
      return { arg: String(source.value.arg), aux: source.value.offset === undefined ? NONE : String(source.value.offset), detail: conversionId(source.conversion) };
    case "socktuple":
      return fd(source.fd);
    case "fdpair":
      return { arg: String(source.arg), detail: String(source.index) };
    case "proc":
      return { detail: fieldEnumName("PROC", source.field) };
    case "file":
      return { ...fd(source.fd), detail: fieldEnumName("FILE", source.field) };
    case "const":
      return { value: longLong(source.value) };
    case "empty":
      return {};
    case "iovec":
      return { arg: String(source.arg), arg2: source.toReturn ? FROM_RET : NONE, aux: String(source.countArg), detail: partName(PART_NAMES, source.part) };
    case "msghdr":
      return { arg: String(source.arg), arg2: source.toReturn ? FROM_RET : NONE, detail: partName(PART_NAMES, source.part) };
    case "dyn":
      return { arg: String(source.arg), detail: String(source.variant) };
    case "syscall":
      return { detail: partName(SYSCALL_PART_NAMES, source.part) };
  }
}

/** SCAP_FILL_DYN: the type of the chosen variant, for drivers without event_table.h. */
function dynVariantType(source: FillSource, param: ParamDef, tables: readonly DynamicTable[]): Partial<EncodedFill> {
  if (source.kind !== "dyn") {
    return {};
  }
  const variant = tables.find((t) => t.name === param.dynamicTable)?.variants[source.variant];
  return variant === undefined ? {} : { aux: scapName(variant.type) };
}

/** The struct scap_fill for `source` filling `param`; bytes a kind does not use are SCAP_FILL_NONE (or 0). */
export function encodeFill(source: FillSource, param: ParamDef, dynamicTables: readonly DynamicTable[] = []): EncodedFill {
  return {
    kind: KIND.get(source.kind) ?? "SCAP_FILL_EMPTY",
    arg: NONE,
    arg2: NONE,
    detail: "0",
    type: scapName(param.type),
    aux: NONE,
    value: "0",
    ...fields(source),
    ...dynVariantType(source, param, dynamicTables),
  };
}

/** `{ SCAP_FILL_PATH, 0, SCAP_FILL_NONE, 0, SCAP_PT_FSPATH, SCAP_FILL_NONE, 0 }`. */
export function fillInitializer(fill: EncodedFill): string {
  return `{ ${[fill.kind, fill.arg, fill.arg2, fill.detail, fill.type, fill.aux, fill.value].join(", ")} }`;
}
