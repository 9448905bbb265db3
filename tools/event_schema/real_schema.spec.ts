import { generate } from "./emit";
import { loadSchema } from "./load";
import { formatProblem } from "./problem";
import type { Schema } from "./schema";

/** The committed schema, read from the runfiles of //driver/api:schema. */
const FILES = {
  events: "driver/api/schema/event_table.json",
  values: "driver/api/schema/value_tables.json",
  versions: "driver/api/schema/versions.json",
};

function load(): Schema {
  const loaded = loadSchema(FILES);
  if (loaded.schema === undefined) {
    throw new Error(loaded.problems.map(formatProblem).join("\n"));
  }
  return loaded.schema;
}

describe("the schema of driver/api/schema", () => {
  const schema = load();

  it("validates, with the 454 event codes", () => {
    expect(schema.events.length).toBe(454);
  });

  it("marks exactly pluginevent, container and asyncevent (322, 324, 402) as large payload", () => {
    const large = schema.events.filter((e) => e.flags.includes("EF_LARGE_PAYLOAD")).map((e) => [e.code, e.name]);
    expect(large).toEqual([
      [322, "pluginevent"],
      [324, "container"],
      [402, "asyncevent"],
    ]);
  });

  it("generates the same bytes from a second load", () => {
    expect(generate(load())).toEqual(generate(schema));
  });

  it("gives the codes, flags and value tables libscap relies on", () => {
    const files = generate(schema);
    expect(files.codesHeader).toContain("\tSCAP_EV_GENERIC_E = 0,\n\tSCAP_EV_GENERIC_X = 1,\n\tSCAP_EV_SYSCALL_OPEN_E = 2,\n\tSCAP_EV_SYSCALL_OPEN_X = 3,\n");
    expect(files.codesHeader).toContain("\tSCAP_EVENT_COUNT = 454\n};");
    expect(files.codesHeader).toContain("\tSCAP_EF_LARGE_PAYLOAD = 2048,\n");
    expect(files.codesHeader).toContain("\tSCAP_PT_PID32 = 48,\n\tSCAP_PT_MAX = 49\n};");
    expect(files.tableSource).toContain("\t[SCAP_EV_PLUGINEVENT_E] = { \"pluginevent\", SCAP_EC_OTHER | SCAP_EC_PLUGIN, SCAP_EF_LARGE_PAYLOAD, 2, params_pluginevent_e },\n");
    for (const id of ["SCAP_VT_FILE_FLAGS", "SCAP_VT_ERRNO_NAMES", "SCAP_VT_SIGNAL_NAMES", "SCAP_VT_PPM_SC_CODES", "SCAP_VT_SCAP_FD_TYPE", "SCAP_VT_USERBLOCK_ENTRY_TYPE"]) {
      expect(files.tableHeader).toMatch(new RegExp(`\\t${id} = \\d+,\\n`));
    }
  });
});
