import type { FillSource } from "./fill_source";
import { SOURCE_FORMS, parseSource, usesReturn } from "./fill_source";

describe("parseSource", () => {
  const good: readonly [string, FillSource][] = [
    ["ret", { kind: "ret" }],
    ["arg3", { kind: "arg", value: { arg: 3 } }],
    ["u64(arg2, 8)", { kind: "arg", value: { arg: 2, offset: 8 } }],
    ["path(arg0)", { kind: "path", arg: 0 }],
    ["str(arg5)", { kind: "str", arg: 5 }],
    ["data(arg1, ret)", { kind: "data", arg: 1, length: { from: "ret" } }],
    ["data(arg1,arg2)", { kind: "data", arg: 1, length: { from: "arg", arg: 2 } }],
    ["sockaddr(arg1, arg2)", { kind: "sockaddr", arg: 1, lengthArg: 2 }],
    ["flags(arg1, open_flags)", { kind: "flags", value: { arg: 1 }, conversion: "open_flags" }],
    ["flags(u64(arg2, 16), openat2_resolve)", { kind: "flags", value: { arg: 2, offset: 16 }, conversion: "openat2_resolve" }],
    ["socktuple(ret)", { kind: "socktuple", fd: { from: "ret" } }],
    ["socktuple(arg0)", { kind: "socktuple", fd: { from: "arg", arg: 0 } }],
    ["fdpair(arg0, 1)", { kind: "fdpair", arg: 0, index: 1 }],
    ["proc(exe)", { kind: "proc", field: "exe" }],
    ["file(ino, fdpair(arg0, 0))", { kind: "file", field: "ino", fd: { from: "fdpair", arg: 0, index: 0 } }],
    ["file(dev, ret)", { kind: "file", field: "dev", fd: { from: "ret" } }],
    ["const(-1)", { kind: "const", value: -1 }],
    ["const(0x10)", { kind: "const", value: 16 }],
    ["empty", { kind: "empty" }],
    ["iov_data(arg1, arg2, ret)", { kind: "iovec", part: "data", arg: 1, countArg: 2, toReturn: true }],
    ["iov_size(arg1, arg2)", { kind: "iovec", part: "size", arg: 1, countArg: 2, toReturn: false }],
    ["msg_data(arg1)", { kind: "msghdr", part: "data", arg: 1, toReturn: false }],
    ["msg_control(arg1)", { kind: "msghdr", part: "control", arg: 1, toReturn: false }],
    ["dyn(arg2, 0)", { kind: "dyn", arg: 2, variant: 0 }],
    ["syscall(nr)", { kind: "syscall", part: "nr" }],
    ["  path( arg0 )  ", { kind: "path", arg: 0 }],
  ];
  for (const [text, source] of good) {
    it(`reads ${JSON.stringify(text)}`, () => {
      expect(parseSource(text)).toEqual({ source });
    });
  }

  const bad: readonly [string, string][] = [
    ["arg6", '"arg6": system calls have arguments arg0 to arg5'],
    ["path(ret)", '"path(ret)" does not have the form path(argN)'],
    ["flags(arg1)", '"flags(arg1)" does not have the form flags(argN|u64(argN, OFFSET), CONVERSION)'],
    ["fdpair(arg0, 2)", '"fdpair(arg0, 2)" does not have the form fdpair(argN, I)'],
    ["u64(arg2, 4)", '"u64(arg2, 4)" does not have the form u64(argN, OFFSET)'],
    ["msg_size(arg1, ret)", '"msg_size(arg1, ret)" does not have the form msg_size(argN)'],
    ["flag(arg1, x)", `"flag(arg1, x)": unknown source "flag" (expected one of: ${SOURCE_FORMS.join(", ")})`],
    ["path(arg0", 'cannot read "path(arg0": "(" of path is never closed'],
    ["path(arg0) x", 'cannot read "path(arg0) x": unexpected "x" at column 12'],
    ["path(arg0 arg1)", 'cannot read "path(arg0 arg1)": expected "," or ")" at column 11'],
    ["data(arg1; ret)", 'cannot read "data(arg1; ret)": unexpected ";" at column 10'],
    ["", 'cannot read "": ends where a name or a number is due'],
    ["42", '"42" is a bare number; write const(42)'],
  ];
  for (const [text, error] of bad) {
    it(`says what is wrong with ${JSON.stringify(text)}`, () => {
      expect(parseSource(text)).toEqual({ error });
    });
  }
});

describe("usesReturn", () => {
  it("is true for exactly the sources that read the return value", () => {
    const uses = ["ret", "data(arg1, ret)", "socktuple(ret)", "file(ino, ret)", "iov_data(arg1, arg2, ret)", "msg_data(arg1, ret)"];
    const not = ["arg0", "data(arg1, arg2)", "socktuple(arg0)", "file(ino, fdpair(arg0, 0))", "iov_data(arg1, arg2)", "msg_data(arg1)", "proc(pid)", "empty"];
    const read = (text: string): boolean => {
      const parsed = parseSource(text);
      if (parsed.source === undefined) {
        throw new Error(parsed.error);
      }
      return usesReturn(parsed.source);
    };
    expect(uses.map(read)).toEqual(uses.map(() => true));
    expect(not.map(read)).toEqual(not.map(() => false));
  });
});
