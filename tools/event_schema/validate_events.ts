import type { Location, Problems } from "./problem";
import { element, member, rootOf } from "./problem";
import type { EventDef, ParamDef, Schema } from "./schema";

/** The name of unused slots, which may pair with any name. */
export const PLACEHOLDER_NAME = "NA";

const ENUM_NAME = /^PPME_[A-Z0-9_]+_[EX]$/;
const EVENT_NAME = /^[a-z0-9_]+$/;
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What the event checks look names up in. */
interface Known {
  readonly types: ReadonlySet<string>;
  readonly formats: ReadonlySet<string>;
  readonly categories: ReadonlySet<string>;
  readonly flags: ReadonlySet<string>;
  readonly valueTables: ReadonlySet<string>;
  readonly dynamicTables: ReadonlySet<string>;
}

/**
 * The event list: codes from 0 without gaps, enter on even codes and exit on odd ones, unique
 * enum names, pairs that agree, and params whose types, formats and tables exist.
 */
export function validateEvents(schema: Schema, problems: Problems): void {
  const events = member(rootOf(schema.files.events), "events");
  const known: Known = {
    types: new Set(schema.enums.paramTypes.map((t) => t.name)),
    formats: new Set(schema.enums.printFormats.map((f) => f.name)),
    categories: new Set(schema.enums.categories.map((c) => c.name)),
    flags: new Set(schema.enums.eventFlags.map((f) => f.name)),
    valueTables: new Set(schema.valueTables.map((t) => t.name)),
    dynamicTables: new Set(schema.dynamicTables.map((t) => t.name)),
  };
  if (schema.events.length === 0 || schema.events.length % 2 !== 0) {
    problems.add(events, `must hold enter/exit pairs, has ${schema.events.length} events`);
  }
  const enumAt = new Map<string, string>();
  schema.events.forEach((event, index) => {
    const loc = element(events, index);
    validateEvent(event, index, loc, known, problems);
    const first = enumAt.get(event.enumName);
    if (first !== undefined) {
      problems.add(member(loc, "enum"), `duplicate enum name ${event.enumName} (first at ${first})`);
    } else {
      enumAt.set(event.enumName, loc.path);
    }
    const enter = schema.events[index - 1];
    if (index % 2 === 1 && enter !== undefined) {
      validatePair(enter, event, loc, problems);
    }
  });
}

function validateEvent(event: EventDef, index: number, loc: Location, known: Known, problems: Problems): void {
  if (event.code !== index) {
    problems.add(member(loc, "code"), `code ${event.code} where ${index} is due: codes run from 0 without gaps`);
  }
  const dir = index % 2 === 0 ? "enter" : "exit";
  if (event.dir !== dir) {
    problems.add(member(loc, "dir"), `"${event.dir}" on ${index % 2 === 0 ? "an even" : "an odd"} code, which must be "${dir}"`);
  }
  const suffix = event.dir === "enter" ? "_E" : "_X";
  if (!ENUM_NAME.test(event.enumName) || !event.enumName.endsWith(suffix)) {
    problems.add(member(loc, "enum"), `"${event.enumName}" must be PPME_ followed by upper-case letters, digits and underscores, ending in ${suffix}`);
  }
  if (event.name !== PLACEHOLDER_NAME && !EVENT_NAME.test(event.name)) {
    problems.add(member(loc, "name"), `"${event.name}" must be lower-case letters, digits and underscores, or "${PLACEHOLDER_NAME}"`);
  }
  if (event.category.length === 0) {
    problems.add(member(loc, "category"), "must name at least one category");
  }
  checkNames(event.category, known.categories, "category", member(loc, "category"), problems);
  checkNames(event.flags, known.flags, "event flag", member(loc, "flags"), problems);
  const seen = new Set<string>();
  event.params.forEach((param, i) => {
    const at = element(member(loc, "params"), i);
    if (seen.has(param.name)) {
      problems.add(member(at, "name"), `duplicate param name "${param.name}"`);
    }
    seen.add(param.name);
    validateParam(param, i, event.params, at, known, problems);
  });
}

/** Every name known, none twice. */
function checkNames(names: readonly string[], known: ReadonlySet<string>, what: string, loc: Location, problems: Problems): void {
  names.forEach((name, i) => {
    if (!known.has(name)) {
      problems.add(element(loc, i), `unknown ${what} "${name}"`);
    } else if (names.indexOf(name) !== i) {
      problems.add(element(loc, i), `${what} "${name}" listed twice`);
    }
  });
}

function validateParam(param: ParamDef, index: number, params: readonly ParamDef[], loc: Location, known: Known, problems: Problems): void {
  if (!PARAM_NAME.test(param.name)) {
    problems.add(member(loc, "name"), `"${param.name}" must be letters, digits and underscores`);
  }
  if (!known.types.has(param.type)) {
    problems.add(member(loc, "type"), `unknown param type "${param.type}"`);
  }
  if (!known.formats.has(param.format)) {
    problems.add(member(loc, "format"), `unknown print format "${param.format}"`);
  }
  if (param.flagsTable !== undefined && !known.valueTables.has(param.flagsTable)) {
    problems.add(member(loc, "flags_table"), `no value table "${param.flagsTable}" in value_tables`);
  }
  if (param.dynamicTable !== undefined && !known.dynamicTables.has(param.dynamicTable)) {
    problems.add(member(loc, "dynamic_table"), `no dynamic table "${param.dynamicTable}" in dynamic_param_tables`);
  }
  if (param.dynamicTable !== undefined && param.type !== "PT_DYN") {
    problems.add(member(loc, "dynamic_table"), `only a PT_DYN param has a dynamic table, this one is ${param.type}`);
  }
  if (param.dynamicTable === undefined && param.type === "PT_DYN") {
    problems.add(loc, "a PT_DYN param needs a dynamic_table");
  }
  const dirfd = param.dirfdParamIndex;
  if (dirfd !== undefined) {
    if (param.type !== "PT_FSRELPATH") {
      problems.add(member(loc, "dirfd_param_index"), `only a PT_FSRELPATH param has a dirfd param, this one is ${param.type}`);
    }
    if (dirfd < 0 || dirfd >= params.length || dirfd === index) {
      problems.add(member(loc, "dirfd_param_index"), `${dirfd} is not the index of another param of this event (0..${params.length - 1})`);
    }
  }
}

function pairBase(enumName: string): string {
  return enumName.slice(0, -2);
}

/** An exit event and the enter event before it: the same enum base, the same name unless one is a placeholder. */
function validatePair(enter: EventDef, exit: EventDef, loc: Location, problems: Problems): void {
  if (pairBase(enter.enumName) !== pairBase(exit.enumName)) {
    problems.add(member(loc, "enum"), `${exit.enumName} does not pair with the enter event before it, ${enter.enumName}`);
  }
  if (enter.name !== exit.name && enter.name !== PLACEHOLDER_NAME && exit.name !== PLACEHOLDER_NAME) {
    problems.add(member(loc, "name"), `"${exit.name}" differs from the name of its enter event, "${enter.name}"`);
  }
}
