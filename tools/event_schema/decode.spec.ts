import { UserError } from "../common/user_error";
import type { RawFixture } from "./fixture";
import { nth, problemsOf, rawFixture } from "./fixture";
import { readJson } from "./load";

const EVENTS = "schema/event_table.json";

/** Replaces a member of a JSON object with a value of any shape, as a bad file would have. */
function setMember(object: object, key: string, value: unknown): void {
  Object.assign(object, { [key]: value });
}

describe("decodeSchema", () => {
  const cases: readonly [string, (raw: RawFixture) => unknown, string[]][] = [
    ["a missing key", (raw) => Reflect.deleteProperty(nth(raw.events.events, 0), "params"), [`${EVENTS}: $.events[0]: missing key "params"`]],
    [
      "a misspelt key",
      (raw) => setMember(nth(nth(raw.events.events, 0).params, 1), "flag_table", "file_flags"),
      [`${EVENTS}: $.events[0].params[1].flag_table: unknown key (expected one of: name, type, format, flags_table, dynamic_table, dirfd_param_index)`],
    ],
    ["a code given as a string", (raw) => setMember(nth(raw.events.events, 3), "code", "3"), [`${EVENTS}: $.events[3].code: expected an integer, found a string`]],
    ["a direction that is neither", (raw) => setMember(nth(raw.events.events, 3), "dir", "sideways"), [`${EVENTS}: $.events[3].dir: "sideways" is not one of: enter, exit`]],
    [
      "a value that is not an integer",
      (raw) => setMember(nth(raw.values.value_tables["errno_names"] ?? [], 0), "value", 1.5),
      ["schema/value_tables.json: $.value_tables.errno_names[0].value: expected an integer, found 1.5"],
    ],
    ["a versions file without a key", (raw) => setMember(raw, "versions", { api_version: "1.0.0" }), ['schema/versions.json: $: missing key "schema_version"']],
  ];
  for (const [what, change, expected] of cases) {
    it(`reports ${what} with its JSON path`, () => {
      const raw = rawFixture();
      change(raw);
      expect(problemsOf(raw)).toEqual(expected);
    });
  }

  it("reports every bad event, not only the first", () => {
    const raw = rawFixture();
    setMember(nth(raw.events.events, 1), "name", 1);
    setMember(nth(raw.events.events, 6), "flags", "EF_LARGE_PAYLOAD");
    expect(problemsOf(raw)).toEqual([`${EVENTS}: $.events[1].name: expected a string, found a number`, `${EVENTS}: $.events[6].flags: expected an array, found a string`]);
  });
});

describe("readJson", () => {
  it("names the file when it is not JSON", () => {
    expect(() => readJson("x.json", () => "{ nope")).toThrowMatching((e: unknown) => e instanceof UserError && e.input === "x.json" && e.problem.startsWith("not valid JSON: "));
  });

  it("names the file when it cannot be read", () => {
    expect(() => readJson("/no/such/file.json")).toThrowMatching((e: unknown) => e instanceof UserError && e.message.startsWith("/no/such/file.json: cannot read: ENOENT"));
  });
});
