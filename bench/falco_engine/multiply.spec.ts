import { UserError } from "../../tools/common/user_error";
import { copyName, multiplyRules } from "./multiply";

const lines = (...text: string[]): string => text.join("\n") + "\n";

describe("multiplyRules", () => {
  const cases: [string, string, number, string][] = [
    [
      "copies each rule in place and keeps lists and macros once",
      lines(
        "- required_engine_version: 15",
        "",
        "- list: shells",
        "  items: [bash, sh]",
        "",
        "- macro: spawned",
        "  condition: evt.type = execve and evt.dir = <",
        "",
        "- rule: Shell started",
        "  desc: a shell",
        "  condition: >",
        "    spawned and proc.name in (shells)",
        "",
        "    and proc.pname != sshd",
        "  output: shell %proc.name",
        "  priority: NOTICE",
        "",
        "# the end",
      ),
      3,
      lines(
        "- required_engine_version: 15",
        "",
        "- list: shells",
        "  items: [bash, sh]",
        "",
        "- macro: spawned",
        "  condition: evt.type = execve and evt.dir = <",
        "",
        "- rule: Shell started",
        "  desc: a shell",
        "  condition: >",
        "    spawned and proc.name in (shells)",
        "",
        "    and proc.pname != sshd",
        "  output: shell %proc.name",
        "  priority: NOTICE",
        '- rule: "Shell started (copy 2)"',
        "  desc: a shell",
        "  condition: >",
        "    spawned and proc.name in (shells)",
        "",
        "    and proc.pname != sshd",
        "  output: shell %proc.name",
        "  priority: NOTICE",
        '- rule: "Shell started (copy 3)"',
        "  desc: a shell",
        "  condition: >",
        "    spawned and proc.name in (shells)",
        "",
        "    and proc.pname != sshd",
        "  output: shell %proc.name",
        "  priority: NOTICE",
        "",
        "# the end",
      ),
    ],
    [
      "renames appends and enabled switches the same way, copy K after copy K",
      lines("- rule: A", "  condition: x", "- rule: A", "  append: true", "  condition: and y", "- rule: A", "  enabled: false"),
      2,
      lines(
        "- rule: A",
        "  condition: x",
        '- rule: "A (copy 2)"',
        "  condition: x",
        "- rule: A",
        "  append: true",
        "  condition: and y",
        '- rule: "A (copy 2)"',
        "  append: true",
        "  condition: and y",
        "- rule: A",
        "  enabled: false",
        '- rule: "A (copy 2)"',
        "  enabled: false",
      ),
    ],
    [
      "reads quoted names, trailing comments and a rule key below the dash",
      lines(
        "- rule: 'It''s (odd)' # comment",
        '- rule: "Say \\"hi\\""',
        "-",
        "  desc: d",
        "  rule: Later key",
      ),
      2,
      lines(
        "- rule: 'It''s (odd)' # comment",
        '- rule: "It\'s (odd) (copy 2)" # comment',
        '- rule: "Say \\"hi\\""',
        '- rule: "Say \\"hi\\" (copy 2)"',
        "-",
        "  desc: d",
        "  rule: Later key",
        "-",
        "  desc: d",
        '  rule: "Later key (copy 2)"',
      ),
    ],
    [
      "keeps document markers and a list item that mentions rule: in a value",
      lines("---", "- list: l", "  items: [rule]", "- macro: m", "  condition: rule: x", "---"),
      4,
      lines("---", "- list: l", "  items: [rule]", "- macro: m", "  condition: rule: x", "---"),
    ],
  ];
  for (const [what, input, copies, expected] of cases) {
    it(what, () => {
      expect(multiplyRules(input, copies, "in.yaml").text).toBe(expected);
    });
  }

  it("counts the items", () => {
    const result = multiplyRules(lines("- list: l", "  items: []", "- rule: R", "  condition: c", "- rule: S", "  enabled: true"), 10, "x");
    expect(result.rules).toBe(2);
    expect(result.ruleItems).toBe(2);
    expect(result.otherItems).toBe(1);
  });

  const errors: [string, string, string][] = [
    ["flow-style items", "- {rule: R, condition: c}\n", "in.yaml:1: flow-style items ({...}) are not supported"],
    ["a name spread over lines", "- rule: a long\n    name\n  condition: c\n", "in.yaml:1: the rule name must be a one-line scalar"],
    ["a block-scalar name", "- rule: >\n    R\n", "in.yaml:1: the rule name must be a one-line scalar"],
    ["a mapping at the top", "rule: R\n", "in.yaml:1: expected a sequence item (`- `) at column 0"],
    ["CRLF line ends", "- rule: R\r\n", "in.yaml: CRLF line ends are not supported"],
  ];
  for (const [what, input, message] of errors) {
    it(`rejects ${what}`, () => {
      expect(() => multiplyRules(input, 2, "in.yaml")).toThrowMatching(
        (error: unknown) => error instanceof UserError && error.message === message,
      );
    });
  }

  it("names copy K after the rule", () => {
    expect(copyName("Write below etc", 7)).toBe("Write below etc (copy 7)");
  });
});
