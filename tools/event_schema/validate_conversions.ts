import type { Conversion, FillSpec } from "./fill_spec";
import type { Location, Problems } from "./problem";
import { element, member, rootOf } from "./problem";
import type { Schema } from "./schema";

const CONVERSION_NAME = /^[a-z][a-z0-9_]*$/;
/** Entry counts and pool offsets are unsigned short in the generated C. */
const MAX_ENTRIES = 255;

/** The bits of `value` outside `mask`, with 64-bit arithmetic. */
function outside(value: number, mask: number): bigint {
  return BigInt(value) & ~BigInt(mask);
}

/**
 * conversions.json: each table maps onto an existing value table by names it has; bit-set
 * entries test some bits and add some; enum entries convert distinct values and name a fallback;
 * and every conversion is used by some `flags(...)` source or a proc(...) field that goes through it.
 */
export function validateConversions(schema: Schema, spec: FillSpec, used: ReadonlySet<string>, problems: Problems): void {
  const root = member(rootOf(spec.files.conversions), "conversions");
  if (spec.conversions.length === 0) {
    problems.add(root, "must not be empty");
  }
  for (const conversion of spec.conversions) {
    const loc = member(root, conversion.name);
    if (!CONVERSION_NAME.test(conversion.name)) {
      problems.add(loc, "name must be lower-case letters, digits and underscores");
    }
    const table = schema.valueTables.find((t) => t.name === conversion.table);
    if (table === undefined) {
      problems.add(member(loc, "table"), `no value table "${conversion.table}" in value_tables`);
    }
    const values = new Map((table?.values ?? []).map((v) => [v.name, v.value]));
    const has = (name: string): boolean => table === undefined || values.has(name);
    if (conversion.kind === "bitset" && conversion.unknown !== undefined) {
      problems.add(member(loc, "unknown"), "only an enum conversion has an unknown value");
    }
    if (conversion.kind === "enum" && conversion.unknown === undefined) {
      problems.add(loc, 'an enum conversion needs "unknown": the PPM name given when no entry matches');
    }
    if (conversion.unknown !== undefined && !has(conversion.unknown)) {
      problems.add(member(loc, "unknown"), `no "${conversion.unknown}" in value table ${conversion.table}`);
    }
    if (conversion.entries.length === 0 || conversion.entries.length > MAX_ENTRIES) {
      problems.add(member(loc, "entries"), `must have 1 to ${MAX_ENTRIES} entries, has ${conversion.entries.length}`);
    }
    validateEntries(conversion, values, has, member(loc, "entries"), problems);
    if (!used.has(conversion.name)) {
      problems.add(loc, "not used by any flags(...) source of fillers.json nor by a proc(...) field");
    }
  }
}

function validateEntries(conversion: Conversion, values: ReadonlyMap<string, number>, has: (name: string) => boolean, loc: Location, problems: Problems): void {
  const seen = new Map<string, number>();
  conversion.entries.forEach((entry, i) => {
    const at = element(loc, i);
    if (!has(entry.ppm)) {
      problems.add(member(at, "ppm"), `no "${entry.ppm}" in value table ${conversion.table}`);
    }
    if (entry.linux < 0) {
      problems.add(member(at, "linux"), "must not be negative");
    }
    const mask = entry.mask ?? entry.linux;
    if (conversion.kind === "enum" && entry.mask !== undefined) {
      problems.add(member(at, "mask"), "only bit-set entries have a mask");
    }
    if (conversion.kind === "bitset") {
      if (mask <= 0) {
        problems.add(at, `linux ${entry.linux} without a mask matches every value: give the mask of the field it is a value of`);
      } else if (outside(entry.linux, mask) !== 0n) {
        problems.add(member(at, "mask"), `linux ${entry.linux} has bits outside the mask ${mask}`);
      }
      if (values.get(entry.ppm) === 0) {
        problems.add(member(at, "ppm"), `"${entry.ppm}" is 0 and adds no bit`);
      }
    }
    const key = conversion.kind === "bitset" ? `${entry.linux}/${mask}` : String(entry.linux);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.add(member(at, "linux"), `linux ${entry.linux}${conversion.kind === "bitset" ? ` (mask ${mask})` : ""} is already converted by entry ${first}`);
    } else {
      seen.set(key, i);
    }
  });
}
