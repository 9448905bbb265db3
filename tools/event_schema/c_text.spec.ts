import { cString, docComment, int64Literal } from "./c_text";

describe("cString", () => {
  const cases: readonly [string, string][] = [
    ["open", '"open"'],
    ['say "hi"', '"say \\"hi\\""'],
    ["back\\slash", '"back\\\\slash"'],
    ["line\nbreak1", '"line\\012break1"'],
    ["what??=", '"what\\077\\077="'],
    ["é", '"\\303\\251"'],
  ];
  for (const [text, literal] of cases) {
    it(`writes ${JSON.stringify(text)} as ${literal}`, () => {
      expect(cString(text)).toBe(literal);
    });
  }
});

describe("int64Literal", () => {
  it("writes 32-bit values plainly and wider ones with INT64_C", () => {
    expect(int64Literal(-2)).toBe("-2");
    expect(int64Literal(2147483647)).toBe("2147483647");
    expect(int64Literal(2147483648)).toBe("INT64_C(2147483648)");
    expect(int64Literal(-2147483649)).toBe("INT64_C(-2147483649)");
  });
});

describe("docComment", () => {
  it("puts one line on one line and several in a block", () => {
    expect(docComment(["One."], "\t")).toEqual(["\t/** One. */"]);
    expect(docComment(["One.", "", "Two."])).toEqual(["/**", " * One.", " *", " * Two.", " */"]);
  });
});
