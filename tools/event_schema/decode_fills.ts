import type { Conversion, ConversionEntry, ConversionKind, EventFills, FillSpec, FillSpecFiles, ParamFill, SyscallDef, SyscallFills } from "./fill_spec";
import { parseSource } from "./fill_source";
import { JsonReader, allDefined } from "./json_reader";
import type { Location, Problem } from "./problem";
import { Problems, member, rootOf } from "./problem";

/** The three files, parsed but unchecked. */
export interface RawFillSpec {
  readonly files: FillSpecFiles;
  readonly syscalls: unknown;
  readonly fillers: unknown;
  readonly conversions: unknown;
}

/** A fill spec when the shapes are right (every source readable), else the problems found. */
export type DecodedFills = { readonly spec: FillSpec; readonly problems: [] } | { readonly spec: undefined; readonly problems: readonly Problem[] };

/**
 * Checks the shape of syscalls_x86_64.json, conversions.json and fillers.json, and parses every
 * source string. Whether names exist and sources fit their parameters is validate_fills.ts's job.
 */
export function decodeFillSpec(raw: RawFillSpec): DecodedFills {
  const problems = new Problems();
  const reader = new JsonReader(problems);
  const syscalls = decodeSyscalls(reader, raw.syscalls, rootOf(raw.files.syscalls));
  const conversions = decodeConversions(reader, raw.conversions, rootOf(raw.files.conversions));
  const fillers = decodeFillers(reader, problems, raw.fillers, rootOf(raw.files.fillers));
  if (syscalls === undefined || conversions === undefined || fillers === undefined || !problems.empty) {
    return { spec: undefined, problems: problems.list };
  }
  return { spec: { files: raw.files, syscalls, conversions, ...fillers }, problems: [] };
}

function decodeSyscalls(reader: JsonReader, value: unknown, loc: Location): SyscallDef[] | undefined {
  const object = reader.record(value, loc, ["source", "syscalls"]);
  if (object === undefined || reader.string(object["source"], member(loc, "source")) === undefined) {
    return undefined;
  }
  const at = member(loc, "syscalls");
  const entries = reader.map(object["syscalls"], at);
  if (entries === undefined) {
    return undefined;
  }
  return allDefined(
    entries.map(([name, v]) => {
      const nr = reader.integer(v, member(at, name));
      return nr === undefined ? undefined : { name, nr };
    }),
  );
}

function decodeEntry(reader: JsonReader, value: unknown, loc: Location): ConversionEntry | undefined {
  const object = reader.record(value, loc, ["linux", "ppm"], ["mask"]);
  if (object === undefined) {
    return undefined;
  }
  const linux = reader.integer(object["linux"], member(loc, "linux"));
  const ppm = reader.string(object["ppm"], member(loc, "ppm"));
  const mask = "mask" in object ? (reader.integer(object["mask"], member(loc, "mask")) ?? null) : undefined;
  if (linux === undefined || ppm === undefined || mask === null) {
    return undefined;
  }
  return mask === undefined ? { linux, ppm } : { linux, ppm, mask };
}

function decodeConversion(reader: JsonReader, name: string, value: unknown, loc: Location): Conversion | undefined {
  const object = reader.record(value, loc, ["kind", "table", "doc", "entries"], ["unknown"]);
  if (object === undefined) {
    return undefined;
  }
  const kind = reader.oneOf<ConversionKind>(object["kind"], member(loc, "kind"), ["bitset", "enum"]);
  const table = reader.string(object["table"], member(loc, "table"));
  const doc = reader.string(object["doc"], member(loc, "doc"));
  const unknown = "unknown" in object ? (reader.string(object["unknown"], member(loc, "unknown")) ?? null) : undefined;
  const entries = reader.each(object["entries"], member(loc, "entries"), (item, at) => decodeEntry(reader, item, at));
  if (kind === undefined || table === undefined || doc === undefined || unknown === null || entries === undefined) {
    return undefined;
  }
  return { name, kind, table, doc, ...(unknown === undefined ? {} : { unknown }), entries };
}

function decodeConversions(reader: JsonReader, value: unknown, loc: Location): Conversion[] | undefined {
  const object = reader.record(value, loc, ["conversions"]);
  if (object === undefined) {
    return undefined;
  }
  const at = member(loc, "conversions");
  const entries = reader.map(object["conversions"], at);
  return entries === undefined ? undefined : allDefined(entries.map(([name, v]) => decodeConversion(reader, name, v, member(at, name))));
}

function decodeEventFills(reader: JsonReader, problems: Problems, value: unknown, loc: Location): EventFills | undefined {
  const object = reader.record(value, loc, ["event", "params"]);
  if (object === undefined) {
    return undefined;
  }
  const event = reader.string(object["event"], member(loc, "event"));
  const paramsAt = member(loc, "params");
  const entries = reader.map(object["params"], paramsAt);
  if (event === undefined || entries === undefined) {
    return undefined;
  }
  const params = allDefined(
    entries.map(([param, v]): ParamFill | undefined => {
      const at = member(paramsAt, param);
      const text = reader.string(v, at);
      if (text === undefined) {
        return undefined;
      }
      const parsed = parseSource(text);
      if (parsed.source === undefined) {
        problems.add(at, parsed.error);
        return undefined;
      }
      return { param, text, source: parsed.source };
    }),
  );
  return params === undefined ? undefined : { event, params };
}

function decodeSyscallFills(reader: JsonReader, problems: Problems, syscall: string, value: unknown, loc: Location): SyscallFills | undefined {
  const object = reader.record(value, loc, ["enter", "exit"], ["not_newest"]);
  if (object === undefined) {
    return undefined;
  }
  const notNewest = "not_newest" in object ? (reader.string(object["not_newest"], member(loc, "not_newest")) ?? null) : undefined;
  const enter = decodeEventFills(reader, problems, object["enter"], member(loc, "enter"));
  const exit = decodeEventFills(reader, problems, object["exit"], member(loc, "exit"));
  if (notNewest === null || enter === undefined || exit === undefined) {
    return undefined;
  }
  return { syscall, ...(notNewest === undefined ? {} : { notNewest }), enter, exit };
}

function decodeFillers(reader: JsonReader, problems: Problems, value: unknown, loc: Location): Pick<FillSpec, "aliases" | "fillers"> | undefined {
  const object = reader.record(value, loc, ["aliases", "syscalls"]);
  if (object === undefined) {
    return undefined;
  }
  const aliasesAt = member(loc, "aliases");
  const aliasEntries = reader.map(object["aliases"], aliasesAt);
  const aliases = aliasEntries === undefined ? undefined : allDefined(aliasEntries.map(([name, v]) => {
    const events = reader.string(v, member(aliasesAt, name));
    return events === undefined ? undefined : ([name, events] as const);
  }));
  const syscallsAt = member(loc, "syscalls");
  const entries = reader.map(object["syscalls"], syscallsAt);
  const fillers = entries === undefined ? undefined : allDefined(entries.map(([name, v]) => decodeSyscallFills(reader, problems, name, v, member(syscallsAt, name))));
  return aliases === undefined || fillers === undefined ? undefined : { aliases: new Map(aliases), fillers };
}
