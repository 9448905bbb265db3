import type { Block, InstallDocument } from "./document";

const WIDTH = 78;

/** Breaks text into lines of at most `width` characters (longer words stand alone). */
export function wrap(text: string, width: number, indent = "", firstIndent = indent): string[] {
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const word of text.split(/[ \t\n]+/).filter((w) => w.length > 0)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += (empty ? "" : " ") + word;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** Joins the words of inline code so that wrapping never splits it. */
const NBSP = "\u00a0";

/** Plain text has no code font: inline code is quoted instead, and kept on one line. */
function plain(text: string): string {
  return text.replace(/`([^`]*)`/g, (_, code: string) => `'${code.replace(/ /g, NBSP)}'`);
}

function unjoin(lines: string[]): string[] {
  return lines.map((line) => line.replaceAll(NBSP, " "));
}

/** A long shell command split over lines ending in ` \`, each within the width where words allow. */
export function continued(command: string, width: number): string[] {
  const lines = wrap(command, width - 2, "        ", "    ");
  return lines.map((line, i) => (i < lines.length - 1 ? `${line} \\` : line));
}

function textBlock(block: Block): string[] {
  switch (block.type) {
    case "paragraph":
      return unjoin(wrap(plain(block.text), WIDTH));
    case "list":
      return block.items.flatMap((item) => unjoin(wrap(plain(item), WIDTH, "    ", "  - ")));
    case "commands":
      return block.lines.flatMap((line) => continued(line, WIDTH));
  }
}

/** The plain-text INSTALL shipped inside the package. */
export function renderText(doc: InstallDocument): string {
  const out = [doc.title, "=".repeat(doc.title.length), "", ...unjoin(wrap(plain(doc.lead), WIDTH))];
  for (const section of doc.sections) {
    out.push("", "", section.title, "-".repeat(section.title.length));
    for (const block of section.blocks) {
      out.push("", ...textBlock(block));
    }
  }
  return out.join("\n") + "\n";
}

function markdownBlock(block: Block): string[] {
  switch (block.type) {
    case "paragraph":
      return [block.text];
    case "list":
      return block.items.map((item) => `- ${item}`);
    case "commands":
      return ["```sh", ...block.lines, "```"];
  }
}

/** The same document as Markdown, for the docs site. */
export function renderMarkdown(doc: InstallDocument): string {
  const out = [`# ${doc.title}`, "", doc.lead];
  for (const section of doc.sections) {
    out.push("", `## ${section.title}`);
    for (const block of section.blocks) {
      out.push("", ...markdownBlock(block));
    }
  }
  return out.join("\n") + "\n";
}
