import { dynamicTableId, valueTableId } from "./c_names";
import { BANNER, docComment, enumDeclaration, fileText } from "./c_text";
import { CODES_HEADER_INCLUDE } from "./emit_codes_header";
import type { Schema } from "./schema";

/** Where userspace includes the header: `#include "driver_api/event_table.h"`. */
export const TABLE_HEADER_INCLUDE = "driver_api/event_table.h";

/** A struct with a doc comment on itself and on each field. */
function struct(doc: readonly string[], name: string, fields: readonly [doc: string, declaration: string][]): string[] {
  return [...docComment(doc), `struct ${name} {`, ...fields.flatMap(([fieldDoc, declaration]) => [...docComment([fieldDoc], "\t"), `\t${declaration};`]), "};"];
}

/**
 * event_table.h: the types of the tables and their declarations, for userspace (libscap,
 * libsinsp). The data is in event_table.c.
 */
export function emitTableHeader(schema: Schema): string {
  return fileText([
    ...BANNER,
    "#ifndef SCAP_DRIVER_API_EVENT_TABLE_H",
    "#define SCAP_DRIVER_API_EVENT_TABLE_H",
    "",
    "#include <stdint.h>",
    "",
    `#include "${CODES_HEADER_INCLUDE}"`,
    "",
    "#ifdef __cplusplus",
    'extern "C" {',
    "#endif",
    "",
    ...struct(["How one parameter of an event is encoded and shown."], "scap_param_info", [
      ['The parameter\'s name ("fd", "name", ...).', "const char *name"],
      ["Its encoding: an enum scap_param_type.", "uint8_t type"],
      ["How to print it: an enum scap_print_format.", "uint8_t format"],
      ["The names of its flags or enum values: an index into scap_value_tables, or -1.", "int16_t value_table"],
      ["For SCAP_PT_DYN: its variants, an index into scap_dynamic_tables, or -1.", "int16_t dynamic_table"],
      ["For SCAP_PT_FSRELPATH: the index of the parameter holding the directory fd, or -1.", "int8_t dirfd_param"],
    ]),
    "",
    ...struct(["One event code: its name, category, flags and parameters, in record order."], "scap_event_info", [
      ['The name shared by the enter and exit events of a pair; "NA" for unused codes.', "const char *name"],
      ["An enum scap_event_category value.", "uint32_t category"],
      ["enum scap_event_flags bits.", "uint32_t flags"],
      ["How many parameters every record of this event carries.", "uint16_t nparams"],
      ["The parameters in record order; NULL when nparams is 0.", "const struct scap_param_info *params"],
    ]),
    "",
    ...docComment(["Every event, indexed by enum scap_event_code."]),
    "extern const struct scap_event_info scap_event_table[SCAP_EVENT_COUNT];",
    "",
    ...struct(["One entry of a value table."], "scap_named_value", [
      ["The symbolic name (O_RDONLY, ENOENT, SIGKILL, open, ...).", "const char *name"],
      ["Its value as the drivers encode it.", "int64_t value"],
    ]),
    "",
    ...struct(["Named values of flags and enum parameters, errno and signal names, syscall codes, ..."], "scap_value_table", [
      ["The table's name (file_flags, errno_names, ...).", "const char *name"],
      ["How many entries it has.", "uint32_t count"],
      ["The entries, in the order in which they are matched when rendering.", "const struct scap_named_value *values"],
    ]),
    "",
    ...enumDeclaration(["The value tables, as indices into scap_value_tables."], "scap_value_table_id", [
      ...schema.valueTables.map((t, i) => ({ name: valueTableId(t.name), value: i })),
      { name: "SCAP_VALUE_TABLE_COUNT", value: schema.valueTables.length },
    ]),
    "",
    ...docComment(["Every value table, indexed by enum scap_value_table_id."]),
    "extern const struct scap_value_table scap_value_tables[SCAP_VALUE_TABLE_COUNT];",
    "",
    ...struct(["One variant of a SCAP_PT_DYN parameter."], "scap_dynamic_variant", [
      ["Its encoding: an enum scap_param_type.", "uint8_t type"],
      ["How to print it: an enum scap_print_format.", "uint8_t format"],
    ]),
    "",
    ...struct(
      ["The variants of a SCAP_PT_DYN parameter: the first byte of its value is an index into", "variants, and the rest is encoded as that variant says."],
      "scap_dynamic_table",
      [
        ["The table's name (sockopt_dynamic_param, ...).", "const char *name"],
        ["How many variants it has.", "uint32_t count"],
        ["The variants, indexed by the first byte of the parameter.", "const struct scap_dynamic_variant *variants"],
      ],
    ),
    "",
    ...enumDeclaration(["The dynamic parameter tables, as indices into scap_dynamic_tables."], "scap_dynamic_table_id", [
      ...schema.dynamicTables.map((t, i) => ({ name: dynamicTableId(t.name), value: i })),
      { name: "SCAP_DYNAMIC_TABLE_COUNT", value: schema.dynamicTables.length },
    ]),
    "",
    ...docComment(["Every dynamic parameter table, indexed by enum scap_dynamic_table_id."]),
    "extern const struct scap_dynamic_table scap_dynamic_tables[SCAP_DYNAMIC_TABLE_COUNT];",
    "",
    "#ifdef __cplusplus",
    "}",
    "#endif",
    "",
    "#endif /* SCAP_DRIVER_API_EVENT_TABLE_H */",
  ]);
}
