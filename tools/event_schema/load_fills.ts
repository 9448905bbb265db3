import { decodeFillSpec } from "./decode_fills";
import type { FillSpec, FillSpecFiles } from "./fill_spec";
import { readJson } from "./load";
import type { Problem } from "./problem";
import type { Schema } from "./schema";
import { validateFillSpec } from "./validate_fills";

/** A checked fill spec, or every problem that stops it from being one. */
export type LoadedFills = { readonly spec: FillSpec; readonly problems: readonly [] } | { readonly spec: undefined; readonly problems: readonly Problem[] };

/** Decodes and validates already parsed files against a checked schema: shape problems first, then meaning. */
export function checkFillSpec(schema: Schema, files: FillSpecFiles, syscalls: unknown, fillers: unknown, conversions: unknown): LoadedFills {
  const decoded = decodeFillSpec({ files, syscalls, fillers, conversions });
  if (decoded.spec === undefined) {
    return decoded;
  }
  const problems = validateFillSpec(schema, decoded.spec);
  return problems.length === 0 ? { spec: decoded.spec, problems: [] } : { spec: undefined, problems };
}

/** Reads syscalls_x86_64.json, fillers.json and conversions.json and checks them against the schema. */
export function loadFillSpec(schema: Schema, files: FillSpecFiles): LoadedFills {
  return checkFillSpec(schema, files, readJson(files.syscalls), readJson(files.fillers), readJson(files.conversions));
}
