import { nth } from "./fixture";
import type { RawFillFixture, RawSyscallFills } from "./fill_fixture";
import { fillProblemsOf, rawFillFixture } from "./fill_fixture";

const FILLERS = "schema/fillers.json";
const CONVERSIONS = "schema/conversions.json";
const SYSCALLS = "schema/syscalls_x86_64.json";
const EVENTS = "schema/event_table.json";

/** A change to the valid fixture, and the exact lines it must produce. */
interface Case {
  readonly what: string;
  readonly change: (raw: RawFillFixture) => void;
  readonly problems: readonly string[];
}

function fills(raw: RawFillFixture, syscall: string): RawSyscallFills {
  const entry = raw.fillers.syscalls[syscall];
  if (entry === undefined) {
    throw new Error(`fixture has no fills for ${syscall}`);
  }
  return entry;
}

function conversion(raw: RawFillFixture): RawFillFixture["conversions"]["conversions"][string] {
  const entry = raw.conversions.conversions["open_flags"];
  if (entry === undefined) {
    throw new Error("fixture has no open_flags");
  }
  return entry;
}

const OPEN_X = `${FILLERS}: $.syscalls.open.exit`;

const CASES: readonly Case[] = [
  {
    what: "a system call that syscalls_x86_64.json does not have",
    change: (raw) => {
      delete raw.syscalls.syscalls["open"];
    },
    problems: [`${FILLERS}: $.syscalls.open: no system call "open" in ${SYSCALLS}`],
  },
  {
    what: "a system call without a PPM_SC code",
    change: (raw) => {
      raw.schema.values.value_tables["ppm_sc_codes"] = (raw.schema.values.value_tables["ppm_sc_codes"] ?? []).filter((v) => v.name !== "open");
    },
    problems: [`${FILLERS}: $.syscalls.open: no PPM_SC code for "open" in value table ppm_sc_codes`],
  },
  {
    what: "an unknown event and an event of the wrong direction",
    change: (raw) => {
      fills(raw, "open").enter.event = "PPME_SYSCALL_OPEN_X";
      fills(raw, "open").exit.event = "PPME_SYSCALL_OPEN_Y";
    },
    problems: [
      `${FILLERS}: $.syscalls.open.enter.event: PPME_SYSCALL_OPEN_X is an exit event`,
      `${FILLERS}: $.syscalls.open.exit.event: unknown event "PPME_SYSCALL_OPEN_Y"`,
    ],
  },
  {
    what: "events of another name, with the hint about aliases",
    change: (raw) => {
      raw.syscalls.syscalls["open64"] = 600;
      raw.schema.values.value_tables["ppm_sc_codes"]?.push({ name: "open64", value: 7 });
      raw.fillers.syscalls = { open64: fills(raw, "open"), openat: fills(raw, "openat") };
    },
    problems: [
      `${FILLERS}: $.syscalls.open64.enter.event: PPME_SYSCALL_OPEN_E is named "open", not "open64" (the "aliases" map gives a system call the event name the schema uses)`,
      `${FILLERS}: $.syscalls.open64.exit.event: PPME_SYSCALL_OPEN_X is named "open", not "open64" (the "aliases" map gives a system call the event name the schema uses)`,
    ],
  },
  {
    what: "nothing once an alias maps the system call to the events' name",
    change: (raw) => {
      raw.syscalls.syscalls["open64"] = 600;
      raw.schema.values.value_tables["ppm_sc_codes"]?.push({ name: "open64", value: 7 });
      raw.fillers.syscalls = { open64: fills(raw, "open"), openat: fills(raw, "openat") };
      raw.fillers.aliases["open64"] = "open";
    },
    problems: [],
  },
  {
    what: "aliases of a system call without fills, to itself, or to no event",
    change: (raw) => {
      raw.fillers.aliases = { read: "read2", open: "open", openat: "openat3" };
    },
    problems: [
      `${FILLERS}: $.aliases.read: "read" has no entry in syscalls`,
      `${FILLERS}: $.aliases.read: no event named "read2" in event_table.json`,
      `${FILLERS}: $.aliases.open: maps the system call to its own name; drop it`,
      `${FILLERS}: $.aliases.openat: no event named "openat3" in event_table.json`,
      `${FILLERS}: $.syscalls.openat.enter.event: PPME_SYSCALL_OPENAT_2_E is named "openat", not "openat3"`,
      `${FILLERS}: $.syscalls.openat.exit.event: PPME_SYSCALL_OPENAT_2_X is named "openat", not "openat3"`,
    ],
  },
  {
    what: "an EF_UNUSED event",
    change: (raw) => {
      nth(raw.schema.events.events, 1).flags.push("EF_UNUSED");
    },
    problems: [`${OPEN_X}.event: PPME_SYSCALL_OPEN_X is EF_UNUSED`],
  },
  {
    what: "an older pair than the newest of the name",
    change: (raw) => {
      fills(raw, "openat").enter = { event: "PPME_SYSCALL_OPENAT_E", params: {} };
      fills(raw, "openat").exit = { event: "PPME_SYSCALL_OPENAT_X", params: { fd: "ret", dirfd: "arg0", name: "path(arg1)" } };
    },
    problems: [
      `${FILLERS}: $.syscalls.openat.enter.event: PPME_SYSCALL_OPENAT_E is not the newest pair named "openat" (PPME_SYSCALL_OPENAT_2_E is): choose that one, or say why in "not_newest"`,
    ],
  },
  {
    what: "nothing for an older pair whose not_newest says why",
    change: (raw) => {
      fills(raw, "openat").not_newest = "a reason";
      fills(raw, "openat").enter = { event: "PPME_SYSCALL_OPENAT_E", params: {} };
      fills(raw, "openat").exit = { event: "PPME_SYSCALL_OPENAT_X", params: { fd: "ret", dirfd: "arg0", name: "path(arg1)" } };
    },
    problems: [],
  },
  {
    what: "not_newest on the newest pair",
    change: (raw) => {
      fills(raw, "openat").not_newest = "no reason";
    },
    problems: [`${FILLERS}: $.syscalls.openat.not_newest: PPME_SYSCALL_OPENAT_2_E is the newest pair named "openat"; drop not_newest`],
  },
  {
    what: "enter and exit events that do not pair",
    change: (raw) => {
      fills(raw, "openat").exit = { event: "PPME_SYSCALL_OPENAT_X", params: { fd: "ret", dirfd: "arg0", name: "path(arg1)" } };
    },
    problems: [`${FILLERS}: $.syscalls.openat.exit.event: PPME_SYSCALL_OPENAT_X does not pair with PPME_SYSCALL_OPENAT_2_E: an exit event has the code after its enter event's`],
  },
  {
    what: "an event filled for two system calls",
    change: (raw) => {
      raw.syscalls.syscalls["creat"] = 85;
      raw.schema.values.value_tables["ppm_sc_codes"]?.push({ name: "creat", value: 8 });
      raw.fillers.syscalls["creat"] = JSON.parse(JSON.stringify(fills(raw, "open"))) as RawSyscallFills;
      raw.fillers.aliases["creat"] = "open";
    },
    problems: [
      `${FILLERS}: $.syscalls.creat.enter.event: PPME_SYSCALL_OPEN_E is already filled for system call "open"`,
      `${FILLERS}: $.syscalls.creat.exit.event: PPME_SYSCALL_OPEN_X is already filled for system call "open"`,
    ],
  },
  {
    what: "a missing source, a source for no param and params out of order",
    change: (raw) => {
      fills(raw, "open").exit.params = { fd: "ret", flags: "flags(arg1, open_flags)", mode: "arg2" };
      fills(raw, "openat").exit.params = { dirfd: "arg0", fd: "ret", name: "path(arg1)", flags: "flags(arg2, open_flags)" };
    },
    problems: [
      `${OPEN_X}.params.mode: PPME_SYSCALL_OPEN_X has no param "mode" (its params: fd, name, flags)`,
      `${OPEN_X}.params: no source for param "name" of PPME_SYSCALL_OPEN_X`,
      `${FILLERS}: $.syscalls.openat.exit.params: params out of record order: PPME_SYSCALL_OPENAT_2_X has fd, dirfd, name, flags`,
    ],
  },
  {
    what: "sources whose kind does not fit the param's type",
    change: (raw) => {
      fills(raw, "open").exit.params = { fd: "path(arg0)", name: "ret", flags: "arg1" };
      fills(raw, "openat").exit.params = { fd: "sockaddr(arg1, arg2)", dirfd: "data(arg1, ret)", name: "proc(pid)", flags: "const(-1)" };
    },
    problems: [
      `${OPEN_X}.params.fd: "path(arg0)" cannot fill PT_FD param "fd": path(...) fits only PT_CHARBUF, PT_FSPATH and PT_FSRELPATH`,
      `${OPEN_X}.params.name: "ret" cannot fill PT_FSPATH param "name": ret is a number, which fits only integer types`,
      `${OPEN_X}.params.flags: "arg1" cannot fill PT_FLAGS32 param "flags": PT_FLAGS32 holds PPM values: convert the Linux value with flags(...)`,
      `${FILLERS}: $.syscalls.openat.exit.params.fd: "sockaddr(arg1, arg2)" cannot fill PT_FD param "fd": sockaddr(...) fits only PT_SOCKADDR`,
      `${FILLERS}: $.syscalls.openat.exit.params.dirfd: "data(arg1, ret)" cannot fill PT_FD param "dirfd": data(...) fits only PT_BYTEBUF`,
      `${FILLERS}: $.syscalls.openat.exit.params.name: "proc(pid)" cannot fill PT_FSRELPATH param "name": proc(pid) is a number, which fits only integer types`,
      `${FILLERS}: $.syscalls.openat.exit.params.flags: "const(-1)" cannot fill PT_FLAGS32 param "flags": -1 is out of range 0..4294967295 of PT_FLAGS32`,
    ],
  },
  {
    what: "the return value on an enter event",
    change: (raw) => {
      fills(raw, "openat").enter.params["dirfd"] = "ret";
    },
    problems: [`${FILLERS}: $.syscalls.openat.enter.params.dirfd: "ret" reads the return value, which an enter event does not have`],
  },
  {
    what: "flags through an unknown conversion, one of another table, and a proc field that does not exist",
    change: (raw) => {
      raw.conversions.conversions["errno_codes"] = { kind: "enum", table: "errno_names", doc: "errno", unknown: "EPERM", entries: [{ linux: 1, ppm: "EPERM" }] };
      fills(raw, "open").exit.params["flags"] = "flags(arg1, errno_codes)";
      fills(raw, "open").enter.params["flags"] = "flags(arg1, file_flags)";
      fills(raw, "openat").exit.params["fd"] = "proc(fd)";
    },
    problems: [
      `${FILLERS}: $.syscalls.open.enter.params.flags: "flags(arg1, file_flags)" cannot fill PT_FLAGS32 param "flags": no conversion "file_flags" in conversions.json`,
      `${OPEN_X}.params.flags: "flags(arg1, errno_codes)" cannot fill PT_FLAGS32 param "flags": conversion errno_codes gives values of table errno_names, the param's table is file_flags`,
      `${FILLERS}: $.syscalls.openat.exit.params.fd: "proc(fd)" cannot fill PT_FD param "fd": proc has no field "fd" (expected one of: exe, args, env, cwd, comm, cgroups, tid, pid, ptid, vtid, vpid, pgid, vpgid, uid, gid, loginuid, tty, fdlimit, pgft_maj, pgft_min, vm_size, vm_rss, vm_swap, cap_inheritable, cap_permitted, cap_effective, exe_ino, exe_ino_ctime, exe_ino_mtime, trusted_exepath, pidns_init_start_ts, exe_flags, clone_flags)`,
    ],
  },
  {
    what: "an enum conversion for a bit-set param",
    change: (raw) => {
      const open = conversion(raw);
      open.kind = "enum";
      open.unknown = "O_NONE";
      open.entries = [{ linux: 0, ppm: "O_RDONLY" }];
    },
    problems: [
      `${FILLERS}: $.syscalls.open.enter.params.flags: "flags(arg1, open_flags)" cannot fill PT_FLAGS32 param "flags": conversion open_flags is an enum, PT_FLAGS32 needs a bit set`,
      `${OPEN_X}.params.flags: "flags(arg1, open_flags)" cannot fill PT_FLAGS32 param "flags": conversion open_flags is an enum, PT_FLAGS32 needs a bit set`,
      `${FILLERS}: $.syscalls.openat.enter.params.flags: "flags(arg2, open_flags)" cannot fill PT_FLAGS32 param "flags": conversion open_flags is an enum, PT_FLAGS32 needs a bit set`,
      `${FILLERS}: $.syscalls.openat.exit.params.flags: "flags(arg2, open_flags)" cannot fill PT_FLAGS32 param "flags": conversion open_flags is an enum, PT_FLAGS32 needs a bit set`,
    ],
  },
  {
    what: "conversion rows that name no PPM value, match everything, stray outside their mask, add no bit or repeat",
    change: (raw) => {
      conversion(raw).entries.push(
        { linux: 64, ppm: "O_CREAT" },
        { linux: 0, ppm: "O_RDWR" },
        { linux: 4, mask: 3, ppm: "O_RDWR" },
        { linux: 8, ppm: "O_NONE" },
        { linux: 2, mask: 3, ppm: "O_RDONLY" },
      );
    },
    problems: [
      `${CONVERSIONS}: $.conversions.open_flags.entries[2].ppm: no "O_CREAT" in value table file_flags`,
      `${CONVERSIONS}: $.conversions.open_flags.entries[3]: linux 0 without a mask matches every value: give the mask of the field it is a value of`,
      `${CONVERSIONS}: $.conversions.open_flags.entries[4].mask: linux 4 has bits outside the mask 3`,
      `${CONVERSIONS}: $.conversions.open_flags.entries[5].ppm: "O_NONE" is 0 and adds no bit`,
      `${CONVERSIONS}: $.conversions.open_flags.entries[6].linux: linux 2 (mask 3) is already converted by entry 1`,
    ],
  },
  {
    what: "an unknown table, an enum without a fallback and with a mask, a bit set with one, an unused conversion",
    change: (raw) => {
      raw.conversions.conversions["families"] = { kind: "enum", table: "socket_families", doc: "x", entries: [{ linux: 2, mask: 2, ppm: "AF_INET" }] };
      conversion(raw).unknown = "O_NONE";
    },
    problems: [
      `${CONVERSIONS}: $.conversions.open_flags.unknown: only an enum conversion has an unknown value`,
      `${CONVERSIONS}: $.conversions.families.table: no value table "socket_families" in value_tables`,
      `${CONVERSIONS}: $.conversions.families: an enum conversion needs "unknown": the PPM name given when no entry matches`,
      `${CONVERSIONS}: $.conversions.families.entries[0].mask: only bit-set entries have a mask`,
      `${CONVERSIONS}: $.conversions.families: not used by any flags(...) source of fillers.json nor by a proc(...) field`,
    ],
  },
  {
    what: "proc(clone_flags) without the clone_flags conversion, and a clone_flags table without the bits drivers set",
    change: (raw) => {
      raw.schema.values.value_tables["clone_flags"] = [
        { name: "CLONE_VM", value: 32768 },
        { name: "CLONE_INVERTED", value: 65536 },
      ];
      const flags = nth(nth(raw.schema.events.events, 1).params, 2);
      flags.flags_table = "clone_flags";
      fills(raw, "open").exit.params["flags"] = "proc(clone_flags)";
    },
    problems: [
      `${OPEN_X}.params.flags: "proc(clone_flags)" cannot fill PT_FLAGS32 param "flags": proc(clone_flags) goes through conversion clone_flags, which conversions.json does not have`,
      `schema/value_tables.json: $.value_tables.clone_flags: no "NAME_CHANGED", which drivers set for the clone_flags field`,
      `schema/value_tables.json: $.value_tables.clone_flags: no "CLOSED", which drivers set for the clone_flags field`,
      `schema/value_tables.json: $.value_tables.clone_flags: no "CLONE_CHILD_IN_PIDNS", which drivers set for the clone_flags field`,
    ],
  },
  {
    what: "system calls with bad names, numbers out of range and numbers taken twice",
    change: (raw) => {
      raw.syscalls.syscalls = { read: 0, open: 2, Getpid: 39, openat: 257, big: 1024, again: 2 };
    },
    problems: [
      `${SYSCALLS}: $.syscalls.Getpid: name must be lower-case letters, digits and underscores`,
      `${SYSCALLS}: $.syscalls.big: number 1024 out of range 0..1023`,
      `${SYSCALLS}: $.syscalls.again: number 2 is already taken by open`,
    ],
  },
  {
    what: "a schema without the generic events",
    change: (raw) => {
      nth(raw.schema.events.events, 8).enum = "PPME_GENERIC2_E";
      nth(raw.schema.events.events, 9).enum = "PPME_GENERIC2_X";
    },
    problems: [
      `${EVENTS}: $.events: no event PPME_GENERIC_E: system calls without dedicated events need it`,
      `${EVENTS}: $.events: no event PPME_GENERIC_X: system calls without dedicated events need it`,
    ],
  },
  {
    what: "generic events whose params the derived fills do not fit",
    change: (raw) => {
      nth(nth(raw.schema.events.events, 9).params, 1).type = "PT_CHARBUF";
    },
    problems: [`${EVENTS}: $.events[9].params[1].type: "syscall(nr)" cannot fill PT_CHARBUF param "nativeID": syscall is a number, which fits only integer types`],
  },
];

describe("validateFillSpec", () => {
  it("accepts the fixture", () => {
    expect(fillProblemsOf(rawFillFixture())).toEqual([]);
  });

  for (const c of CASES) {
    it(`reports ${c.what}, one line each naming the file and the JSON path`, () => {
      const raw = rawFillFixture();
      c.change(raw);
      expect(fillProblemsOf(raw)).toEqual([...c.problems]);
    });
  }
});

describe("decodeFillSpec", () => {
  it("reports shapes and unreadable sources with their JSON path, every one", () => {
    const raw = rawFillFixture();
    fills(raw, "open").exit.params["name"] = "path(arg0";
    Object.assign(fills(raw, "openat"), { exitt: {} });
    Object.assign(conversion(raw), { kind: "bits" });
    Object.assign(raw.syscalls.syscalls, { read: "0" });
    expect(fillProblemsOf(raw)).toEqual([
      `${SYSCALLS}: $.syscalls.read: expected an integer, found a string`,
      `${CONVERSIONS}: $.conversions.open_flags.kind: "bits" is not one of: bitset, enum`,
      `${OPEN_X}.params.name: cannot read "path(arg0": "(" of path is never closed`,
      `${FILLERS}: $.syscalls.openat.exitt: unknown key (expected one of: enter, exit, not_newest)`,
    ]);
  });
});
