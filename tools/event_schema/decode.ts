import { JsonReader, allDefined } from "./json_reader";
import type { Location, Problem } from "./problem";
import { Problems, member, rootOf } from "./problem";
import type { Direction, DynamicTable, DynamicVariant, EventDef, NamedValue, ParamDef, Schema, SchemaEnums, SchemaFiles, ValueTable, Versions } from "./schema";

/** The three files, parsed but unchecked. */
export interface RawSchema {
  readonly files: SchemaFiles;
  readonly events: unknown;
  readonly values: unknown;
  readonly versions: unknown;
}

/** The outcome of decoding: a schema when the shapes are right, else the problems found. */
export type Decoded = { readonly schema: Schema; readonly problems: [] } | { readonly schema: undefined; readonly problems: readonly Problem[] };

/**
 * Checks the shape of the three files (objects, keys, value types) and turns them into a typed
 * Schema. What the values mean (known names, pairs, references) is validate.ts's job.
 */
export function decodeSchema(raw: RawSchema): Decoded {
  const problems = new Problems();
  const reader = new JsonReader(problems);
  const versions = decodeVersions(reader, raw.versions, rootOf(raw.files.versions));
  const events = decodeEventTable(reader, raw.events, rootOf(raw.files.events));
  const values = decodeValueTables(reader, raw.values, rootOf(raw.files.values));
  if (versions === undefined || events === undefined || values === undefined || !problems.empty) {
    return { schema: undefined, problems: problems.list };
  }
  return { schema: { files: raw.files, versions, ...events, ...values }, problems: [] };
}

function decodeVersions(reader: JsonReader, value: unknown, loc: Location): Versions | undefined {
  const object = reader.record(value, loc, ["api_version", "schema_version"]);
  if (object === undefined) {
    return undefined;
  }
  const api = reader.string(object["api_version"], member(loc, "api_version"));
  const schema = reader.string(object["schema_version"], member(loc, "schema_version"));
  return api === undefined || schema === undefined ? undefined : { api, schema };
}

function decodeEnum(reader: JsonReader, value: unknown, loc: Location): NamedValue[] | undefined {
  const entries = reader.map(value, loc);
  if (entries === undefined) {
    return undefined;
  }
  return allDefined(
    entries.map(([name, v]) => {
      const number = reader.integer(v, member(loc, name));
      return number === undefined ? undefined : { name, value: number };
    }),
  );
}

function decodeEnums(reader: JsonReader, value: unknown, loc: Location): SchemaEnums | undefined {
  const object = reader.record(value, loc, ["param_types", "print_formats", "categories", "event_flags"]);
  if (object === undefined) {
    return undefined;
  }
  const paramTypes = decodeEnum(reader, object["param_types"], member(loc, "param_types"));
  const printFormats = decodeEnum(reader, object["print_formats"], member(loc, "print_formats"));
  const categories = decodeEnum(reader, object["categories"], member(loc, "categories"));
  const eventFlags = decodeEnum(reader, object["event_flags"], member(loc, "event_flags"));
  if (paramTypes === undefined || printFormats === undefined || categories === undefined || eventFlags === undefined) {
    return undefined;
  }
  return { paramTypes, printFormats, categories, eventFlags };
}

function decodeParam(reader: JsonReader, value: unknown, loc: Location): ParamDef | undefined {
  const object = reader.record(value, loc, ["name", "type", "format"], ["flags_table", "dynamic_table", "dirfd_param_index"]);
  if (object === undefined) {
    return undefined;
  }
  const name = reader.string(object["name"], member(loc, "name"));
  const type = reader.string(object["type"], member(loc, "type"));
  const format = reader.string(object["format"], member(loc, "format"));
  const optional = <T>(key: string, read: (v: unknown, at: Location) => T | undefined): T | undefined | null =>
    key in object ? (read(object[key], member(loc, key)) ?? null) : undefined;
  const flagsTable = optional("flags_table", (v, at) => reader.string(v, at));
  const dynamicTable = optional("dynamic_table", (v, at) => reader.string(v, at));
  const dirfdParamIndex = optional("dirfd_param_index", (v, at) => reader.integer(v, at));
  if (name === undefined || type === undefined || format === undefined || flagsTable === null || dynamicTable === null || dirfdParamIndex === null) {
    return undefined;
  }
  return {
    name,
    type,
    format,
    ...(flagsTable === undefined ? {} : { flagsTable }),
    ...(dynamicTable === undefined ? {} : { dynamicTable }),
    ...(dirfdParamIndex === undefined ? {} : { dirfdParamIndex }),
  };
}

function decodeEvent(reader: JsonReader, value: unknown, loc: Location): EventDef | undefined {
  const object = reader.record(value, loc, ["code", "enum", "name", "dir", "category", "flags", "params"]);
  if (object === undefined) {
    return undefined;
  }
  const code = reader.integer(object["code"], member(loc, "code"));
  const enumName = reader.string(object["enum"], member(loc, "enum"));
  const name = reader.string(object["name"], member(loc, "name"));
  const dir = reader.oneOf<Direction>(object["dir"], member(loc, "dir"), ["enter", "exit"]);
  const category = reader.strings(object["category"], member(loc, "category"));
  const flags = reader.strings(object["flags"], member(loc, "flags"));
  const params = reader.each(object["params"], member(loc, "params"), (item, at) => decodeParam(reader, item, at));
  if (code === undefined || enumName === undefined || name === undefined || dir === undefined || category === undefined || flags === undefined || params === undefined) {
    return undefined;
  }
  return { code, enumName, name, dir, category, flags, params };
}

function decodeEventTable(reader: JsonReader, value: unknown, loc: Location): { enums: SchemaEnums; events: EventDef[] } | undefined {
  const object = reader.record(value, loc, ["enums", "events"]);
  if (object === undefined) {
    return undefined;
  }
  const enums = decodeEnums(reader, object["enums"], member(loc, "enums"));
  const events = reader.each(object["events"], member(loc, "events"), (item, at) => decodeEvent(reader, item, at));
  return enums === undefined || events === undefined ? undefined : { enums, events };
}

function decodeNamedValue(reader: JsonReader, value: unknown, loc: Location): NamedValue | undefined {
  const object = reader.record(value, loc, ["name", "value"]);
  if (object === undefined) {
    return undefined;
  }
  const name = reader.string(object["name"], member(loc, "name"));
  const number = reader.integer(object["value"], member(loc, "value"));
  return name === undefined || number === undefined ? undefined : { name, value: number };
}

function decodeVariant(reader: JsonReader, value: unknown, loc: Location): DynamicVariant | undefined {
  const object = reader.record(value, loc, ["type", "format"]);
  if (object === undefined) {
    return undefined;
  }
  const type = reader.string(object["type"], member(loc, "type"));
  const format = reader.string(object["format"], member(loc, "format"));
  return type === undefined || format === undefined ? undefined : { type, format };
}

/** Decodes every entry of a map of named tables; undefined if any fails. */
function decodeTables<T>(reader: JsonReader, value: unknown, loc: Location, decode: (name: string, v: unknown, at: Location) => T | undefined): T[] | undefined {
  const entries = reader.map(value, loc);
  if (entries === undefined) {
    return undefined;
  }
  return allDefined(entries.map(([name, v]) => decode(name, v, member(loc, name))));
}

function decodeValueTables(reader: JsonReader, value: unknown, loc: Location): { valueTables: ValueTable[]; dynamicTables: DynamicTable[] } | undefined {
  const object = reader.record(value, loc, ["value_tables", "dynamic_param_tables"]);
  if (object === undefined) {
    return undefined;
  }
  const valueTables = decodeTables(reader, object["value_tables"], member(loc, "value_tables"), (name, v, at) => {
    const values = reader.each(v, at, (item, itemAt) => decodeNamedValue(reader, item, itemAt));
    return values === undefined ? undefined : { name, values };
  });
  const dynamicTables = decodeTables(reader, object["dynamic_param_tables"], member(loc, "dynamic_param_tables"), (name, v, at) => {
    const variants = reader.each(v, at, (item, itemAt) => decodeVariant(reader, item, itemAt));
    return variants === undefined ? undefined : { name, variants };
  });
  return valueTables === undefined || dynamicTables === undefined ? undefined : { valueTables, dynamicTables };
}
