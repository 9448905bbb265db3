import type { FieldDef, ValueClass } from "./fill_fields";
import { FILE_FIELDS, PROC_FIELDS } from "./fill_fields";
import type { Conversion } from "./fill_spec";
import type { FillSource } from "./fill_source";
import { usesReturn } from "./fill_source";
import { constRange, isBitset, isFlags, isInteger, isString } from "./param_classes";
import type { Direction, DynamicTable, ParamDef } from "./schema";

/** What a source is checked against besides its parameter. */
export interface FitContext {
  readonly conversions: ReadonlyMap<string, Conversion>;
  readonly dynamicTables: ReadonlyMap<string, DynamicTable>;
}

const PROC = new Map(PROC_FIELDS.map((f) => [f.name, f]));
const FILE = new Map(FILE_FIELDS.map((f) => [f.name, f]));

/** Why a value of this class cannot fill the parameter, or undefined when it can. */
function classMisfit(value: ValueClass, param: ParamDef): string | undefined {
  switch (value.class) {
    case "integer":
      return isInteger(param.type) ? undefined : "a number, which fits only integer types";
    case "string":
      return param.type === "PT_CHARBUF" || param.type === "PT_FSPATH" ? undefined : "a string, which fits only PT_CHARBUF and PT_FSPATH";
    case "list":
      return param.type === "PT_BYTEBUF" ? undefined : "a list of strings, which fits only PT_BYTEBUF";
    case "flags":
      return isFlags(param.type) && param.flagsTable === value.table ? undefined : `flags of value table ${value.table}, which fit only a flags param naming that table`;
  }
}

/** Why a field's value cannot be worked out: the conversion it goes through is missing or maps elsewhere. */
function conversionMisfit(value: ValueClass, conversions: ReadonlyMap<string, Conversion>): string | undefined {
  if (value.class !== "flags" || value.conversion === undefined) {
    return undefined;
  }
  const conversion = conversions.get(value.conversion);
  if (conversion === undefined) {
    return `goes through conversion ${value.conversion}, which conversions.json does not have`;
  }
  return conversion.table === value.table ? undefined : `goes through conversion ${value.conversion}, which gives values of table ${conversion.table}, not ${value.table}`;
}

function fieldMisfit(fields: ReadonlyMap<string, FieldDef>, what: string, field: string, param: ParamDef, context: FitContext): string | undefined {
  const def = fields.get(field);
  if (def === undefined) {
    return `${what} has no field "${field}" (expected one of: ${[...fields.keys()].join(", ")})`;
  }
  const misfit = classMisfit(def.value, param);
  if (misfit !== undefined) {
    return `${what}(${field}) is ${misfit}`;
  }
  const conversion = conversionMisfit(def.value, context.conversions);
  return conversion === undefined ? undefined : `${what}(${field}) ${conversion}`;
}

/** The conversion a proc(...) or file(...) source puts its value through, if any. */
export function fieldConversion(source: FillSource): string | undefined {
  const def = source.kind === "proc" ? PROC.get(source.field) : source.kind === "file" ? FILE.get(source.field) : undefined;
  return def?.value.class === "flags" ? def.value.conversion : undefined;
}

function flagsMisfit(conversions: ReadonlyMap<string, Conversion>, name: string, param: ParamDef): string | undefined {
  const bitset = isBitset(param.type);
  if (bitset === undefined) {
    return "flags(...) fits only PT_FLAGS*, PT_ENUMFLAGS* and PT_MODE";
  }
  const conversion = conversions.get(name);
  if (conversion === undefined) {
    return `no conversion "${name}" in conversions.json`;
  }
  if (conversion.table !== param.flagsTable) {
    return `conversion ${name} gives values of table ${conversion.table}, the param's table is ${param.flagsTable ?? "(none)"}`;
  }
  if ((conversion.kind === "bitset") !== bitset) {
    return `conversion ${name} is ${conversion.kind === "bitset" ? "a bit set" : "an enum"}, ${param.type} needs ${bitset ? "a bit set" : "an enum"}`;
  }
  return undefined;
}

function onlyTypes(types: readonly string[], param: ParamDef, what: string): string | undefined {
  return types.includes(param.type) ? undefined : `${what} fits only ${types.join(", ")}`;
}

/** Checks that depend on the kind of source. */
function kindMisfit(source: FillSource, param: ParamDef, context: FitContext): string | undefined {
  switch (source.kind) {
    case "ret":
    case "syscall":
      return isInteger(param.type) ? undefined : `${source.kind} is a number, which fits only integer types`;
    case "arg":
      if (isFlags(param.type)) {
        return `${param.type} holds PPM values: convert the Linux value with flags(...)`;
      }
      return isInteger(param.type) ? undefined : "an argument is a number, which fits only integer types";
    case "path":
      return isString(param.type) ? undefined : "path(...) fits only PT_CHARBUF, PT_FSPATH and PT_FSRELPATH";
    case "str":
      return onlyTypes(["PT_CHARBUF"], param, "str(...)");
    case "data":
      return onlyTypes(["PT_BYTEBUF"], param, "data(...)");
    case "sockaddr":
      return onlyTypes(["PT_SOCKADDR"], param, "sockaddr(...)");
    case "socktuple":
      return onlyTypes(["PT_SOCKTUPLE"], param, "socktuple(...)");
    case "fdpair":
      return onlyTypes(["PT_FD", "PT_FD32"], param, "fdpair(...)");
    case "flags":
      return flagsMisfit(context.conversions, source.conversion, param);
    case "proc":
      return fieldMisfit(PROC, "proc", source.field, param, context);
    case "file":
      return fieldMisfit(FILE, "file", source.field, param, context);
    case "const": {
      const range = constRange(param.type);
      if (range === undefined) {
        return "const(...) fits only integer and flags types";
      }
      return source.value < range.min || source.value > range.max ? `${source.value} is out of range ${range.min}..${range.max} of ${param.type}` : undefined;
    }
    case "empty":
      return undefined;
    case "iovec":
    case "msghdr":
      if (source.part === "size") {
        return isInteger(param.type) ? undefined : "a size is a number, which fits only integer types";
      }
      return onlyTypes(["PT_BYTEBUF"], param, "user bytes");
    case "dyn":
      return dynMisfit(source.variant, param, context.dynamicTables);
  }
}

function dynMisfit(variant: number, param: ParamDef, tables: ReadonlyMap<string, DynamicTable>): string | undefined {
  const table = param.dynamicTable === undefined ? undefined : tables.get(param.dynamicTable);
  if (param.type !== "PT_DYN" || table === undefined) {
    return "dyn(...) fits only PT_DYN";
  }
  const chosen = table.variants[variant];
  if (chosen === undefined) {
    return `${table.name} has variants 0..${table.variants.length - 1}`;
  }
  return isInteger(chosen.type) ? undefined : `variant ${variant} of ${table.name} is ${chosen.type}, not a number`;
}

/**
 * Why `source` cannot fill `param` of an event of direction `dir`, in one sentence starting with
 * the source text; undefined when it can.
 */
export function sourceMisfit(text: string, source: FillSource, param: ParamDef, dir: Direction, context: FitContext): string | undefined {
  if (dir === "enter" && usesReturn(source)) {
    return `"${text}" reads the return value, which an enter event does not have`;
  }
  const misfit = kindMisfit(source, param, context);
  return misfit === undefined ? undefined : `"${text}" cannot fill ${param.type} param "${param.name}": ${misfit}`;
}
