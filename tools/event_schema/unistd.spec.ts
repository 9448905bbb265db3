import { UserError } from "../common/user_error";
import { parseUnistd, syscallsJson } from "./unistd";

const HEADER = ["#ifndef _ASM_UNISTD_64_H", "#define _ASM_UNISTD_64_H", "", "#define __NR_read 0", "#define __NR_write 1", "#  define __NR_open\t2", "", "#endif"].join("\n");

describe("parseUnistd", () => {
  it("reads every #define __NR_<name> <number>, and nothing else", () => {
    expect(parseUnistd(HEADER, "unistd_64.h")).toEqual([
      { name: "read", nr: 0 },
      { name: "write", nr: 1 },
      { name: "open", nr: 2 },
    ]);
  });

  const bad: readonly [string, string, string][] = [
    ["a number that is not plain", `${HEADER}\n#define __NR_x (__NR_open + 1)`, 'unistd_64.h:9: __NR_x is "(__NR_open + 1)", not a plain number'],
    ["a name defined twice", `${HEADER}\n#define __NR_read 7`, "unistd_64.h:9: __NR_read is defined again (first on line 4)"],
    ["a number taken twice", `${HEADER}\n#define __NR_close 2`, "unistd_64.h:9: __NR_close has number 2, already taken by __NR_open"],
    ["a file without system calls", "#define X 1\n", "unistd_64.h: has no #define __NR_<name> <number> lines: is it asm/unistd_64.h?"],
  ];
  for (const [what, text, message] of bad) {
    it(`names the line of ${what}`, () => {
      expect(() => parseUnistd(text, "unistd_64.h")).toThrowMatching((e: unknown) => e instanceof UserError && e.message === message);
    });
  }
});

describe("syscallsJson", () => {
  it("writes the source and the system calls by number, two-space indented with a final newline", () => {
    const text = syscallsJson(
      [
        { name: "write", nr: 1 },
        { name: "read", nr: 0 },
      ],
      "asm/unistd_64.h",
    );
    expect(text).toBe('{\n  "source": "asm/unistd_64.h",\n  "syscalls": {\n    "read": 0,\n    "write": 1\n  }\n}\n');
  });
});
