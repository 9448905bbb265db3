import { generate, generateDriverTables } from "./emit";
import { loadSchema } from "./load";
import { loadFillSpec } from "./load_fills";
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

/** The committed fill spec, read from the same runfiles. */
const FILL_FILES = {
  syscalls: "driver/api/schema/syscalls_x86_64.json",
  fillers: "driver/api/schema/fillers.json",
  conversions: "driver/api/schema/conversions.json",
};

describe("the fill spec of driver/api/schema", () => {
  const schema = load();
  const loaded = loadFillSpec(schema, FILL_FILES);
  const spec = loaded.spec;

  it("validates against the schema", () => {
    expect(loaded.problems.map(formatProblem)).toEqual([]);
  });

  it("has the x86_64 system calls of asm/unistd_64.h, read first and set_mempolicy_home_node last", () => {
    expect(spec?.syscalls[0]).toEqual({ name: "read", nr: 0 });
    expect(spec?.syscalls.find((s) => s.name === "execve")?.nr).toBe(59);
    expect(spec?.syscalls.length).toBe(362);
  });

  it("covers at least the system calls the drivers must not send as generic events", () => {
    const covered = new Set(spec?.fillers.map((f) => f.syscall));
    const required =
      "open openat openat2 creat read write pread64 pwrite64 readv writev close dup dup2 dup3 pipe pipe2 socket connect accept accept4 bind listen sendto recvfrom sendmsg recvmsg execve execveat clone clone3 fork vfork rename renameat renameat2 unlink unlinkat mkdir mkdirat rmdir chmod fchmod fchmodat setuid setgid ptrace mmap mprotect kill";
    expect(required.split(" ").filter((name) => !covered.has(name))).toEqual([]);
  });

  it("leaves exit and exit_group to the generic events: the schema has no events of their names", () => {
    expect(schema.events.filter((e) => e.name === "exit" || e.name === "exit_group")).toEqual([]);
    expect(spec?.fillers.some((f) => f.syscall === "exit" || f.syscall === "exit_group")).toBe(false);
  });

  it("generates the tables the drivers rely on", () => {
    if (spec === undefined) {
      fail("no fill spec");
      return;
    }
    const files = generateDriverTables(schema, spec);
    expect(files.syscallHeader).toContain("\t{ 5, SCAP_EV_SYSCALL_OPEN_E, SCAP_EV_SYSCALL_OPEN_X }, /* 2 open */\n");
    expect(files.syscallHeader).toContain("\t{ 16, SCAP_EV_GENERIC_E, SCAP_EV_GENERIC_X }, /* 39 getpid */\n");
    expect(files.fillHeader).toContain("\t{ SCAP_FILL_RET, SCAP_FILL_FROM_RET, SCAP_FILL_NONE, 0, SCAP_PT_FD, SCAP_FILL_NONE, 0 }, /* fd: ret */\n");
    expect(generateDriverTables(load(), spec)).toEqual(files);
  });

  it("gives kernel drivers what they cannot take from event_table.h: event flags, dyn variant types, clone_flags and the PPM-only bits", () => {
    if (spec === undefined) {
      fail("no fill spec");
      return;
    }
    const files = generateDriverTables(schema, spec);
    expect(files.fillHeader).toContain("\t{ 0, 0, SCAP_EF_LARGE_PAYLOAD }, /* 322 SCAP_EV_PLUGINEVENT_E */\n");
    expect(files.fillHeader).toContain("\t{ SCAP_FILL_DYN, 2, SCAP_FILL_NONE, 0, SCAP_PT_DYN, SCAP_PT_UINT64, 0 }, /* addr: dyn(arg2, 0) */\n");
    expect(files.fillHeader).toContain("\tSCAP_CONV_CLONE_FLAGS = ");
    expect(files.fillHeader).toContain("#define SCAP_CLONE_FLAGS_CLONE_INVERTED 0x10000ULL\n");
    expect(files.fillHeader).toContain("#define SCAP_CLONE_FLAGS_CLONE_CHILD_IN_PIDNS 0x20000000ULL\n");
    expect(files.fillHeader).toContain("#define SCAP_EXECVE_FLAGS_EXE_WRITABLE 0x1ULL\n");
    expect(files.fillHeader).toContain("#define SCAP_CREAT_FLAGS_FD_LOWER_LAYER_CREAT 0x2ULL\n");
  });
});
