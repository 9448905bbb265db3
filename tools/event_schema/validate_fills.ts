import { FILE_FIELDS, PROC_FIELDS } from "./fill_fields";
import type { FillSpec } from "./fill_spec";
import type { Problem } from "./problem";
import { Problems, member, rootOf } from "./problem";
import type { Schema } from "./schema";
import { validateConversions } from "./validate_conversions";
import { validateFillers } from "./validate_fillers";
import { validateSyscalls } from "./validate_syscalls";

/** Every problem in what the fill spec says about a (valid) schema; none when the generator may run. */
export function validateFillSpec(schema: Schema, spec: FillSpec): readonly Problem[] {
  const problems = new Problems();
  validateSyscalls(spec, problems);
  const used = validateFillers(schema, spec, problems);
  validateConversions(schema, spec, used, problems);
  validateDriverBits(schema, problems);
  return problems.list;
}

/** The PPM bits drivers set themselves (fill_fields.ts) exist in their value tables. */
function validateDriverBits(schema: Schema, problems: Problems): void {
  const root = member(rootOf(schema.files.values), "value_tables");
  for (const field of [...PROC_FIELDS, ...FILE_FIELDS]) {
    const value = field.value;
    const table = value.class === "flags" ? schema.valueTables.find((t) => t.name === value.table) : undefined;
    if (value.class !== "flags" || table === undefined) {
      continue;
    }
    for (const name of value.driverBits ?? []) {
      if (!table.values.some((v) => v.name === name)) {
        problems.add(member(root, table.name), `no "${name}", which drivers set for the ${field.name} field`);
      }
    }
  }
}
