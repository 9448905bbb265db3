import type { RawFixture } from "./fixture";
import { nth, problemsOf, rawFixture } from "./fixture";

const EVENTS = "schema/event_table.json";
const VALUES = "schema/value_tables.json";

/** A change to the valid fixture, and the exact lines it must produce. */
interface Case {
  readonly what: string;
  readonly change: (raw: RawFixture) => void;
  readonly problems: readonly string[];
}

const event = (raw: RawFixture, index: number) => nth(raw.events.events, index);
const param = (raw: RawFixture, index: number, p: number) => nth(event(raw, index).params, p);

const CASES: readonly Case[] = [
  {
    what: "a gap in the codes",
    change: (raw) => {
      event(raw, 2).code = 3;
    },
    problems: [`${EVENTS}: $.events[2].code: code 3 where 2 is due: codes run from 0 without gaps`],
  },
  {
    what: "an exit event on an even code",
    change: (raw) => {
      event(raw, 2).dir = "exit";
      event(raw, 2).enum = "PPME_SYSCALL_OPENAT_X";
    },
    problems: [
      `${EVENTS}: $.events[2].dir: "exit" on an even code, which must be "enter"`,
      `${EVENTS}: $.events[3].enum: duplicate enum name PPME_SYSCALL_OPENAT_X (first at $.events[2])`,
    ],
  },
  {
    what: "a duplicate enum name",
    change: (raw) => {
      event(raw, 6).enum = "PPME_SYSCALL_OPEN_E";
    },
    problems: [
      `${EVENTS}: $.events[6].enum: duplicate enum name PPME_SYSCALL_OPEN_E (first at $.events[0])`,
      `${EVENTS}: $.events[7].enum: PPME_PLUGINEVENT_X does not pair with the enter event before it, PPME_SYSCALL_OPEN_E`,
    ],
  },
  {
    what: "an enum name without the direction suffix",
    change: (raw) => {
      event(raw, 1).enum = "PPME_SYSCALL_OPEN";
    },
    problems: [
      `${EVENTS}: $.events[1].enum: "PPME_SYSCALL_OPEN" must be PPME_ followed by upper-case letters, digits and underscores, ending in _X`,
      `${EVENTS}: $.events[1].enum: PPME_SYSCALL_OPEN does not pair with the enter event before it, PPME_SYSCALL_OPEN_E`,
    ],
  },
  {
    what: "a pair whose names differ",
    change: (raw) => {
      event(raw, 1).name = "close";
    },
    problems: [`${EVENTS}: $.events[1].name: "close" differs from the name of its enter event, "open"`],
  },
  {
    what: "an unknown param type",
    change: (raw) => {
      param(raw, 1, 0).type = "PT_FDX";
    },
    problems: [`${EVENTS}: $.events[1].params[0].type: unknown param type "PT_FDX"`],
  },
  {
    what: "an unknown print format",
    change: (raw) => {
      param(raw, 1, 0).format = "PF_BIN";
    },
    problems: [`${EVENTS}: $.events[1].params[0].format: unknown print format "PF_BIN"`],
  },
  {
    what: "a missing flags table",
    change: (raw) => {
      param(raw, 0, 1).flags_table = "open_flags";
    },
    problems: [`${EVENTS}: $.events[0].params[1].flags_table: no value table "open_flags" in value_tables`],
  },
  {
    what: "a missing dynamic table",
    change: (raw) => {
      param(raw, 5, 1).dynamic_table = "nope";
    },
    problems: [`${EVENTS}: $.events[5].params[1].dynamic_table: no dynamic table "nope" in dynamic_param_tables`],
  },
  {
    what: "a PT_DYN param without a dynamic table",
    change: (raw) => {
      delete param(raw, 5, 1).dynamic_table;
    },
    problems: [`${EVENTS}: $.events[5].params[1]: a PT_DYN param needs a dynamic_table`],
  },
  {
    what: "a dirfd index out of range",
    change: (raw) => {
      param(raw, 3, 2).dirfd_param_index = 3;
    },
    problems: [`${EVENTS}: $.events[3].params[2].dirfd_param_index: 3 is not the index of another param of this event (0..2)`],
  },
  {
    what: "a dirfd index on a param that is not PT_FSRELPATH",
    change: (raw) => {
      param(raw, 1, 1).dirfd_param_index = 0;
    },
    problems: [`${EVENTS}: $.events[1].params[1].dirfd_param_index: only a PT_FSRELPATH param has a dirfd param, this one is PT_FSPATH`],
  },
  {
    what: "a duplicate param name",
    change: (raw) => {
      param(raw, 5, 1).name = "res";
    },
    problems: [`${EVENTS}: $.events[5].params[1].name: duplicate param name "res"`],
  },
  {
    what: "an unknown category and a flag listed twice",
    change: (raw) => {
      event(raw, 0).category = ["EC_FILES", "EC_SYSCALL"];
      event(raw, 0).flags = ["EF_CREATES_FD", "EF_CREATES_FD"];
    },
    problems: [`${EVENTS}: $.events[0].category[0]: unknown category "EC_FILES"`, `${EVENTS}: $.events[0].flags[1]: event flag "EF_CREATES_FD" listed twice`],
  },
  {
    what: "an enter event without its exit",
    change: (raw) => {
      raw.events.events.pop();
    },
    problems: [`${EVENTS}: $.events: must hold enter/exit pairs, has 7 events`],
  },
  {
    what: "enum members that break the C rules",
    change: (raw) => {
      const enums = nth(Object.values(raw.events.enums), 3);
      enums["EF_BOTH"] = 3;
      enums["waits"] = 128;
    },
    problems: [`${EVENTS}: $.enums.event_flags.EF_BOTH: value 3 is not a single bit`, `${EVENTS}: $.enums.event_flags.waits: name must be EF_ followed by upper-case letters, digits and underscores`],
  },
  {
    what: "an empty value table and a dynamic variant of unknown type",
    change: (raw) => {
      raw.values.value_tables["errno_names"] = [];
      nth(raw.values.dynamic_param_tables["sockopt_dynamic_param"] ?? [], 1).type = "PT_ERR";
    },
    problems: [`${VALUES}: $.value_tables.errno_names: must not be empty`, `${VALUES}: $.dynamic_param_tables.sockopt_dynamic_param[1].type: unknown param type "PT_ERR"`],
  },
  {
    what: "a version that is not MAJOR.MINOR.PATCH",
    change: (raw) => {
      raw.versions.schema_version = "1.0";
    },
    problems: [`schema/versions.json: $.schema_version: "1.0" is not a version MAJOR.MINOR.PATCH`],
  },
];

describe("validateSchema", () => {
  it("accepts the fixture, a placeholder \"NA\" exit paired with a named enter among it", () => {
    expect(problemsOf(rawFixture())).toEqual([]);
  });

  for (const c of CASES) {
    it(`reports ${c.what}, one line each naming the file and the JSON path`, () => {
      const raw = rawFixture();
      c.change(raw);
      expect(problemsOf(raw)).toEqual([...c.problems]);
    });
  }
});
