import { readFileSync } from "node:fs";
import { UserError } from "../common/user_error";
import { decodeSchema } from "./decode";
import type { Problem } from "./problem";
import type { Schema, SchemaFiles } from "./schema";
import { validateSchema } from "./validate";

/** A checked schema, or every problem that stops it from being one. */
export type Loaded = { readonly schema: Schema; readonly problems: readonly [] } | { readonly schema: undefined; readonly problems: readonly Problem[] };

/** Reads and parses one JSON file; a missing file or bad JSON is a UserError naming it. */
export function readJson(file: string, read: (file: string) => string = (f) => readFileSync(f, "utf8")): unknown {
  let text: string;
  try {
    text = read(file);
  } catch (error: unknown) {
    throw new UserError(file, `cannot read: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error: unknown) {
    throw new UserError(file, `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Decodes and validates already parsed files: shape problems first, then meaning. */
export function checkSchema(files: SchemaFiles, events: unknown, values: unknown, versions: unknown): Loaded {
  const decoded = decodeSchema({ files, events, values, versions });
  if (decoded.schema === undefined) {
    return decoded;
  }
  const problems = validateSchema(decoded.schema);
  return problems.length === 0 ? { schema: decoded.schema, problems: [] } : { schema: undefined, problems };
}

/** Reads the three files of driver/api/schema and checks them. */
export function loadSchema(files: SchemaFiles): Loaded {
  return checkSchema(files, readJson(files.events), readJson(files.values), readJson(files.versions));
}
