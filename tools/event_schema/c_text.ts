/** Small pieces of C text shared by the three emitters. */

/** The comment every generated file starts with. */
export const BANNER = [
  "/*",
  " * Generated from driver/api/schema by //tools/event_schema. Do not edit: change the JSON files",
  " * in driver/api/schema and rebuild.",
  " */",
];

/** A C string literal for `text`: quotes, backslashes and anything outside printable ASCII escaped. */
export function cString(text: string): string {
  let out = "";
  for (const ch of Buffer.from(text, "utf8")) {
    if (ch === 0x22 || ch === 0x5c) {
      out += `\\${String.fromCharCode(ch)}`;
    } else if (ch >= 0x20 && ch < 0x7f && ch !== 0x3f) {
      out += String.fromCharCode(ch);
    } else {
      // Octal escapes take at most three digits, so a following digit cannot join them; `?` is
      // escaped too so that no trigraph can form.
      out += `\\${ch.toString(8).padStart(3, "0")}`;
    }
  }
  return `"${out}"`;
}

/** A C integer literal for a value of a table (int64_t): small values plain, large ones with INT64_C. */
export function int64Literal(value: number): string {
  return Math.abs(value) <= 0x7fffffff ? String(value) : `INT64_C(${value})`;
}

/** A C enum with a doc comment: `enum name { A = 1, B = 2 };`, members one per line. */
export function enumDeclaration(doc: readonly string[], name: string, members: readonly { name: string; value?: number | string }[]): string[] {
  return [
    ...docComment(doc),
    `enum ${name} {`,
    ...members.map((m, i) => `\t${m.name}${m.value === undefined ? "" : ` = ${m.value}`}${i + 1 < members.length ? "," : ""}`),
    "};",
  ];
}

/** A doc comment: one line as `/** text *\/`, several as a block. */
export function docComment(lines: readonly string[], indent = ""): string[] {
  if (lines.length === 1) {
    return [`${indent}/** ${lines[0] ?? ""} */`];
  }
  return [`${indent}/**`, ...lines.map((line) => (line === "" ? `${indent} *` : `${indent} * ${line}`)), `${indent} */`];
}

/** Joins lines into a file's text, ending in a newline. */
export function fileText(lines: readonly string[]): string {
  return `${lines.join("\n")}\n`;
}

/** Splits `text` into lines of at most `width` characters at spaces (a longer word stays whole). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "" || lines.length === 0) {
    lines.push(line);
  }
  return lines;
}
