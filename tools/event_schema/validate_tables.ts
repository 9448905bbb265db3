import type { Problems } from "./problem";
import { element, member, rootOf } from "./problem";
import type { Schema } from "./schema";

const TABLE_NAME = /^[a-z][a-z0-9_]*$/;
const PRINTABLE = /^[\x20-\x7e]+$/;
/** A PT_DYN value selects its variant with one byte. */
const MAX_VARIANTS = 256;

/** Value tables and dynamic tables: C-safe names, non-empty, entries of known types and formats. */
export function validateTables(schema: Schema, problems: Problems): void {
  const root = rootOf(schema.files.values);
  const types = new Set(schema.enums.paramTypes.map((t) => t.name));
  const formats = new Set(schema.enums.printFormats.map((f) => f.name));

  for (const table of schema.valueTables) {
    const loc = member(member(root, "value_tables"), table.name);
    if (!TABLE_NAME.test(table.name)) {
      problems.add(loc, "table name must be lower-case letters, digits and underscores");
    }
    if (table.values.length === 0) {
      problems.add(loc, "must not be empty");
    }
    table.values.forEach((entry, i) => {
      if (!PRINTABLE.test(entry.name)) {
        problems.add(member(element(loc, i), "name"), "must be non-empty printable ASCII");
      }
    });
  }

  for (const table of schema.dynamicTables) {
    const loc = member(member(root, "dynamic_param_tables"), table.name);
    if (!TABLE_NAME.test(table.name)) {
      problems.add(loc, "table name must be lower-case letters, digits and underscores");
    }
    if (table.variants.length === 0 || table.variants.length > MAX_VARIANTS) {
      problems.add(loc, `must have 1 to ${MAX_VARIANTS} variants, has ${table.variants.length}`);
    }
    table.variants.forEach((variant, i) => {
      if (!types.has(variant.type)) {
        problems.add(member(element(loc, i), "type"), `unknown param type "${variant.type}"`);
      }
      if (!formats.has(variant.format)) {
        problems.add(member(element(loc, i), "format"), `unknown print format "${variant.format}"`);
      }
    });
  }
}
