/**
 * A small valid schema for the specs, in the JSON shape of driver/api/schema: four enter/exit
 * pairs, one with a placeholder exit, a large-payload event, a flags table, a PT_DYN and a
 * PT_FSRELPATH parameter. Each call returns fresh objects that a spec may change.
 */
import { checkSchema } from "./load";
import { formatProblem } from "./problem";
import type { Schema, SchemaFiles } from "./schema";

export interface RawParam {
  name: string;
  type: string;
  format: string;
  flags_table?: string;
  dynamic_table?: string;
  dirfd_param_index?: number;
}

export interface RawEvent {
  code: number;
  enum: string;
  name: string;
  dir: string;
  category: string[];
  flags: string[];
  params: RawParam[];
}

export interface RawFixture {
  events: { enums: Record<string, Record<string, number>>; events: RawEvent[] };
  values: { value_tables: Record<string, { name: string; value: number }[]>; dynamic_param_tables: Record<string, { type: string; format: string }[]> };
  versions: { api_version: string; schema_version: string };
}

export const FILES: SchemaFiles = {
  events: "schema/event_table.json",
  values: "schema/value_tables.json",
  versions: "schema/versions.json",
};

function event(code: number, enumName: string, name: string, category: string[], flags: string[], params: RawParam[]): RawEvent {
  return { code, enum: enumName, name, dir: code % 2 === 0 ? "enter" : "exit", category, flags, params };
}

export function rawFixture(): RawFixture {
  const openFlags: RawParam = { name: "flags", type: "PT_FLAGS32", format: "PF_HEX", flags_table: "file_flags" };
  return {
    events: {
      enums: {
        param_types: { PT_NONE: 0, PT_UINT32: 7, PT_BYTEBUF: 10, PT_ERRNO: 11, PT_FD: 14, PT_FSPATH: 17, PT_DYN: 27, PT_FLAGS32: 30, PT_FSRELPATH: 43 },
        print_formats: { PF_NA: 0, PF_DEC: 1, PF_HEX: 2 },
        categories: { EC_UNKNOWN: 0, EC_OTHER: 1, EC_FILE: 2, EC_NET: 3, EC_SYSCALL: 512, EC_PLUGIN: 2048 },
        event_flags: { EF_NONE: 0, EF_CREATES_FD: 1, EF_USES_FD: 4, EF_UNUSED: 64, EF_LARGE_PAYLOAD: 2048 },
      },
      events: [
        event(0, "PPME_SYSCALL_OPEN_E", "open", ["EC_FILE", "EC_SYSCALL"], ["EF_CREATES_FD"], [{ name: "name", type: "PT_FSPATH", format: "PF_NA" }, { ...openFlags }]),
        event(1, "PPME_SYSCALL_OPEN_X", "open", ["EC_FILE", "EC_SYSCALL"], ["EF_CREATES_FD"], [
          { name: "fd", type: "PT_FD", format: "PF_DEC" },
          { name: "name", type: "PT_FSPATH", format: "PF_NA" },
          { ...openFlags },
        ]),
        event(2, "PPME_SYSCALL_OPENAT_E", "openat", ["EC_FILE", "EC_SYSCALL"], [], []),
        event(3, "PPME_SYSCALL_OPENAT_X", "openat", ["EC_FILE", "EC_SYSCALL"], ["EF_CREATES_FD"], [
          { name: "fd", type: "PT_FD", format: "PF_DEC" },
          { name: "dirfd", type: "PT_FD", format: "PF_DEC" },
          { name: "name", type: "PT_FSRELPATH", format: "PF_NA", dirfd_param_index: 1 },
        ]),
        event(4, "PPME_SOCKET_SETSOCKOPT_E", "setsockopt", ["EC_NET", "EC_SYSCALL"], [], []),
        event(5, "PPME_SOCKET_SETSOCKOPT_X", "setsockopt", ["EC_NET", "EC_SYSCALL"], ["EF_USES_FD"], [
          { name: "res", type: "PT_ERRNO", format: "PF_DEC" },
          { name: "val", type: "PT_DYN", format: "PF_DEC", dynamic_table: "sockopt_dynamic_param" },
        ]),
        event(6, "PPME_PLUGINEVENT_E", "pluginevent", ["EC_OTHER", "EC_PLUGIN"], ["EF_LARGE_PAYLOAD"], [
          { name: "plugin_id", type: "PT_UINT32", format: "PF_DEC" },
          { name: "event_data", type: "PT_BYTEBUF", format: "PF_NA" },
        ]),
        event(7, "PPME_PLUGINEVENT_X", "NA", ["EC_UNKNOWN"], ["EF_UNUSED"], []),
      ],
    },
    values: {
      value_tables: {
        file_flags: [
          { name: "O_RDWR", value: 3 },
          { name: "O_RDONLY", value: 1 },
          { name: "O_NONE", value: 0 },
        ],
        errno_names: [
          { name: "EPERM", value: -1 },
          { name: "ENOENT", value: -2 },
        ],
        big_values: [{ name: "HIGH_BIT", value: 2147483648 }],
      },
      dynamic_param_tables: {
        sockopt_dynamic_param: [
          { type: "PT_BYTEBUF", format: "PF_HEX" },
          { type: "PT_ERRNO", format: "PF_DEC" },
        ],
      },
    },
    versions: { api_version: "2.1.0", schema_version: "1.4.2" },
  };
}

/** The element at `index`, which the spec knows is there. */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) {
    throw new Error(`fixture has no element ${index}`);
  }
  return item;
}

/** The problems of a (changed) fixture, as `file: path: message` lines. */
export function problemsOf(raw: RawFixture): string[] {
  const loaded = checkSchema(FILES, raw.events, raw.values, raw.versions);
  return loaded.problems.map(formatProblem);
}

/** The fixture as a checked Schema. */
export function fixtureSchema(raw: RawFixture = rawFixture()): Schema {
  const loaded = checkSchema(FILES, raw.events, raw.values, raw.versions);
  if (loaded.schema === undefined) {
    throw new Error(`fixture is invalid: ${JSON.stringify(loaded.problems)}`);
  }
  return loaded.schema;
}
