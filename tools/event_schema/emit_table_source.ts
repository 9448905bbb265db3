import { bitsExpression, dynamicTableId, eventCodeName, paramsArrayName, scapName, valueTableId, valuesArrayName, variantsArrayName } from "./c_names";
import { BANNER, cString, fileText, int64Literal } from "./c_text";
import { TABLE_HEADER_INCLUDE } from "./emit_table_header";
import type { EventDef, ParamDef, Schema } from "./schema";

function paramInitializer(param: ParamDef): string {
  const fields = [
    cString(param.name),
    scapName(param.type),
    scapName(param.format),
    param.flagsTable === undefined ? "-1" : valueTableId(param.flagsTable),
    param.dynamicTable === undefined ? "-1" : dynamicTableId(param.dynamicTable),
    param.dirfdParamIndex === undefined ? "-1" : String(param.dirfdParamIndex),
  ];
  return `\t{ ${fields.join(", ")} },`;
}

function paramsArray(event: EventDef): string[] {
  if (event.params.length === 0) {
    return [];
  }
  return [`static const struct scap_param_info ${paramsArrayName(event.enumName)}[] = {`, ...event.params.map(paramInitializer), "};", ""];
}

function eventInitializer(event: EventDef): string {
  const fields = [
    cString(event.name),
    bitsExpression(event.category, "EC_UNKNOWN"),
    bitsExpression(event.flags, "EF_NONE"),
    String(event.params.length),
    event.params.length === 0 ? "NULL" : paramsArrayName(event.enumName),
  ];
  return `\t[${eventCodeName(event.enumName)}] = { ${fields.join(", ")} },`;
}

/** event_table.c: the data behind the declarations of event_table.h. */
export function emitTableSource(schema: Schema): string {
  return fileText([
    ...BANNER,
    "#include <stddef.h>",
    "",
    `#include "${TABLE_HEADER_INCLUDE}"`,
    "",
    ...schema.events.flatMap(paramsArray),
    "const struct scap_event_info scap_event_table[SCAP_EVENT_COUNT] = {",
    ...schema.events.map(eventInitializer),
    "};",
    "",
    ...schema.valueTables.flatMap((table) => [
      `static const struct scap_named_value ${valuesArrayName(table.name)}[] = {`,
      ...table.values.map((v) => `\t{ ${cString(v.name)}, ${int64Literal(v.value)} },`),
      "};",
      "",
    ]),
    "const struct scap_value_table scap_value_tables[SCAP_VALUE_TABLE_COUNT] = {",
    ...schema.valueTables.map((t) => `\t[${valueTableId(t.name)}] = { ${cString(t.name)}, ${t.values.length}, ${valuesArrayName(t.name)} },`),
    "};",
    "",
    ...schema.dynamicTables.flatMap((table) => [
      `static const struct scap_dynamic_variant ${variantsArrayName(table.name)}[] = {`,
      ...table.variants.map((v) => `\t{ ${scapName(v.type)}, ${scapName(v.format)} },`),
      "};",
      "",
    ]),
    "const struct scap_dynamic_table scap_dynamic_tables[SCAP_DYNAMIC_TABLE_COUNT] = {",
    ...schema.dynamicTables.map((t) => `\t[${dynamicTableId(t.name)}] = { ${cString(t.name)}, ${t.variants.length}, ${variantsArrayName(t.name)} },`),
    "};",
  ]);
}
