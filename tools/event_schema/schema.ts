/**
 * The event schema as the generator sees it, decoded from the three files in driver/api/schema.
 * Names of types, formats, categories and flags are the symbolic ones of the data (`PT_FD`,
 * `EC_FILE`); c_names.ts turns them into C identifiers.
 */

/** A symbolic name and its numeric value (an enum member, or an entry of a value table). */
export interface NamedValue {
  readonly name: string;
  readonly value: number;
}

/** The enums of event_table.json, each in data order. */
export interface SchemaEnums {
  readonly paramTypes: readonly NamedValue[];
  readonly printFormats: readonly NamedValue[];
  readonly categories: readonly NamedValue[];
  readonly eventFlags: readonly NamedValue[];
}

export type Direction = "enter" | "exit";

export interface ParamDef {
  readonly name: string;
  readonly type: string;
  readonly format: string;
  /** A table of value_tables.json naming the parameter's flags or enum values. */
  readonly flagsTable?: string;
  /** For PT_DYN: a table of dynamic_param_tables in value_tables.json. */
  readonly dynamicTable?: string;
  /** For PT_FSRELPATH: the index of the parameter holding the directory fd. */
  readonly dirfdParamIndex?: number;
}

export interface EventDef {
  readonly code: number;
  /** The symbolic code, `PPME_<NAME>_E` or `_X`. */
  readonly enumName: string;
  /** Shared by the enter and exit events of one syscall; "NA" marks an unused slot. */
  readonly name: string;
  readonly dir: Direction;
  readonly category: readonly string[];
  readonly flags: readonly string[];
  readonly params: readonly ParamDef[];
}

export interface ValueTable {
  readonly name: string;
  readonly values: readonly NamedValue[];
}

/** One sub-type of a PT_DYN parameter; its position in the table is the index byte. */
export interface DynamicVariant {
  readonly type: string;
  readonly format: string;
}

export interface DynamicTable {
  readonly name: string;
  readonly variants: readonly DynamicVariant[];
}

export interface Versions {
  readonly api: string;
  readonly schema: string;
}

/** The paths of the three files, as given on the command line; problems name them. */
export interface SchemaFiles {
  readonly events: string;
  readonly values: string;
  readonly versions: string;
}

export interface Schema {
  readonly files: SchemaFiles;
  readonly versions: Versions;
  readonly enums: SchemaEnums;
  readonly events: readonly EventDef[];
  readonly valueTables: readonly ValueTable[];
  readonly dynamicTables: readonly DynamicTable[];
}
