/**
 * The driver tables of a checked schema and fill spec, resolved for the emitters: one row per
 * x86_64 system-call number, and the events that have fills, in code order.
 */
import type { FillSpec, ParamFill } from "./fill_spec";
import { GENERIC_ENTER, GENERIC_EXIT, PPM_SC_TABLE, genericFills } from "./generic_fills";
import type { EventDef, Schema } from "./schema";

export interface SyscallRow {
  readonly nr: number;
  /** Undefined for numbers no system call has. */
  readonly name?: string;
  /** The PPM_SC code, 0 when the system call has none. */
  readonly ppmSc: number;
  /** Enum names of the events the drivers emit for it. */
  readonly enter: string;
  readonly exit: string;
}

export interface FilledEvent {
  readonly event: EventDef;
  readonly fills: readonly ParamFill[];
}

/** One row per number from 0 to the highest, generic events for every system call without fills. */
export function syscallRows(schema: Schema, spec: FillSpec): SyscallRow[] {
  const codes = new Map((schema.valueTables.find((t) => t.name === PPM_SC_TABLE)?.values ?? []).map((v) => [v.name, v.value]));
  const byNr = new Map(spec.syscalls.map((s) => [s.nr, s.name]));
  const fillers = new Map(spec.fillers.map((f) => [f.syscall, f]));
  const count = spec.syscalls.reduce((max, s) => Math.max(max, s.nr + 1), 0);
  const rows: SyscallRow[] = [];
  for (let nr = 0; nr < count; nr++) {
    const name = byNr.get(nr);
    const filler = name === undefined ? undefined : fillers.get(name);
    rows.push({
      nr,
      ...(name === undefined ? {} : { name }),
      ppmSc: name === undefined ? 0 : (codes.get(name) ?? 0),
      enter: filler?.enter.event ?? GENERIC_ENTER,
      exit: filler?.exit.event ?? GENERIC_EXIT,
    });
  }
  return rows;
}

/** Every event with fills (the generic pair and those of fillers.json), by code. */
export function filledEvents(schema: Schema, spec: FillSpec): FilledEvent[] {
  const byEnum = new Map(schema.events.map((e) => [e.enumName, e]));
  const filled: FilledEvent[] = [];
  for (const enumName of [GENERIC_ENTER, GENERIC_EXIT]) {
    const generic = genericFills(schema, enumName);
    if (generic !== undefined) {
      filled.push({ event: generic.event, fills: generic.fills.params });
    }
  }
  for (const fills of spec.fillers) {
    for (const side of [fills.enter, fills.exit]) {
      const event = byEnum.get(side.event);
      if (event !== undefined) {
        filled.push({ event, fills: side.params });
      }
    }
  }
  return filled.sort((a, b) => a.event.code - b.event.code);
}
