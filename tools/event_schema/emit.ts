import { emitCodesHeader } from "./emit_codes_header";
import { emitTableHeader } from "./emit_table_header";
import { emitTableSource } from "./emit_table_source";
import type { Schema } from "./schema";

/** The text of the three generated files. */
export interface GeneratedFiles {
  /** event_codes.h: kernel-safe macros and enums. */
  readonly codesHeader: string;
  /** event_table.h: the table types and declarations, for userspace. */
  readonly tableHeader: string;
  /** event_table.c: the table data. */
  readonly tableSource: string;
}

/** Emits the C files for a validated schema; the same schema always gives the same bytes. */
export function generate(schema: Schema): GeneratedFiles {
  return {
    codesHeader: emitCodesHeader(schema),
    tableHeader: emitTableHeader(schema),
    tableSource: emitTableSource(schema),
  };
}
