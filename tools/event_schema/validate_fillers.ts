import type { EventFills, FillSpec, SyscallFills } from "./fill_spec";
import { GENERIC_ENTER, GENERIC_EXIT, PPM_SC_TABLE, genericFills } from "./generic_fills";
import type { Location, Problems } from "./problem";
import { element, member, rootOf } from "./problem";
import type { Direction, EventDef, Schema } from "./schema";
import type { FitContext } from "./source_fit";
import { fieldConversion, sourceMisfit } from "./source_fit";

const UNUSED = "EF_UNUSED";

/** What the checks of one file look things up in. */
interface Lookup {
  readonly schema: Schema;
  readonly spec: FillSpec;
  readonly events: ReadonlyMap<string, EventDef>;
  readonly context: FitContext;
  /** Event enum name -> the system call whose fills claimed it first. */
  readonly claimed: Map<string, string>;
}

/**
 * fillers.json: every system call exists and has a PPM_SC code; its two events exist, pair up,
 * carry its name (or its alias) and are the newest usable pair of that name; every parameter of
 * both has exactly one source, in record order, that fits it. The generic events' derived fills
 * are checked too. Returns the conversions the sources use (flags(...), and the proc(...) fields
 * whose values go through one).
 */
export function validateFillers(schema: Schema, spec: FillSpec, problems: Problems): Set<string> {
  const lookup: Lookup = {
    schema,
    spec,
    events: new Map(schema.events.map((e) => [e.enumName, e])),
    context: {
      conversions: new Map(spec.conversions.map((c) => [c.name, c])),
      dynamicTables: new Map(schema.dynamicTables.map((t) => [t.name, t])),
    },
    claimed: new Map(),
  };
  const root = rootOf(spec.files.fillers);
  validateGeneric(lookup, problems);
  validateAliases(lookup, member(root, "aliases"), problems);
  const syscalls = new Set(spec.syscalls.map((s) => s.name));
  const ppmSc = schema.valueTables.find((t) => t.name === PPM_SC_TABLE);
  for (const fills of spec.fillers) {
    const loc = member(member(root, "syscalls"), fills.syscall);
    if (!syscalls.has(fills.syscall)) {
      problems.add(loc, `no system call "${fills.syscall}" in ${spec.files.syscalls}`);
    }
    if (ppmSc !== undefined && !ppmSc.values.some((v) => v.name === fills.syscall)) {
      problems.add(loc, `no PPM_SC code for "${fills.syscall}" in value table ${PPM_SC_TABLE}`);
    }
    validatePair(lookup, fills, loc, problems);
  }
  const used = new Set<string>();
  for (const fills of spec.fillers) {
    for (const { source } of [...fills.enter.params, ...fills.exit.params]) {
      if (source.kind === "flags") {
        used.add(source.conversion);
      }
      const conversion = fieldConversion(source);
      if (conversion !== undefined) {
        used.add(conversion);
      }
    }
  }
  return used;
}

/** The generic events exist and the derived fills fit their parameters; the PPM_SC table exists. */
function validateGeneric(lookup: Lookup, problems: Problems): void {
  const events = member(rootOf(lookup.schema.files.events), "events");
  for (const [enumName, dir] of [
    [GENERIC_ENTER, "enter"],
    [GENERIC_EXIT, "exit"],
  ] as const) {
    const generic = genericFills(lookup.schema, enumName);
    if (generic === undefined) {
      problems.add(events, `no event ${enumName}: system calls without dedicated events need it`);
      continue;
    }
    const loc = element(events, generic.event.code);
    if (generic.event.params.length !== 2) {
      problems.add(member(loc, "params"), `${enumName} must have 2 params (the PPM_SC code, the system call number), has ${generic.event.params.length}`);
    }
    generic.fills.params.forEach((fill, i) => {
      const param = generic.event.params[i];
      const misfit = param === undefined ? undefined : sourceMisfit(fill.text, fill.source, param, dir, lookup.context);
      if (misfit !== undefined) {
        problems.add(member(element(member(loc, "params"), i), "type"), misfit);
      }
    });
  }
  if (!lookup.schema.valueTables.some((t) => t.name === PPM_SC_TABLE)) {
    problems.add(member(rootOf(lookup.schema.files.values), "value_tables"), `no value table ${PPM_SC_TABLE}: the system-call table takes its codes from it`);
  }
}

function validateAliases(lookup: Lookup, loc: Location, problems: Problems): void {
  for (const [syscall, name] of lookup.spec.aliases) {
    const at = member(loc, syscall);
    if (!lookup.spec.fillers.some((f) => f.syscall === syscall)) {
      problems.add(at, `"${syscall}" has no entry in syscalls`);
    }
    if (name === syscall) {
      problems.add(at, "maps the system call to its own name; drop it");
    } else if (!lookup.schema.events.some((e) => e.name === name)) {
      problems.add(at, `no event named "${name}" in event_table.json`);
    }
  }
}

/** The event an enter or exit object names, when it exists, has the direction and name expected and is free. */
function checkEvent(lookup: Lookup, fills: SyscallFills, dir: Direction, loc: Location, problems: Problems): EventDef | undefined {
  const enumName = (dir === "enter" ? fills.enter : fills.exit).event;
  const at = member(loc, "event");
  const event = lookup.events.get(enumName);
  if (event === undefined) {
    problems.add(at, `unknown event "${enumName}"`);
    return undefined;
  }
  const expected = lookup.spec.aliases.get(fills.syscall) ?? fills.syscall;
  let ok = true;
  const fail = (message: string): void => {
    problems.add(at, message);
    ok = false;
  };
  if (event.dir !== dir) {
    fail(`${enumName} is an ${event.dir} event`);
  }
  if (event.name !== expected) {
    const hint = lookup.spec.aliases.has(fills.syscall) ? "" : ' (the "aliases" map gives a system call the event name the schema uses)';
    fail(`${enumName} is named "${event.name}", not "${expected}"${hint}`);
  }
  if (event.flags.includes(UNUSED)) {
    fail(`${enumName} is ${UNUSED}`);
  }
  const other = lookup.claimed.get(enumName);
  if (other !== undefined) {
    fail(`${enumName} is already filled for system call "${other}"`);
  } else {
    lookup.claimed.set(enumName, fills.syscall);
  }
  return ok ? event : undefined;
}

/** The code of the newest enter event whose pair carries `name` and is not EF_UNUSED. */
function newestPair(events: readonly EventDef[], name: string): number | undefined {
  let newest: number | undefined;
  for (let code = 0; code + 1 < events.length; code += 2) {
    const enter = events[code];
    const exit = events[code + 1];
    if (enter?.name === name && exit?.name === name && !enter.flags.includes(UNUSED) && !exit.flags.includes(UNUSED)) {
      newest = code;
    }
  }
  return newest;
}

function validatePair(lookup: Lookup, fills: SyscallFills, loc: Location, problems: Problems): void {
  const enterLoc = member(loc, "enter");
  const exitLoc = member(loc, "exit");
  const enter = checkEvent(lookup, fills, "enter", enterLoc, problems);
  const exit = checkEvent(lookup, fills, "exit", exitLoc, problems);
  if (enter !== undefined) {
    validateParams(lookup, enter, fills.enter, "enter", enterLoc, problems);
  }
  if (exit !== undefined) {
    validateParams(lookup, exit, fills.exit, "exit", exitLoc, problems);
  }
  if (enter === undefined || exit === undefined) {
    return;
  }
  if (exit.code !== enter.code + 1) {
    problems.add(member(exitLoc, "event"), `${exit.enumName} does not pair with ${enter.enumName}: an exit event has the code after its enter event's`);
    return;
  }
  const name = enter.name;
  const newest = newestPair(lookup.schema.events, name);
  if (newest !== undefined && newest !== enter.code && fills.notNewest === undefined) {
    const other = lookup.schema.events[newest]?.enumName ?? "";
    problems.add(member(enterLoc, "event"), `${enter.enumName} is not the newest pair named "${name}" (${other} is): choose that one, or say why in "not_newest"`);
  }
  if (newest === enter.code && fills.notNewest !== undefined) {
    problems.add(member(loc, "not_newest"), `${enter.enumName} is the newest pair named "${name}"; drop not_newest`);
  }
}

/** Exactly one source per parameter, in record order, each fitting its parameter. */
function validateParams(lookup: Lookup, event: EventDef, fills: EventFills, dir: Direction, loc: Location, problems: Problems): void {
  const at = member(loc, "params");
  const names = event.params.map((p) => p.name);
  const given = fills.params.map((f) => f.param);
  let complete = true;
  for (const fill of fills.params) {
    if (!names.includes(fill.param)) {
      problems.add(member(at, fill.param), `${event.enumName} has no param "${fill.param}" (its params: ${names.join(", ") || "none"})`);
      complete = false;
    }
  }
  for (const name of names) {
    if (!given.includes(name)) {
      problems.add(at, `no source for param "${name}" of ${event.enumName}`);
      complete = false;
    }
  }
  if (complete && given.join(",") !== names.join(",")) {
    problems.add(at, `params out of record order: ${event.enumName} has ${names.join(", ")}`);
  }
  for (const fill of fills.params) {
    const param = event.params.find((p) => p.name === fill.param);
    const misfit = param === undefined ? undefined : sourceMisfit(fill.text, fill.source, param, dir, lookup.context);
    if (misfit !== undefined) {
      problems.add(member(at, fill.param), misfit);
    }
  }
}
