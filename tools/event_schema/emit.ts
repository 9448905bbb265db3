import { emitCodesHeader } from "./emit_codes_header";
import { emitFillTable } from "./emit_fill_table";
import { emitSyscallTable } from "./emit_syscall_table";
import { emitTableHeader } from "./emit_table_header";
import { emitTableSource } from "./emit_table_source";
import type { FillSpec } from "./fill_spec";
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

/** The text of the two driver headers. */
export interface DriverFiles {
  /** syscall_table.h: x86_64 number -> PPM_SC code and events. */
  readonly syscallHeader: string;
  /** fill_table.h: where every parameter comes from, and the conversions. */
  readonly fillHeader: string;
}

/** Emits the driver headers for a validated schema and fill spec; the same input always gives the same bytes. */
export function generateDriverTables(schema: Schema, spec: FillSpec): DriverFiles {
  return {
    syscallHeader: emitSyscallTable(schema, spec),
    fillHeader: emitFillTable(schema, spec),
  };
}
