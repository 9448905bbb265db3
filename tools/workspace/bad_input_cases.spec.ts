import { readFileSync } from "node:fs";
import { BAD_INPUT_CASES, lineOf } from "./bad_input_cases";

// The runfiles hold the real files the cases edit, so the specs see what the check will see.
describe("BAD_INPUT_CASES", () => {
  for (const badCase of BAD_INPUT_CASES) {
    describe(badCase.name, () => {
      const original = readFileSync(badCase.file, "utf8");

      it("changes the file it names", () => {
        expect(badCase.inject(original)).not.toEqual(original);
      });

      it("does not already match the clean file's text", () => {
        expect(badCase.expected(original).test(original)).toBeFalse();
      });
    });
  }

  it("expects the BUILD typo at the line of the misspelled rule", () => {
    const [buildCase] = BAD_INPUT_CASES;
    const text = "load(...)\n\nts_project(\n";
    expect(buildCase?.expected(text).test("ERROR: /x/tools/common/BUILD.bazel:3:11: name 'ts_projcet' is not defined")).toBeTrue();
    expect(buildCase?.expected(text).test("ERROR: /x/tools/common/BUILD.bazel:4:11: name 'ts_projcet' is not defined")).toBeFalse();
  });

  it("expects the type error on the line appended after the file's last line", () => {
    const typeCase = BAD_INPUT_CASES[1];
    const text = "a\nb\n\n";
    expect(typeCase?.expected(text).test("tools/common/user_error.ts(3,14): error TS2322: Type 'string'")).toBeTrue();
    expect(typeCase?.expected(text).test("tools/common/user_error.ts(5,14): error TS2322: Type 'string'")).toBeFalse();
  });
});

describe("lineOf", () => {
  it("numbers lines from 1 and fails for missing text", () => {
    expect(lineOf("a\nb\nc", "c")).toBe(3);
    expect(() => lineOf("a", "z")).toThrowError(/'z' is not in the file/);
  });
});
