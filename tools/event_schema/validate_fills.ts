import type { FillSpec } from "./fill_spec";
import type { Problem } from "./problem";
import { Problems } from "./problem";
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
  return problems.list;
}
