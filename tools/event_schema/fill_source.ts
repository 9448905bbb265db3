/**
 * The little language of fillers.json: where one parameter of an event comes from, as a short
 * string such as `ret`, `path(arg0)` or `flags(arg1, open_flags)`. parseSource turns the text
 * into a FillSource, or says in one sentence what is wrong with it. Whether a source fits its
 * parameter (type, direction, references) is validate_fillers.ts's job.
 */

/** A value read from a system-call argument: the argument itself, or a 64-bit word at `argN + offset` in user memory. */
export interface ValueRef {
  readonly arg: number;
  readonly offset?: number;
}

/** Where an fd comes from: the return value, an argument, or one of the two ints of a user int[2]. */
export type FdRef = { readonly from: "ret" } | { readonly from: "arg"; readonly arg: number } | { readonly from: "fdpair"; readonly arg: number; readonly index: number };

/** The length of user bytes: the return value or an argument. */
export type LengthRef = { readonly from: "ret" } | { readonly from: "arg"; readonly arg: number };

export type FillSource =
  | { readonly kind: "ret" }
  | { readonly kind: "arg"; readonly value: ValueRef }
  | { readonly kind: "path"; readonly arg: number }
  | { readonly kind: "str"; readonly arg: number }
  | { readonly kind: "data"; readonly arg: number; readonly length: LengthRef }
  | { readonly kind: "sockaddr"; readonly arg: number; readonly lengthArg: number }
  | { readonly kind: "flags"; readonly value: ValueRef; readonly conversion: string }
  | { readonly kind: "socktuple"; readonly fd: FdRef }
  | { readonly kind: "fdpair"; readonly arg: number; readonly index: number }
  | { readonly kind: "proc"; readonly field: string }
  | { readonly kind: "file"; readonly field: string; readonly fd: FdRef }
  | { readonly kind: "const"; readonly value: number }
  | { readonly kind: "empty" }
  | { readonly kind: "iovec"; readonly part: "data" | "size"; readonly arg: number; readonly countArg: number; readonly toReturn: boolean }
  | { readonly kind: "msghdr"; readonly part: "data" | "size" | "control"; readonly arg: number; readonly toReturn: boolean }
  | { readonly kind: "dyn"; readonly arg: number; readonly variant: number }
  | { readonly kind: "syscall"; readonly part: "ppm_sc" | "nr" };

export type FillKind = FillSource["kind"];

/** Every form of the language, as the errors and the README show it. */
export const SOURCE_FORMS: readonly string[] = [
  "ret",
  "argN",
  "u64(argN, OFFSET)",
  "path(argN)",
  "str(argN)",
  "data(argN, ret|argM)",
  "sockaddr(argN, argM)",
  "flags(argN|u64(argN, OFFSET), CONVERSION)",
  "socktuple(ret|argN|fdpair(argN, I))",
  "fdpair(argN, I)",
  "proc(FIELD)",
  "file(FIELD, ret|argN|fdpair(argN, I))",
  "const(N)",
  "empty",
  "iov_data(argN, argM[, ret])",
  "iov_size(argN, argM)",
  "msg_data(argN[, ret])",
  "msg_size(argN)",
  "msg_control(argN)",
  "dyn(argN, VARIANT)",
  "syscall(ppm_sc|nr)",
];

/** The outcome of parsing: a source, or the sentence saying what is wrong. */
export type Parsed = { readonly source: FillSource; readonly error?: undefined } | { readonly source?: undefined; readonly error: string };

type Term = { readonly type: "word"; readonly word: string; readonly args?: readonly Term[] } | { readonly type: "int"; readonly value: number };

const TOKEN = /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|(-?(?:0x[0-9A-Fa-f]+|[0-9]+))|([(),]))/y;
const ARG = /^arg([0-5])$/;

class Tokens {
  private readonly items: { text: string; column: number; kind: "word" | "int" | "punct" }[] = [];
  private index = 0;

  constructor(text: string) {
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < text.length) {
      const start = TOKEN.lastIndex;
      const match = TOKEN.exec(text);
      if (match === null) {
        if (text.slice(start).trim() === "") {
          break;
        }
        const column = start + (text.slice(start).length - text.slice(start).trimStart().length) + 1;
        throw new SyntaxError(`unexpected "${text.charAt(column - 1)}" at column ${column}`);
      }
      const column = match.index + match[0].length - (match[1] ?? match[2] ?? match[3] ?? "").length + 1;
      if (match[1] !== undefined) {
        this.items.push({ text: match[1], column, kind: "word" });
      } else if (match[2] !== undefined) {
        this.items.push({ text: match[2], column, kind: "int" });
      } else {
        this.items.push({ text: match[3] ?? "", column, kind: "punct" });
      }
    }
  }

  peek(): string | undefined {
    return this.items[this.index]?.text;
  }

  next(what: string): { text: string; column: number; kind: "word" | "int" | "punct" } {
    const token = this.items[this.index];
    if (token === undefined) {
      throw new SyntaxError(`ends where ${what} is due`);
    }
    this.index++;
    return token;
  }

  get done(): boolean {
    return this.index >= this.items.length;
  }

  get column(): number {
    return this.items[this.index]?.column ?? 0;
  }
}

function parseTerm(tokens: Tokens): Term {
  const token = tokens.next("a name or a number");
  if (token.kind === "int") {
    const negative = token.text.startsWith("-");
    const magnitude = Number(negative ? token.text.slice(1) : token.text);
    const value = negative ? -magnitude : magnitude;
    if (!Number.isSafeInteger(value)) {
      throw new SyntaxError(`${token.text} at column ${token.column} is not an integer JSON numbers can hold`);
    }
    return { type: "int", value };
  }
  if (token.kind === "punct") {
    throw new SyntaxError(`unexpected "${token.text}" at column ${token.column}`);
  }
  if (tokens.peek() !== "(") {
    return { type: "word", word: token.text };
  }
  tokens.next("(");
  const args = [parseTerm(tokens)];
  while (tokens.peek() === ",") {
    tokens.next(",");
    args.push(parseTerm(tokens));
  }
  const close = tokens.done ? undefined : tokens.next(")");
  if (close?.text !== ")") {
    throw new SyntaxError(close === undefined ? `"(" of ${token.text} is never closed` : `expected "," or ")" at column ${close.column}`);
  }
  return { type: "word", word: token.text, args };
}

/** `argN` -> N. */
function argOf(term: Term | undefined): number | undefined {
  if (term?.type !== "word" || term.args !== undefined) {
    return undefined;
  }
  const match = ARG.exec(term.word);
  return match === null ? undefined : Number(match[1]);
}

function wordOf(term: Term | undefined): string | undefined {
  return term?.type === "word" && term.args === undefined ? term.word : undefined;
}

function intOf(term: Term | undefined): number | undefined {
  return term?.type === "int" ? term.value : undefined;
}

function isRet(term: Term | undefined): boolean {
  return wordOf(term) === "ret";
}

/** `argN` or `u64(argN, OFFSET)` (OFFSET 0..240, a multiple of 8: it is stored in one byte beside 0xFE and 0xFF). */
function valueOf(term: Term | undefined): ValueRef | undefined {
  const arg = argOf(term);
  if (arg !== undefined) {
    return { arg };
  }
  if (term?.type !== "word" || term.word !== "u64" || term.args?.length !== 2) {
    return undefined;
  }
  const base = argOf(term.args[0]);
  const offset = intOf(term.args[1]);
  if (base === undefined || offset === undefined || offset < 0 || offset > 240 || offset % 8 !== 0) {
    return undefined;
  }
  return { arg: base, offset };
}

/** `ret`, `argN` or `fdpair(argN, I)`. */
function fdOf(term: Term | undefined): FdRef | undefined {
  if (isRet(term)) {
    return { from: "ret" };
  }
  const arg = argOf(term);
  if (arg !== undefined) {
    return { from: "arg", arg };
  }
  const pair = term?.type === "word" && term.word === "fdpair" ? pairOf(term.args) : undefined;
  return pair === undefined ? undefined : { from: "fdpair", ...pair };
}

function pairOf(args: readonly Term[] | undefined): { arg: number; index: number } | undefined {
  const arg = argOf(args?.[0]);
  const index = intOf(args?.[1]);
  return args?.length === 2 && arg !== undefined && (index === 0 || index === 1) ? { arg, index } : undefined;
}

/** Reads one form; undefined when the arguments do not have its shape. */
function interpret(head: string, args: readonly Term[]): FillSource | undefined {
  const [a, b, c] = args;
  const n = args.length;
  switch (head) {
    case "u64": {
      const value = valueOf({ type: "word", word: head, args });
      return value === undefined ? undefined : { kind: "arg", value };
    }
    case "path":
    case "str": {
      const arg = argOf(a);
      return n === 1 && arg !== undefined ? { kind: head, arg } : undefined;
    }
    case "data": {
      const arg = argOf(a);
      const lengthArg = argOf(b);
      const length: LengthRef | undefined = isRet(b) ? { from: "ret" } : lengthArg === undefined ? undefined : { from: "arg", arg: lengthArg };
      return n === 2 && arg !== undefined && length !== undefined ? { kind: "data", arg, length } : undefined;
    }
    case "sockaddr": {
      const arg = argOf(a);
      const lengthArg = argOf(b);
      return n === 2 && arg !== undefined && lengthArg !== undefined ? { kind: "sockaddr", arg, lengthArg } : undefined;
    }
    case "flags": {
      const value = valueOf(a);
      const conversion = wordOf(b);
      return n === 2 && value !== undefined && conversion !== undefined ? { kind: "flags", value, conversion } : undefined;
    }
    case "socktuple": {
      const fd = fdOf(a);
      return n === 1 && fd !== undefined ? { kind: "socktuple", fd } : undefined;
    }
    case "fdpair": {
      const pair = pairOf(args);
      return pair === undefined ? undefined : { kind: "fdpair", ...pair };
    }
    case "proc": {
      const field = wordOf(a);
      return n === 1 && field !== undefined ? { kind: "proc", field } : undefined;
    }
    case "file": {
      const field = wordOf(a);
      const fd = fdOf(b);
      return n === 2 && field !== undefined && fd !== undefined ? { kind: "file", field, fd } : undefined;
    }
    case "const": {
      const value = intOf(a);
      return n === 1 && value !== undefined ? { kind: "const", value } : undefined;
    }
    case "iov_data":
    case "iov_size": {
      const arg = argOf(a);
      const countArg = argOf(b);
      const ok = arg !== undefined && countArg !== undefined && (n === 2 || (n === 3 && head === "iov_data" && isRet(c)));
      return ok ? { kind: "iovec", part: head === "iov_data" ? "data" : "size", arg, countArg, toReturn: n === 3 } : undefined;
    }
    case "msg_data":
    case "msg_size":
    case "msg_control": {
      const arg = argOf(a);
      const ok = arg !== undefined && (n === 1 || (n === 2 && head === "msg_data" && isRet(b)));
      const part = head === "msg_data" ? "data" : head === "msg_size" ? "size" : "control";
      return ok ? { kind: "msghdr", part, arg, toReturn: n === 2 } : undefined;
    }
    case "dyn": {
      const arg = argOf(a);
      const variant = intOf(b);
      return n === 2 && arg !== undefined && variant !== undefined && variant >= 0 ? { kind: "dyn", arg, variant } : undefined;
    }
    case "syscall": {
      const part = wordOf(a);
      return n === 1 && (part === "ppm_sc" || part === "nr") ? { kind: "syscall", part } : undefined;
    }
    default:
      return undefined;
  }
}

const HEADS = new Map(SOURCE_FORMS.map((form) => [form.replace(/[([].*$/, ""), form]));

/** Parses one source; an error is one sentence naming the text. */
export function parseSource(text: string): Parsed {
  let term: Term;
  try {
    const tokens = new Tokens(text);
    term = parseTerm(tokens);
    if (!tokens.done) {
      throw new SyntaxError(`unexpected "${tokens.peek() ?? ""}" at column ${tokens.column}`);
    }
  } catch (error: unknown) {
    if (error instanceof SyntaxError) {
      return { error: `cannot read "${text}": ${error.message}` };
    }
    throw error;
  }
  if (term.type === "int") {
    return { error: `"${text}" is a bare number; write const(${term.value})` };
  }
  if (term.args === undefined) {
    if (term.word === "ret" || term.word === "empty") {
      return { source: { kind: term.word } };
    }
    const arg = argOf(term);
    if (arg !== undefined) {
      return { source: { kind: "arg", value: { arg } } };
    }
    if (/^arg[0-9]+$/.test(term.word)) {
      return { error: `"${text}": system calls have arguments arg0 to arg5` };
    }
  }
  const form = HEADS.get(term.word);
  if (form === undefined || form === "ret" || form === "empty" || form === "argN") {
    return { error: `"${text}": unknown source "${term.word}" (expected one of: ${SOURCE_FORMS.join(", ")})` };
  }
  const source = interpret(term.word, term.args ?? []);
  return source === undefined ? { error: `"${text}" does not have the form ${form}` } : { source };
}

/** Whether the source needs the return value, which only an exit event has. */
export function usesReturn(source: FillSource): boolean {
  switch (source.kind) {
    case "ret":
      return true;
    case "data":
      return source.length.from === "ret";
    case "socktuple":
    case "file":
      return source.fd.from === "ret";
    case "iovec":
    case "msghdr":
      return source.toReturn;
    default:
      return false;
  }
}
