import { UserError } from "../../tools/common/user_error";

/**
 * Multiplies the rules of a Falco rules file: every rule item (definitions, appends, `enabled`
 * switches, overrides) is written `copies` times in place, the first with its own name and the
 * others renamed `NAME (copy K)`; lists, macros and version requirements are written once, so
 * the copies share them. Works on the text, so the conditions, outputs and comments of the copies
 * are byte for byte those of the original.
 *
 * The file must be in the block style of Falco's rules files: a top-level sequence whose items
 * start with `- ` at column 0, their keys one per line.
 */

/** What multiplyRules did. */
export interface MultiplyResult {
  text: string;
  /** Rules of the input: distinct names of its rule items. */
  rules: number;
  /** Rule items of the input (each written `copies` times). */
  ruleItems: number;
  /** Other items: lists, macros, version requirements (written once). */
  otherItems: number;
}

/** One top-level item: its lines, from the `- ` line to its last line of content. */
interface Item {
  first: number; // line number (1-based) of the `- ` line
  lines: string[];
}

const KINDS = ["required_engine_version", "required_plugin_versions", "list", "macro", "rule"] as const;
type Kind = (typeof KINDS)[number] | "unknown";

function isItemStart(line: string): boolean {
  return line === "-" || line.startsWith("- ");
}

/** Column-0 lines that belong to no item: blank lines, comments, document markers. */
function isBetween(line: string): boolean {
  return line.trim() === "" || line.startsWith("#") || line === "---" || line === "...";
}

/** Splits the text into top-level items and the lines between them, in order. */
function split(lines: readonly string[], source: string): (Item | string[])[] {
  const parts: (Item | string[])[] = [];
  let gap: string[] = [];
  let item: Item | undefined;
  const close = (): void => {
    if (!item) {
      return;
    }
    // Trailing blank lines and column-0 comments go to the gap after the item.
    const trailing: string[] = [];
    while (item.lines.length > 1 && isBetween(item.lines[item.lines.length - 1] ?? "")) {
      trailing.unshift(item.lines.pop() ?? "");
    }
    parts.push(item);
    gap = trailing;
    item = undefined;
  };
  lines.forEach((line, index) => {
    if (isItemStart(line)) {
      close();
      parts.push(gap);
      gap = [];
      item = { first: index + 1, lines: [line] };
    } else if (item && !(line === "---" || line === "...")) {
      if (line.length > 0 && !/^\s/.test(line) && !line.startsWith("#")) {
        throw new UserError(`${source}:${index + 1}`, "a line at column 0 inside an item: not a block-style rules file");
      }
      item.lines.push(line);
    } else {
      close();
      if (line.length > 0 && !isBetween(line)) {
        throw new UserError(`${source}:${index + 1}`, "expected a sequence item (`- `) at column 0");
      }
      gap.push(line);
    }
  });
  close();
  parts.push(gap);
  return parts;
}

interface Key {
  name: string;
  line: number; // index into item.lines
  valueStart: number; // column where the value text starts (after `key:` and blanks)
}

/** The item's top-level keys (the one on the `- ` line and those at the same indentation),
 * and that indentation. */
function keysOf(item: Item, source: string): { keys: Key[]; indent: number } {
  const head = item.lines[0] ?? "";
  // `- key: ...` puts the keys after the dash; a lone `-` puts them on the lines below.
  const below = item.lines.find((line, index) => index > 0 && line.trim() !== "" && !line.startsWith("#"));
  const indent = head === "-" ? leadingSpaces(below ?? "  ") : head.length - head.slice(1).trimStart().length;
  if (head.slice(indent).startsWith("{")) {
    throw new UserError(`${source}:${item.first}`, "flow-style items ({...}) are not supported");
  }
  const keyPattern = /^([A-Za-z_][\w-]*):(\s+|$)/;
  const keys: Key[] = [];
  item.lines.forEach((line, index) => {
    const inner = index === 0 ? line.slice(indent) : line.startsWith(" ".repeat(indent)) ? line.slice(indent) : "";
    if (index > 0 && /^\s/.test(inner)) {
      return; // deeper: part of a value
    }
    const match = keyPattern.exec(inner);
    if (match?.[1] !== undefined) {
      keys.push({ name: match[1], line: index, valueStart: indent + match[0].length });
    }
  });
  return { keys, indent };
}

function kindOf(keys: readonly Key[]): Kind {
  for (const kind of KINDS) {
    if (keys.some((key) => key.name === kind)) {
      return kind;
    }
  }
  return "unknown";
}

/** A YAML flow scalar on one line, as text; `end` is where it ends in `text`. */
function readScalar(text: string, where: string): { value: string; end: number } {
  if (text.startsWith('"')) {
    for (let i = 1; i < text.length; i++) {
      if (text[i] === "\\") {
        i++;
      } else if (text[i] === '"') {
        const parsed: unknown = JSON.parse(text.slice(0, i + 1));
        if (typeof parsed !== "string") {
          break;
        }
        return { value: parsed, end: i + 1 };
      }
    }
    throw new UserError(where, "a double-quoted rule name must end on its line");
  }
  if (text.startsWith("'")) {
    for (let i = 1; i < text.length; i++) {
      if (text[i] === "'" && text[i + 1] === "'") {
        i++;
      } else if (text[i] === "'") {
        return { value: text.slice(1, i).replaceAll("''", "'"), end: i + 1 };
      }
    }
    throw new UserError(where, "a single-quoted rule name must end on its line");
  }
  if (text === "" || /^[|>&*!{[]/.test(text)) {
    throw new UserError(where, "the rule name must be a one-line scalar");
  }
  const comment = text.search(/\s#/);
  const value = (comment < 0 ? text : text.slice(0, comment)).trimEnd();
  return { value, end: value.length };
}

/** The item with its `rule:` value replaced by `name`, written as a double-quoted scalar. */
function renamed(item: Item, key: Key, name: string): string[] {
  const lines = [...item.lines];
  const line = lines[key.line] ?? "";
  const scalar = readScalar(line.slice(key.valueStart), `line ${item.first + key.line}`);
  lines[key.line] =
    line.slice(0, key.valueStart) + JSON.stringify(name) + line.slice(key.valueStart + scalar.end);
  return lines;
}

/** The name of copy `k` (2..copies) of rule `name`. */
export function copyName(name: string, k: number): string {
  return `${name} (copy ${k})`;
}

/**
 * Writes each rule item of `text` `copies` times (see the file comment). `source` names the
 * input in errors.
 */
export function multiplyRules(text: string, copies: number, source: string): MultiplyResult {
  if (!Number.isInteger(copies) || copies < 1) {
    throw new UserError(String(copies), "the number of copies must be a positive integer");
  }
  const endsWithNewline = text.endsWith("\n");
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split("\n");
  if (lines.some((line) => line.endsWith("\r"))) {
    throw new UserError(source, "CRLF line ends are not supported");
  }
  const out: string[] = [];
  const names = new Set<string>();
  let ruleItems = 0;
  let otherItems = 0;
  for (const part of split(lines, source)) {
    if (Array.isArray(part)) {
      out.push(...part);
      continue;
    }
    const { keys, indent } = keysOf(part, source);
    if (kindOf(keys) !== "rule") {
      otherItems++;
      out.push(...part.lines);
      continue;
    }
    ruleItems++;
    const key = keys.find((k) => k.name === "rule");
    if (!key) {
      throw new UserError(`${source}:${part.first}`, "rule item without a rule key");
    }
    const where = `${source}:${part.first + key.line}`;
    const name = readScalar((part.lines[key.line] ?? "").slice(key.valueStart), where).value;
    names.add(name);
    // A line indented deeper than the keys right after `rule:` would continue its value.
    const next = part.lines[key.line + 1];
    if (next !== undefined && next.trim() !== "" && leadingSpaces(next) > indent) {
      throw new UserError(where, "the rule name must be a one-line scalar");
    }
    out.push(...part.lines);
    for (let k = 2; k <= copies; k++) {
      out.push(...renamed(part, key, copyName(name, k)));
    }
  }
  return { text: out.join("\n") + (endsWithNewline ? "\n" : ""), rules: names.size, ruleItems, otherItems };
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}
