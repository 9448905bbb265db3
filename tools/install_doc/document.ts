/**
 * An INSTALL document as structure, rendered once as plain text and once as Markdown. Inline
 * `code` in text is marked with backticks; the plain-text renderer drops them.
 */
export type Block =
  | { type: "paragraph"; text: string }
  | { type: "list"; items: readonly string[] }
  | { type: "commands"; lines: readonly string[] };

export interface Section {
  title: string;
  blocks: readonly Block[];
}

export interface InstallDocument {
  title: string;
  lead: string;
  sections: readonly Section[];
}

export const paragraph = (text: string): Block => ({ type: "paragraph", text });
export const list = (items: readonly string[]): Block => ({ type: "list", items });
export const commands = (...lines: string[]): Block => ({ type: "commands", lines });
