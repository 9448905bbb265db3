import { bitsExpression, eventCodeName } from "./c_names";
import { BANNER, docComment, fileText, wrapText } from "./c_text";
import type { FilledEvent } from "./driver_model";
import { filledEvents } from "./driver_model";
import { CODES_HEADER_INCLUDE } from "./emit_codes_header";
import { FILE_FIELDS, PROC_FIELDS, fieldEnumName } from "./fill_fields";
import { KIND_NAMES, PART_NAMES, SYSCALL_PART_NAMES, conversionId, encodeFill, fillInitializer } from "./fill_encoding";
import type { Conversion, FillSpec } from "./fill_spec";
import type { Schema } from "./schema";

/** Where the drivers include the header: `#include "driver_api/fill_table.h"`. */
export const FILL_HEADER_INCLUDE = "driver_api/fill_table.h";

const ALL_ONES = "0xffffffffffffffffULL";
/** Doc comments inside enums and structs wrap at this width (the tab and comment marks come on top). */
const DOC_WIDTH = 88;

interface Member {
  readonly name: string;
  readonly value: number;
  readonly doc: string;
}

/** An enum whose members each carry a one-line doc comment. */
function documentedEnum(doc: readonly string[], name: string, members: readonly Member[], count?: string): string[] {
  return [
    ...docComment(doc),
    `enum ${name} {`,
    ...members.flatMap((m, i) => [...docComment(wrapText(m.doc, DOC_WIDTH), "\t"), `\t${m.name} = ${m.value}${i + 1 < members.length || count !== undefined ? "," : ""}`]),
    ...(count === undefined ? [] : [`\t${count} = ${members.length}`]),
    "};",
  ];
}

function struct(doc: readonly string[], name: string, fields: readonly [doc: string, declaration: string][]): string[] {
  return [...docComment(doc), `struct ${name} {`, ...fields.flatMap(([fieldDoc, declaration]) => [...docComment(wrapText(fieldDoc, DOC_WIDTH), "\t"), `\t${declaration};`]), "};"];
}

function hex(value: number): string {
  return `0x${value.toString(16)}ULL`;
}

/** The rows of one conversion: Linux value, PPM value, mask; enums compare every bit. */
function conversionRows(schema: Schema, conversion: Conversion): { initializer: string; comment: string }[] {
  const values = new Map((schema.valueTables.find((t) => t.name === conversion.table)?.values ?? []).map((v) => [v.name, v.value]));
  return conversion.entries.map((entry) => ({
    initializer: `{ ${hex(entry.linux)}, ${hex(values.get(entry.ppm) ?? 0)}, ${conversion.kind === "enum" ? ALL_ONES : hex(entry.mask ?? entry.linux)} }`,
    comment: entry.ppm,
  }));
}

function unknownValue(schema: Schema, conversion: Conversion): number {
  const table = schema.valueTables.find((t) => t.name === conversion.table);
  return conversion.unknown === undefined ? 0 : (table?.values.find((v) => v.name === conversion.unknown)?.value ?? 0);
}

function conversionArrayName(name: string): string {
  return `scap_conv_${name}`;
}

function fillsArrayName(code: number): string {
  return `scap_fills_${code}`;
}

function fillRows(schema: Schema, filled: FilledEvent): string[] {
  return filled.fills.map((fill, i) => {
    const param = filled.event.params[i];
    const initializer = param === undefined ? "" : fillInitializer(encodeFill(fill.source, param, schema.dynamicTables));
    return `\t${initializer}, /* ${fill.param}: ${fill.text.replace(/\*\//g, "* /")} */`;
  });
}

function typeDeclarations(): string[] {
  return [
    ...struct(
      [
        "Where one parameter of an event comes from. Bytes a kind does not use hold SCAP_FILL_NONE",
        "(arg, arg2, aux) or 0 (detail).",
      ],
      "scap_fill",
      [
        ["What to read: an enum scap_fill_kind.", "unsigned char kind"],
        ["The system-call argument read (0-5), SCAP_FILL_FROM_RET for the return value, or SCAP_FILL_NONE.", "unsigned char arg"],
        ["Length source: 0-5 an argument, SCAP_FILL_FROM_RET the return value, SCAP_FILL_NONE none.", "unsigned char arg2"],
        ["Conversion id, proc field id, file field id, fdpair index, part or dyn variant, by kind.", "unsigned char detail"],
        ["The parameter's enum scap_param_type: its width, without event_table.h.", "unsigned char type"],
        ["By kind: user-struct byte offset, int[2] element of the fd, the iovec-count argument, or the dyn variant's type.", "unsigned char aux"],
        ["SCAP_FILL_CONST: the value.", "long long value"],
      ],
    ),
    "",
    ...struct(["The fills of one event, in parameter order (userspace and the kernel module)."], "scap_event_fills", [
      ["How many fills: the event's parameter count, or 0 for an event without a spec.", "unsigned char nparams"],
      ["The fills, or 0 (NULL) for an event without a spec.", "const struct scap_fill *fills"],
      ["The event's enum scap_event_flags (SCAP_EF_LARGE_PAYLOAD, SCAP_EF_READS_FROM_FD, ...), without event_table.h.", "unsigned int flags"],
    ]),
    "",
    ...struct(["The fills of one event as a range of scap_fill_pool: pointer-free, for eBPF."], "scap_fill_range", [
      ["The index of the event's first fill in scap_fill_pool.", "unsigned short first"],
      ["How many fills (0 for an event without a spec).", "unsigned char nparams"],
    ]),
    "",
    ...struct(["One row of a conversion: it matches a Linux value v when (v & linux_mask) == linux_value."], "scap_conversion_entry", [
      ["The Linux bits (bit set) or value (enum).", "unsigned long long linux_value"],
      ["The PPM value it converts to.", "unsigned long long ppm_value"],
      ["The Linux bits compared (all ones for an enum).", "unsigned long long linux_mask"],
    ]),
    "",
    ...struct(
      [
        "A Linux-to-PPM conversion. A bit set ORs the PPM values of every matching row; an enum",
        "takes the first matching row's, or unknown_ppm when none matches.",
      ],
      "scap_conversion",
      [
        ["1 for a bit set, 0 for an enum.", "unsigned char is_bitset"],
        ["How many rows.", "unsigned short count"],
        ["An enum's value when no row matches (0 for bit sets).", "unsigned long long unknown_ppm"],
        ["The rows.", "const struct scap_conversion_entry *entries"],
      ],
    ),
    "",
    ...struct(["A conversion as a range of scap_conversion_pool: pointer-free, for eBPF."], "scap_conversion_range", [
      ["1 for a bit set, 0 for an enum.", "unsigned char is_bitset"],
      ["The index of its first row in scap_conversion_pool.", "unsigned short first"],
      ["How many rows.", "unsigned short count"],
      ["An enum's value when no row matches (0 for bit sets).", "unsigned long long unknown_ppm"],
    ]),
  ];
}

function enumDeclarations(spec: FillSpec): string[] {
  return [
    ...documentedEnum(
      ["What a struct scap_fill reads. Arguments are those of the call (an exit event reads what the", "call was entered with)."],
      "scap_fill_kind",
      KIND_NAMES.map(([, name, doc], value) => ({ name, value, doc })),
    ),
    "",
    ...documentedEnum(
      ["SCAP_FILL_PROC: facts of the calling task (after an execve, of the new program)."],
      "scap_proc_field",
      PROC_FIELDS.map((f, value) => ({ name: fieldEnumName("PROC", f.name), value, doc: `proc(${f.name}): ${f.doc}.` })),
      "SCAP_PROC_FIELD_COUNT",
    ),
    "",
    ...documentedEnum(
      ["SCAP_FILL_FILE: facts of the open file (or socket) behind an fd."],
      "scap_file_field",
      FILE_FIELDS.map((f, value) => ({ name: fieldEnumName("FILE", f.name), value, doc: `file(${f.name}, FD): ${f.doc}.` })),
      "SCAP_FILE_FIELD_COUNT",
    ),
    "",
    ...documentedEnum(
      ["SCAP_FILL_IOVEC and SCAP_FILL_MSGHDR: which part of the user buffers."],
      "scap_fill_part",
      PART_NAMES.map(([, name, doc], value) => ({ name, value, doc: `${doc}.` })),
    ),
    "",
    ...documentedEnum(
      ["SCAP_FILL_SYSCALL: which fact of the system call."],
      "scap_fill_syscall_part",
      SYSCALL_PART_NAMES.map(([, name, doc], value) => ({ name, value, doc: `${doc}.` })),
    ),
    "",
    ...documentedEnum(
      ["The conversions, as indices into scap_conversions and scap_conversion_index."],
      "scap_conversion_id",
      spec.conversions.map((c, value) => ({ name: conversionId(c.name), value, doc: `${c.name} (${c.kind} onto ${c.table}): ${c.doc}` })),
      "SCAP_CONVERSION_COUNT",
    ),
  ];
}

/**
 * The PPM bits of proc(...) and file(...) flags fields that a driver works out itself, as
 * constants: drivers in the kernel have no value tables to look them up by name.
 */
function driverBitConstants(schema: Schema): string[] {
  const lines: string[] = [];
  for (const field of [...PROC_FIELDS, ...FILE_FIELDS]) {
    const value = field.value;
    if (value.class !== "flags" || value.driverBits === undefined) {
      continue;
    }
    const table = schema.valueTables.find((t) => t.name === value.table);
    for (const name of value.driverBits) {
      const entry = table?.values.find((v) => v.name === name);
      if (entry !== undefined) {
        lines.push(`#define ${driverBitName(value.table, name)} ${hex(entry.value)}`);
      }
    }
  }
  return lines.length === 0 ? [] : [...docComment(["PPM bits the drivers set themselves (proc(exe_flags), proc(clone_flags), file(layer)): SCAP_<TABLE>_<NAME>."]), ...lines, ""];
}

/** `clone_flags`, `CLONE_INVERTED` -> `SCAP_CLONE_FLAGS_CLONE_INVERTED`. */
export function driverBitName(table: string, name: string): string {
  return `SCAP_${table.toUpperCase()}_${name.toUpperCase()}`;
}

function conversionData(schema: Schema, spec: FillSpec): string[] {
  const pool: string[] = [];
  const ranges: string[] = [];
  const arrays: string[] = [];
  const table: string[] = [];
  for (const conversion of spec.conversions) {
    const rows = conversionRows(schema, conversion);
    const bitset = conversion.kind === "bitset" ? 1 : 0;
    const unknown = hex(unknownValue(schema, conversion));
    ranges.push(`\t{ ${bitset}, ${pool.length}, ${rows.length}, ${unknown} }, /* ${conversion.name} */`);
    pool.push(...rows.map((r) => `\t${r.initializer}, /* ${conversion.name}: ${r.comment} */`));
    arrays.push(`static const struct scap_conversion_entry ${conversionArrayName(conversion.name)}[] = {`, ...rows.map((r) => `\t${r.initializer}, /* ${r.comment} */`), "};", "");
    table.push(`\t{ ${bitset}, ${rows.length}, ${unknown}, ${conversionArrayName(conversion.name)} }, /* ${conversion.name} */`);
  }
  return [
    ...arrays,
    ...docComment(["Every conversion, indexed by enum scap_conversion_id."]),
    "static const struct scap_conversion scap_conversions[SCAP_CONVERSION_COUNT] = {",
    ...table,
    "};",
    "",
    ...docComment(["The rows of every conversion, one after the other, for eBPF (see scap_conversion_index)."]),
    "static const struct scap_conversion_entry scap_conversion_pool[SCAP_CONVERSION_POOL_SIZE] = {",
    ...pool,
    "};",
    "",
    ...docComment(["Every conversion as a range of scap_conversion_pool, indexed by enum scap_conversion_id."]),
    "static const struct scap_conversion_range scap_conversion_index[SCAP_CONVERSION_COUNT] = {",
    ...ranges,
    "};",
  ];
}

function fillData(schema: Schema, filled: readonly FilledEvent[]): string[] {
  const byCode = new Map(filled.map((f) => [f.event.code, f]));
  const arrays = filled.filter((f) => f.fills.length > 0).flatMap((f) => [`/* ${f.event.code} ${f.event.enumName} (${f.event.name}) */`, `static const struct scap_fill ${fillsArrayName(f.event.code)}[] = {`, ...fillRows(schema, f), "};", ""]);
  const table: string[] = [];
  const index: string[] = [];
  const pool: string[] = [];
  for (const event of schema.events) {
    const f = byCode.get(event.code);
    const label = `/* ${event.code} ${eventCodeName(event.enumName)} */`;
    const flags = bitsExpression(event.flags, "EF_NONE");
    if (f === undefined || f.fills.length === 0) {
      table.push(`\t{ 0, 0, ${flags} }, ${label}`);
      index.push(`\t{ 0, 0 }, ${label}`);
      continue;
    }
    table.push(`\t{ ${f.fills.length}, ${fillsArrayName(event.code)}, ${flags} }, ${label}`);
    index.push(`\t{ ${pool.length}, ${f.fills.length} }, ${label}`);
    pool.push(...fillRows(schema, f).map((row) => row.replace(/ \/\* /, ` /* ${event.code} `)));
  }
  return [
    ...arrays,
    ...docComment(["The fills of every event, indexed by enum scap_event_code."]),
    "static const struct scap_event_fills scap_fill_table[SCAP_EVENT_COUNT] = {",
    ...table,
    "};",
    "",
    ...docComment(["The fills of every event, one after the other, for eBPF (see scap_fill_index)."]),
    "static const struct scap_fill scap_fill_pool[SCAP_FILL_POOL_SIZE] = {",
    ...pool,
    "};",
    "",
    ...docComment(["The fills of every event as a range of scap_fill_pool, indexed by enum scap_event_code."]),
    "static const struct scap_fill_range scap_fill_index[SCAP_EVENT_COUNT] = {",
    ...index,
    "};",
  ];
}

/**
 * For eBPF: clang may drop a bound check on a value read from these tables, having proved it
 * from their known contents, which the verifier does not see. Shared by both driver headers.
 */
export const OPAQUE_MACRO = [
  "#ifndef SCAP_OPAQUE",
  ...docComment([
    "Hides what the compiler knows of `x` (an lvalue), so that a bound check on a value read from",
    "these tables stays in an eBPF program: clang may prove such a check from the tables' contents,",
    "which the verifier does not see. Does nothing outside eBPF.",
  ]),
  "#if defined(__bpf__)",
  '#define SCAP_OPAQUE(x) __asm__ volatile("" : "+r"(x))',
  "#else",
  "#define SCAP_OPAQUE(x) ((void)0)",
  "#endif",
  "#endif",
];

const CONVERT_FUNCTION = [
  ...docComment([
    "Converts `linux_value` with conversion `id` (enum scap_conversion_id); 0 for an unknown id.",
    "Pointer-free, and its loop is bounded by SCAP_CONVERSION_MAX_ENTRIES: eBPF programs can call it.",
  ]),
  "static inline unsigned long long scap_convert(unsigned int id, unsigned long long linux_value)",
  "{",
  "\tunsigned long long out = 0;",
  "\tunsigned int i;",
  "",
  "\tunsigned int first;",
  "\tunsigned int count;",
  "",
  "\tSCAP_OPAQUE(id);",
  "\tif (id >= SCAP_CONVERSION_COUNT) {",
  "\t\treturn 0;",
  "\t}",
  "\tfirst = scap_conversion_index[id].first;",
  "\tcount = scap_conversion_index[id].count;",
  "\tfor (i = 0; i < SCAP_CONVERSION_MAX_ENTRIES && i < count; i++) {",
  "\t\tunsigned int row = first + i;",
  "",
  "\t\tSCAP_OPAQUE(row);",
  "\t\tif (row >= SCAP_CONVERSION_POOL_SIZE) {",
  "\t\t\tbreak;",
  "\t\t}",
  "\t\tif ((linux_value & scap_conversion_pool[row].linux_mask) !=",
  "\t\t    scap_conversion_pool[row].linux_value) {",
  "\t\t\tcontinue;",
  "\t\t}",
  "\t\tif (!scap_conversion_index[id].is_bitset) {",
  "\t\t\treturn scap_conversion_pool[row].ppm_value;",
  "\t\t}",
  "\t\tout |= scap_conversion_pool[row].ppm_value;",
  "\t}",
  "\treturn scap_conversion_index[id].is_bitset ? out : scap_conversion_index[id].unknown_ppm;",
  "}",
];

/**
 * fill_table.h: for every event with a spec, where each parameter comes from, and the
 * Linux-to-PPM conversions they use; both with pointers (scap_fill_table, scap_conversions) and
 * pointer-free for eBPF (pools and index ranges). Kernel-safe: it includes event_codes.h only.
 */
export function emitFillTable(schema: Schema, spec: FillSpec): string {
  const filled = filledEvents(schema, spec);
  const maxParams = filled.reduce((max, f) => Math.max(max, f.fills.length), 0);
  const fillCount = filled.reduce((sum, f) => sum + f.fills.length, 0);
  const maxEntries = spec.conversions.reduce((max, c) => Math.max(max, c.entries.length), 0);
  const entryCount = spec.conversions.reduce((sum, c) => sum + c.entries.length, 0);
  return fileText([
    ...BANNER,
    "#ifndef SCAP_DRIVER_API_FILL_TABLE_H",
    "#define SCAP_DRIVER_API_FILL_TABLE_H",
    "",
    `#include "${CODES_HEADER_INCLUDE}"`,
    "",
    ...docComment([
      "How a driver fills the parameters of the event it emits for a system call (see",
      "syscall_table.h): scap_fill_table[event].fills[i] says where parameter i comes from.",
      "",
      "A value goes into the record at its parameter's width (the `type` of the fill). Integer",
      "arguments are cut to that width; the int-typed ones (PT_FD, PT_FD32, PT_PID, PT_PID32,",
      "PT_INT32) take the argument's low 32 bits, sign-extended. User memory that cannot be read",
      "gives an empty parameter, as does user data whose length source is a negative return value.",
      "",
      "Kernel-safe: no system headers, plain C types, fixed bounds (SCAP_FILL_MAX_PARAMS,",
      "SCAP_CONVERSION_MAX_ENTRIES). eBPF programs use the pointer-free scap_fill_pool/scap_fill_index",
      "and scap_conversion_pool/scap_conversion_index (or scap_convert()); pointers inside .rodata",
      "are not relocated for them.",
    ]),
    "",
    ...OPAQUE_MACRO,
    "",
    ...docComment(["scap_fill.arg/arg2: the return value instead of an argument."]),
    "#define SCAP_FILL_FROM_RET 0xFE",
    ...docComment(["scap_fill.arg/arg2/aux: not used."]),
    "#define SCAP_FILL_NONE 0xFF",
    ...docComment(["The most parameters an event with a spec has: a bound for loops over fills."]),
    `#define SCAP_FILL_MAX_PARAMS ${maxParams}`,
    ...docComment(["How many fills scap_fill_pool holds."]),
    `#define SCAP_FILL_POOL_SIZE ${fillCount}`,
    ...docComment(["The most rows a conversion has: a bound for loops over rows."]),
    `#define SCAP_CONVERSION_MAX_ENTRIES ${maxEntries}`,
    ...docComment(["How many rows scap_conversion_pool holds."]),
    `#define SCAP_CONVERSION_POOL_SIZE ${entryCount}`,
    "",
    ...enumDeclarations(spec),
    "",
    ...driverBitConstants(schema),
    ...typeDeclarations(),
    "",
    ...conversionData(schema, spec),
    "",
    ...fillData(schema, filled),
    "",
    ...CONVERT_FUNCTION,
    "",
    "#endif /* SCAP_DRIVER_API_FILL_TABLE_H */",
  ]);
}
