import type { Problem } from "./problem";
import { Problems } from "./problem";
import type { Schema } from "./schema";
import { validateEnums, validateVersions } from "./validate_enums";
import { validateEvents } from "./validate_events";
import { validateTables } from "./validate_tables";

/** Every problem in what the schema says, in file order; none when the generator may run. */
export function validateSchema(schema: Schema): readonly Problem[] {
  const problems = new Problems();
  validateVersions(schema, problems);
  validateEnums(schema, problems);
  validateEvents(schema, problems);
  validateTables(schema, problems);
  return problems.list;
}
