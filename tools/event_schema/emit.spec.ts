import { fixtureSchema, rawFixture } from "./fixture";
import { generate } from "./emit";

/** The lines of `text` from the one equal to `first` up to the one equal to `last`. */
function section(text: string, first: string, last: string): string {
  const lines = text.split("\n");
  const start = lines.indexOf(first);
  const end = lines.indexOf(last, start);
  return start < 0 || end < 0 ? `(no section from ${first} to ${last})` : lines.slice(start, end + 1).join("\n");
}

describe("generate", () => {
  const files = generate(fixtureSchema());

  it("gives the same bytes for the same schema, loaded afresh", () => {
    const again = generate(fixtureSchema(rawFixture()));
    expect(again).toEqual(files);
    expect(generate(fixtureSchema(JSON.parse(JSON.stringify(rawFixture())) as ReturnType<typeof rawFixture>))).toEqual(files);
  });

  it("starts every file with the generated-file banner", () => {
    for (const text of [files.codesHeader, files.tableHeader, files.tableSource]) {
      expect(text.split("\n").slice(0, 4)).toEqual([
        "/*",
        " * Generated from driver/api/schema by //tools/event_schema. Do not edit: change the JSON files",
        " * in driver/api/schema and rebuild.",
        " */",
      ]);
      expect(text.endsWith("\n")).toBe(true);
    }
  });

  it("writes the versions and the event codes into event_codes.h", () => {
    expect(section(files.codesHeader, '#define SCAP_SCHEMA_VERSION "1.4.2"', "};")).toBe(
      [
        '#define SCAP_SCHEMA_VERSION "1.4.2"',
        "#define SCAP_SCHEMA_VERSION_MAJOR 1",
        "#define SCAP_SCHEMA_VERSION_MINOR 4",
        "#define SCAP_SCHEMA_VERSION_PATCH 2",
        "",
        "/** Version of the driver API: the ring buffer and ioctl contract. */",
        '#define SCAP_API_VERSION "2.1.0"',
        "#define SCAP_API_VERSION_MAJOR 2",
        "#define SCAP_API_VERSION_MINOR 1",
        "#define SCAP_API_VERSION_PATCH 0",
        "",
        "/**",
        " * Every event code. Even codes are enter events (`_E`), odd codes exit events (`_X`); the two",
        " * events of a pair share a name in scap_event_table.",
        " */",
        "enum scap_event_code {",
        "\tSCAP_EV_SYSCALL_OPEN_E = 0,",
        "\tSCAP_EV_SYSCALL_OPEN_X = 1,",
        "\tSCAP_EV_SYSCALL_OPENAT_E = 2,",
        "\tSCAP_EV_SYSCALL_OPENAT_X = 3,",
        "\tSCAP_EV_SOCKET_SETSOCKOPT_E = 4,",
        "\tSCAP_EV_SOCKET_SETSOCKOPT_X = 5,",
        "\tSCAP_EV_PLUGINEVENT_E = 6,",
        "\tSCAP_EV_PLUGINEVENT_X = 7,",
        "\tSCAP_EVENT_COUNT = 8",
        "};",
      ].join("\n"),
    );
  });

  it("ends the param types with SCAP_PT_MAX, one past the last", () => {
    expect(files.codesHeader).toContain("\tSCAP_PT_FSRELPATH = 43,\n\tSCAP_PT_MAX = 44\n};");
  });

  it("keeps event_codes.h free of includes", () => {
    expect(files.codesHeader).not.toMatch(/#\s*include/);
    expect(files.tableHeader).toContain('#include <stdint.h>\n\n#include "driver_api/event_codes.h"\n');
  });

  it("numbers the value and dynamic tables in data order", () => {
    expect(section(files.tableHeader, "enum scap_value_table_id {", "};")).toBe(
      ["enum scap_value_table_id {", "\tSCAP_VT_FILE_FLAGS = 0,", "\tSCAP_VT_ERRNO_NAMES = 1,", "\tSCAP_VT_BIG_VALUES = 2,", "\tSCAP_VALUE_TABLE_COUNT = 3", "};"].join("\n"),
    );
    expect(section(files.tableHeader, "enum scap_dynamic_table_id {", "};")).toBe(
      ["enum scap_dynamic_table_id {", "\tSCAP_DT_SOCKOPT_DYNAMIC_PARAM = 0,", "\tSCAP_DYNAMIC_TABLE_COUNT = 1", "};"].join("\n"),
    );
  });

  it("writes each event's row with its category, flags and params, the large payload flag among them", () => {
    expect(section(files.tableSource, "const struct scap_event_info scap_event_table[SCAP_EVENT_COUNT] = {", "};")).toBe(
      [
        "const struct scap_event_info scap_event_table[SCAP_EVENT_COUNT] = {",
        '\t[SCAP_EV_SYSCALL_OPEN_E] = { "open", SCAP_EC_FILE | SCAP_EC_SYSCALL, SCAP_EF_CREATES_FD, 2, params_syscall_open_e },',
        '\t[SCAP_EV_SYSCALL_OPEN_X] = { "open", SCAP_EC_FILE | SCAP_EC_SYSCALL, SCAP_EF_CREATES_FD, 3, params_syscall_open_x },',
        '\t[SCAP_EV_SYSCALL_OPENAT_E] = { "openat", SCAP_EC_FILE | SCAP_EC_SYSCALL, SCAP_EF_NONE, 0, NULL },',
        '\t[SCAP_EV_SYSCALL_OPENAT_X] = { "openat", SCAP_EC_FILE | SCAP_EC_SYSCALL, SCAP_EF_CREATES_FD, 3, params_syscall_openat_x },',
        '\t[SCAP_EV_SOCKET_SETSOCKOPT_E] = { "setsockopt", SCAP_EC_NET | SCAP_EC_SYSCALL, SCAP_EF_NONE, 0, NULL },',
        '\t[SCAP_EV_SOCKET_SETSOCKOPT_X] = { "setsockopt", SCAP_EC_NET | SCAP_EC_SYSCALL, SCAP_EF_USES_FD, 2, params_socket_setsockopt_x },',
        '\t[SCAP_EV_PLUGINEVENT_E] = { "pluginevent", SCAP_EC_OTHER | SCAP_EC_PLUGIN, SCAP_EF_LARGE_PAYLOAD, 2, params_pluginevent_e },',
        '\t[SCAP_EV_PLUGINEVENT_X] = { "NA", SCAP_EC_UNKNOWN, SCAP_EF_UNUSED, 0, NULL },',
        "};",
      ].join("\n"),
    );
  });

  it("writes params with their value table, dynamic table and dirfd param, -1 where none", () => {
    expect(section(files.tableSource, "static const struct scap_param_info params_syscall_openat_x[] = {", "};")).toBe(
      [
        "static const struct scap_param_info params_syscall_openat_x[] = {",
        '\t{ "fd", SCAP_PT_FD, SCAP_PF_DEC, -1, -1, -1 },',
        '\t{ "dirfd", SCAP_PT_FD, SCAP_PF_DEC, -1, -1, -1 },',
        '\t{ "name", SCAP_PT_FSRELPATH, SCAP_PF_NA, -1, -1, 1 },',
        "};",
      ].join("\n"),
    );
    expect(files.tableSource).toContain('\t{ "flags", SCAP_PT_FLAGS32, SCAP_PF_HEX, SCAP_VT_FILE_FLAGS, -1, -1 },');
    expect(files.tableSource).toContain('\t{ "val", SCAP_PT_DYN, SCAP_PF_DEC, -1, SCAP_DT_SOCKOPT_DYNAMIC_PARAM, -1 },');
  });

  it("keeps the order of value table entries and writes wide values with INT64_C", () => {
    expect(section(files.tableSource, "static const struct scap_named_value values_file_flags[] = {", "};")).toBe(
      ["static const struct scap_named_value values_file_flags[] = {", '\t{ "O_RDWR", 3 },', '\t{ "O_RDONLY", 1 },', '\t{ "O_NONE", 0 },', "};"].join("\n"),
    );
    expect(files.tableSource).toContain('\t{ "HIGH_BIT", INT64_C(2147483648) },');
    expect(files.tableSource).toContain('\t[SCAP_VT_ERRNO_NAMES] = { "errno_names", 2, values_errno_names },');
  });
});
