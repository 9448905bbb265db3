import type { EventFills, ParamFill } from "./fill_spec";
import type { EventDef, Schema } from "./schema";

/** The events of every system call without dedicated ones. */
export const GENERIC_ENTER = "PPME_GENERIC_E";
export const GENERIC_EXIT = "PPME_GENERIC_X";

/** The value table giving each system call its driver-neutral code. */
export const PPM_SC_TABLE = "ppm_sc_codes";

/**
 * The fills of the generic events, derived rather than written down: their first parameter is
 * the PPM_SC code of the system call, the second its x86_64 number. Undefined when the schema
 * has no such event; validate_fillers.ts reports that.
 */
export function genericFills(schema: Schema, enumName: string): { event: EventDef; fills: EventFills } | undefined {
  const event = schema.events.find((e) => e.enumName === enumName);
  if (event === undefined) {
    return undefined;
  }
  const [first, second] = event.params;
  const params: ParamFill[] = [];
  if (first !== undefined) {
    params.push({ param: first.name, text: "syscall(ppm_sc)", source: { kind: "syscall", part: "ppm_sc" } });
  }
  if (second !== undefined) {
    params.push({ param: second.name, text: "syscall(nr)", source: { kind: "syscall", part: "nr" } });
  }
  return { event, fills: { event: enumName, params } };
}
