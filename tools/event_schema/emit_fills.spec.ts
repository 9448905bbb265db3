import { generateDriverTables } from "./emit";
import { fillFixture } from "./fill_fixture";

/** The lines of `text` from the one equal to `first` up to the one equal to `last`. */
function section(text: string, first: string, last: string): string {
  const lines = text.split("\n");
  const start = lines.indexOf(first);
  const end = lines.indexOf(last, start);
  return start < 0 || end < 0 ? `(no section from ${first} to ${last})` : lines.slice(start, end + 1).join("\n");
}

describe("generateDriverTables", () => {
  const { schema, spec } = fillFixture();
  const files = generateDriverTables(schema, spec);

  it("gives the same bytes for the same input, loaded afresh", () => {
    const again = fillFixture();
    expect(generateDriverTables(again.schema, again.spec)).toEqual(files);
  });

  it("starts both headers with the banner, includes only event_codes.h, and ends with a newline", () => {
    for (const text of [files.syscallHeader, files.fillHeader]) {
      expect(text.split("\n")[1]).toBe(" * Generated from driver/api/schema by //tools/event_schema. Do not edit: change the JSON files");
      expect(text.match(/#\s*include.*/g)).toEqual(['#include "driver_api/event_codes.h"']);
      expect(text.endsWith("#endif /* SCAP_DRIVER_API_" + (text === files.fillHeader ? "FILL" : "SYSCALL") + "_TABLE_H */\n")).toBe(true);
    }
  });

  it("indexes the system-call table by number, generic events and code 0 where there are no fills or no system call", () => {
    expect(files.syscallHeader).toContain("#define SCAP_SYSCALL_NR_MAX 258\n");
    const table = section(files.syscallHeader, "static const struct scap_syscall_info scap_syscall_table[SCAP_SYSCALL_NR_MAX] = {", "};").split("\n");
    expect(table.length).toBe(258 + 2);
    expect(table[1]).toBe("\t{ 3, SCAP_EV_GENERIC_E, SCAP_EV_GENERIC_X }, /* 0 read */");
    expect(table[2]).toBe("\t{ 0, SCAP_EV_GENERIC_E, SCAP_EV_GENERIC_X }, /* 1 (none) */");
    expect(table[3]).toBe("\t{ 5, SCAP_EV_SYSCALL_OPEN_E, SCAP_EV_SYSCALL_OPEN_X }, /* 2 open */");
    expect(table[40]).toBe("\t{ 16, SCAP_EV_GENERIC_E, SCAP_EV_GENERIC_X }, /* 39 getpid */");
    expect(table[258]).toBe("\t{ 6, SCAP_EV_SYSCALL_OPENAT_2_E, SCAP_EV_SYSCALL_OPENAT_2_X }, /* 257 openat */");
  });

  it("writes each event's fills with their kind, argument bytes, conversion and type, and the source as a comment", () => {
    expect(section(files.fillHeader, "static const struct scap_fill scap_fills_1[] = {", "};")).toBe(
      [
        "static const struct scap_fill scap_fills_1[] = {",
        "\t{ SCAP_FILL_RET, SCAP_FILL_FROM_RET, SCAP_FILL_NONE, 0, SCAP_PT_FD, SCAP_FILL_NONE, 0 }, /* fd: ret */",
        "\t{ SCAP_FILL_PATH, 0, SCAP_FILL_NONE, 0, SCAP_PT_FSPATH, SCAP_FILL_NONE, 0 }, /* name: path(arg0) */",
        "\t{ SCAP_FILL_FLAGS, 1, SCAP_FILL_NONE, SCAP_CONV_OPEN_FLAGS, SCAP_PT_FLAGS32, SCAP_FILL_NONE, 0 }, /* flags: flags(arg1, open_flags) */",
        "};",
      ].join("\n"),
    );
    expect(section(files.fillHeader, "static const struct scap_fill scap_fills_8[] = {", "};")).toBe(
      [
        "static const struct scap_fill scap_fills_8[] = {",
        "\t{ SCAP_FILL_SYSCALL, SCAP_FILL_NONE, SCAP_FILL_NONE, SCAP_SYSCALL_PPM_SC, SCAP_PT_SYSCALLID, SCAP_FILL_NONE, 0 }, /* ID: syscall(ppm_sc) */",
        "\t{ SCAP_FILL_SYSCALL, SCAP_FILL_NONE, SCAP_FILL_NONE, SCAP_SYSCALL_NR, SCAP_PT_UINT16, SCAP_FILL_NONE, 0 }, /* nativeID: syscall(nr) */",
        "};",
      ].join("\n"),
    );
    expect(files.fillHeader).not.toContain("scap_fills_2[]");
  });

  it("gives every event code a row: fills, or none, and the event's flags", () => {
    expect(section(files.fillHeader, "static const struct scap_event_fills scap_fill_table[SCAP_EVENT_COUNT] = {", "};")).toBe(
      [
        "static const struct scap_event_fills scap_fill_table[SCAP_EVENT_COUNT] = {",
        "\t{ 2, scap_fills_0, SCAP_EF_CREATES_FD }, /* 0 SCAP_EV_SYSCALL_OPEN_E */",
        "\t{ 3, scap_fills_1, SCAP_EF_CREATES_FD }, /* 1 SCAP_EV_SYSCALL_OPEN_X */",
        "\t{ 0, 0, SCAP_EF_NONE }, /* 2 SCAP_EV_SYSCALL_OPENAT_E */",
        "\t{ 0, 0, SCAP_EF_CREATES_FD }, /* 3 SCAP_EV_SYSCALL_OPENAT_X */",
        "\t{ 0, 0, SCAP_EF_NONE }, /* 4 SCAP_EV_SOCKET_SETSOCKOPT_E */",
        "\t{ 0, 0, SCAP_EF_USES_FD }, /* 5 SCAP_EV_SOCKET_SETSOCKOPT_X */",
        "\t{ 0, 0, SCAP_EF_LARGE_PAYLOAD }, /* 6 SCAP_EV_PLUGINEVENT_E */",
        "\t{ 0, 0, SCAP_EF_UNUSED }, /* 7 SCAP_EV_PLUGINEVENT_X */",
        "\t{ 2, scap_fills_8, SCAP_EF_NONE }, /* 8 SCAP_EV_GENERIC_E */",
        "\t{ 2, scap_fills_9, SCAP_EF_NONE }, /* 9 SCAP_EV_GENERIC_X */",
        "\t{ 3, scap_fills_10, SCAP_EF_NONE }, /* 10 SCAP_EV_SYSCALL_OPENAT_2_E */",
        "\t{ 4, scap_fills_11, SCAP_EF_NONE }, /* 11 SCAP_EV_SYSCALL_OPENAT_2_X */",
        "};",
      ].join("\n"),
    );
    expect(section(files.fillHeader, "static const struct scap_fill_range scap_fill_index[SCAP_EVENT_COUNT] = {", "};").split("\n").slice(1, 3)).toEqual([
      "\t{ 0, 2 }, /* 0 SCAP_EV_SYSCALL_OPEN_E */",
      "\t{ 2, 3 }, /* 1 SCAP_EV_SYSCALL_OPEN_X */",
    ]);
    expect(files.fillHeader).toContain("#define SCAP_FILL_MAX_PARAMS 4\n");
    expect(files.fillHeader).toContain("#define SCAP_FILL_POOL_SIZE 16\n");
  });

  it("writes conversions with hex values, the field mask of bit sets, and a pointer-free copy", () => {
    expect(section(files.fillHeader, "static const struct scap_conversion_entry scap_conv_open_flags[] = {", "};")).toBe(
      [
        "static const struct scap_conversion_entry scap_conv_open_flags[] = {",
        "\t{ 0x0ULL, 0x1ULL, 0x3ULL }, /* O_RDONLY */",
        "\t{ 0x2ULL, 0x3ULL, 0x3ULL }, /* O_RDWR */",
        "};",
      ].join("\n"),
    );
    expect(files.fillHeader).toContain("\t{ 1, 2, 0x0ULL, scap_conv_open_flags }, /* open_flags */\n");
    expect(files.fillHeader).toContain("\t{ 1, 0, 2, 0x0ULL }, /* open_flags */\n");
    expect(files.fillHeader).toContain("\tSCAP_CONV_OPEN_FLAGS = 0,\n\tSCAP_CONVERSION_COUNT = 1\n};");
    expect(files.fillHeader).toContain("#define SCAP_CONVERSION_MAX_ENTRIES 2\n#define SCAP_CONVERSION_POOL_SIZE 2\n".replace("\n#", "\n/** How many rows scap_conversion_pool holds. */\n#"));
  });

  it("names every kind, proc field and file field in enums numbered from 0", () => {
    expect(files.fillHeader).toContain("\tSCAP_FILL_RET = 0,\n");
    expect(files.fillHeader).toContain("\tSCAP_FILL_EMPTY = 11,\n");
    expect(files.fillHeader).toContain("\tSCAP_PROC_EXE = 0,\n");
    expect(files.fillHeader).toContain("\tSCAP_FILE_DEV = 0,\n");
    expect(files.fillHeader).toMatch(/\tSCAP_PROC_FIELD_COUNT = \d+\n/);
  });
});
