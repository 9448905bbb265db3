/**
 * A small valid fill spec for the specs, in the JSON shape of driver/api/schema, over the schema
 * fixture plus what a fill spec needs of a schema: the generic events, a newer openat pair and
 * the ppm_sc_codes table. Each call returns fresh objects that a spec may change.
 */
import type { RawEvent, RawFixture } from "./fixture";
import { FILES, rawFixture } from "./fixture";
import type { FillSpec, FillSpecFiles } from "./fill_spec";
import { checkSchema } from "./load";
import { checkFillSpec } from "./load_fills";
import { formatProblem } from "./problem";
import type { Schema } from "./schema";

export interface RawEventFills {
  event: string;
  params: Record<string, string>;
}

export interface RawSyscallFills {
  not_newest?: string;
  enter: RawEventFills;
  exit: RawEventFills;
}

export interface RawConversion {
  kind: string;
  table: string;
  doc: string;
  unknown?: string;
  entries: { linux: number; ppm: string; mask?: number }[];
}

export interface RawFillFixture {
  schema: RawFixture;
  syscalls: { source: string; syscalls: Record<string, number> };
  fillers: { aliases: Record<string, string>; syscalls: Record<string, RawSyscallFills> };
  conversions: { conversions: Record<string, RawConversion> };
}

export const FILL_FILES: FillSpecFiles = {
  syscalls: "schema/syscalls_x86_64.json",
  fillers: "schema/fillers.json",
  conversions: "schema/conversions.json",
};

function event(code: number, enumName: string, name: string, params: RawEvent["params"]): RawEvent {
  return { code, enum: enumName, name, dir: code % 2 === 0 ? "enter" : "exit", category: ["EC_FILE", "EC_SYSCALL"], flags: [], params };
}

export function rawFillFixture(): RawFillFixture {
  const schema = rawFixture();
  Object.assign(schema.events.enums["param_types"] ?? {}, { PT_UINT16: 6, PT_SYSCALLID: 18, PT_CHARBUF: 9, PT_MODE: 42 });
  const generic = [
    { name: "ID", type: "PT_SYSCALLID", format: "PF_DEC" },
    { name: "nativeID", type: "PT_UINT16", format: "PF_DEC" },
  ];
  const flags = { name: "flags", type: "PT_FLAGS32", format: "PF_HEX", flags_table: "file_flags" };
  schema.events.events.push(
    event(8, "PPME_GENERIC_E", "syscall", generic.map((p) => ({ ...p }))),
    event(9, "PPME_GENERIC_X", "syscall", generic.map((p) => ({ ...p }))),
    event(10, "PPME_SYSCALL_OPENAT_2_E", "openat", [
      { name: "dirfd", type: "PT_FD", format: "PF_DEC" },
      { name: "name", type: "PT_FSRELPATH", format: "PF_NA", dirfd_param_index: 0 },
      { ...flags },
    ]),
    event(11, "PPME_SYSCALL_OPENAT_2_X", "openat", [
      { name: "fd", type: "PT_FD", format: "PF_DEC" },
      { name: "dirfd", type: "PT_FD", format: "PF_DEC" },
      { name: "name", type: "PT_FSRELPATH", format: "PF_NA", dirfd_param_index: 1 },
      { ...flags },
    ]),
  );
  schema.values.value_tables["ppm_sc_codes"] = [
    { name: "unknown", value: 0 },
    { name: "read", value: 3 },
    { name: "open", value: 5 },
    { name: "openat", value: 6 },
    { name: "getpid", value: 16 },
  ];
  return {
    schema,
    syscalls: { source: "unistd_64.h", syscalls: { read: 0, open: 2, getpid: 39, openat: 257 } },
    fillers: {
      aliases: {},
      syscalls: {
        open: {
          enter: { event: "PPME_SYSCALL_OPEN_E", params: { name: "path(arg0)", flags: "flags(arg1, open_flags)" } },
          exit: { event: "PPME_SYSCALL_OPEN_X", params: { fd: "ret", name: "path(arg0)", flags: "flags(arg1, open_flags)" } },
        },
        openat: {
          enter: { event: "PPME_SYSCALL_OPENAT_2_E", params: { dirfd: "arg0", name: "path(arg1)", flags: "flags(arg2, open_flags)" } },
          exit: { event: "PPME_SYSCALL_OPENAT_2_X", params: { fd: "ret", dirfd: "arg0", name: "path(arg1)", flags: "flags(arg2, open_flags)" } },
        },
      },
    },
    conversions: {
      conversions: {
        open_flags: {
          kind: "bitset",
          table: "file_flags",
          doc: "open flags",
          entries: [
            { linux: 0, mask: 3, ppm: "O_RDONLY" },
            { linux: 2, mask: 3, ppm: "O_RDWR" },
          ],
        },
      },
    },
  };
}

function schemaOf(raw: RawFillFixture): Schema {
  const loaded = checkSchema(FILES, raw.schema.events, raw.schema.values, raw.schema.versions);
  if (loaded.schema === undefined) {
    throw new Error(`fill fixture's schema is invalid: ${JSON.stringify(loaded.problems)}`);
  }
  return loaded.schema;
}

/** The problems of a (changed) fill fixture, as `file: path: message` lines. */
export function fillProblemsOf(raw: RawFillFixture): string[] {
  return checkFillSpec(schemaOf(raw), FILL_FILES, raw.syscalls, raw.fillers, raw.conversions).problems.map(formatProblem);
}

/** The fill fixture as a checked schema and fill spec. */
export function fillFixture(raw: RawFillFixture = rawFillFixture()): { schema: Schema; spec: FillSpec } {
  const schema = schemaOf(raw);
  const loaded = checkFillSpec(schema, FILL_FILES, raw.syscalls, raw.fillers, raw.conversions);
  if (loaded.spec === undefined) {
    throw new Error(`fill fixture is invalid: ${loaded.problems.map(formatProblem).join("; ")}`);
  }
  return { schema, spec: loaded.spec };
}
