/** The fields of a binary package's control file that are given, not computed. */
export interface ControlFields {
  readonly package: string;
  readonly version: string;
  readonly architecture: string;
  readonly maintainer: string;
  readonly section: string;
  readonly priority: string;
  readonly homepage: string;
  /** One line saying what the package is (the manifest's summary; turned into the synopsis). */
  readonly summary: string;
  /** The long description: paragraphs separated by blank lines; lines starting "- " are list items. */
  readonly description: string;
  readonly depends: readonly string[];
  readonly conflicts: readonly string[];
  readonly provides: readonly string[];
}

const PACKAGE_NAME = /^[a-z0-9][a-z0-9+.-]+$/;
const VERSION = /^(?:[0-9]+:)?[0-9][A-Za-z0-9.+~-]*$/;
const RELATION = /^([a-z0-9][a-z0-9+.-]+)(?::[a-z0-9-]+)?(?: \((<<|<=|=|>=|>>) ((?:[0-9]+:)?[0-9][A-Za-z0-9.+~-]*)\))?$/;
const MAINTAINER = /^[^<>\n]+ <[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>$/;
const SECTIONS = ["admin", "devel", "doc", "kernel", "libs", "libdevel", "net", "utils", "misc"];
const PRIORITIES = ["required", "important", "standard", "optional", "extra"];

/** The widest a line of the control file's Description may be (lintian warns beyond 80 columns). */
const WIDTH = 80;

/** The upstream part of a Debian version: no epoch, no Debian revision. */
export function upstreamVersion(version: string): string {
  const noEpoch = version.replace(/^[0-9]+:/, "");
  const dash = noEpoch.lastIndexOf("-");
  return dash < 0 ? noEpoch : noEpoch.slice(0, dash);
}

/**
 * The synopsis (the Description's first line) made from a summary: Debian policy wants it not to
 * start with the package's own name nor an article, and not to end with a full stop. So
 * "falco, the rules engine" and "libscap (C): reads files" lose their leading name, "the ..." its
 * article. Throws when what is left is empty or too long for one line.
 */
export function synopsisFrom(summary: string, packageName: string): string {
  let text = summary.trim();
  const escaped = packageName.replace(/[.+]/g, "\\$&");
  text = text.replace(new RegExp(`^${escaped}(?: \\([^)]*\\))?\\s*[,:]\\s*`, "i"), "");
  text = text.replace(/^(?:the|a|an)\s+/i, "");
  text = text.replace(/\.+$/, "");
  if (text === "") {
    throw new Error(`summary "${summary}": nothing is left for a synopsis once the package name is dropped`);
  }
  if (new RegExp(`^${escaped}\\b`, "i").test(text)) {
    throw new Error(`summary "${summary}": the synopsis must not start with the package name`);
  }
  if (text.length >= WIDTH) {
    throw new Error(`summary "${summary}": the synopsis is ${text.length} characters, at most ${WIDTH - 1} fit`);
  }
  return text;
}

/** Words of `line` in lines of at most `width` characters, each after `first` or `rest`. */
function wrap(line: string, first: string, rest: string, width: number): string[] {
  const out: string[] = [];
  let current = first;
  let empty = true;
  for (const word of line.split(/\s+/).filter((w) => w !== "")) {
    if (!empty && current.length + 1 + word.length > width) {
      out.push(current);
      current = rest;
      empty = true;
    }
    current += (empty ? "" : " ") + word;
    empty = false;
  }
  out.push(current);
  return out;
}

/** Text as lintian compares a synopsis with the description's first line: lower case, letters and digits only. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/**
 * The long description in control-file form: every line after a space, blank lines as " .",
 * words wrapped at 80 columns; list items ("- ...") indented by two spaces, as Debian shows them
 * verbatim, and continued under their text. A first paragraph that only repeats the synopsis is
 * dropped.
 */
export function formatLongDescription(description: string, synopsis = ""): string[] {
  const lines: string[] = [];
  const paragraphs = description.trim().split(/\n[ \t]*\n/);
  if (paragraphs.length > 1 && comparable(paragraphs[0] ?? "") === comparable(synopsis)) {
    paragraphs.shift();
  }
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) {
      lines.push(" .");
    }
    for (const line of paragraph.split("\n")) {
      const item = /^\s*- /.test(line);
      lines.push(...wrap(line.trim(), item ? "  " : " ", item ? "    " : " ", WIDTH));
    }
  });
  return lines;
}

function checkSingleLine(name: string, value: string): void {
  if (value === "" || /[\n\r]/.test(value) || value !== value.trim()) {
    throw new Error(`${name} "${value}": must be one non-empty line without surrounding spaces`);
  }
}

/** Throws naming the field when a given control field is not what dpkg and Debian policy accept. */
export function checkControlFields(fields: ControlFields): void {
  if (!PACKAGE_NAME.test(fields.package)) {
    throw new Error(`package "${fields.package}": not a Debian package name (lower-case letters, digits, + - .; two or more)`);
  }
  if (!VERSION.test(fields.version)) {
    throw new Error(`version "${fields.version}": not a Debian version (e.g. 0.1.0-1)`);
  }
  if (!/^[a-z0-9-]+$/.test(fields.architecture)) {
    throw new Error(`architecture "${fields.architecture}": not a Debian architecture (e.g. amd64)`);
  }
  if (!MAINTAINER.test(fields.maintainer)) {
    throw new Error(`maintainer "${fields.maintainer}": must be "Name <address@domain>"`);
  }
  if (!SECTIONS.includes(fields.section)) {
    throw new Error(`section "${fields.section}": not one of ${SECTIONS.join(", ")}`);
  }
  if (!PRIORITIES.includes(fields.priority)) {
    throw new Error(`priority "${fields.priority}": not one of ${PRIORITIES.join(", ")}`);
  }
  if (!/^https:\/\/[^\s/]+\.[^\s]+$/.test(fields.homepage)) {
    throw new Error(`homepage "${fields.homepage}": must be an https:// address`);
  }
  checkSingleLine("summary", fields.summary);
  if (fields.description.trim() === "") {
    throw new Error("description: empty; Debian packages need a long description");
  }
  const relations: Array<[string, readonly string[]]> = [
    ["depends", fields.depends],
    ["conflicts", fields.conflicts],
    ["provides", fields.provides],
  ];
  for (const [name, list] of relations) {
    list.forEach((relation, index) => {
      for (const alternative of relation.split(" | ")) {
        const match = RELATION.exec(alternative.trim());
        if (match === null || (name === "provides" && match[2] !== undefined && match[2] !== "=")) {
          throw new Error(`${name}[${index}] "${relation}": not a Debian relation ("name" or "name (>= version)")`);
        }
        if (match[1] === fields.package) {
          throw new Error(`${name}[${index}] "${relation}": names the package itself`);
        }
      }
    });
  }
}

/** Everything the control file says: the given fields plus those computed from the tree. */
export interface Control extends ControlFields {
  /** KiB the installed files take (dpkg's Installed-Size). */
  readonly installedSize: number;
}

/** The control file, fields in the order dpkg-deb --info shows them in Debian's own packages. */
export function formatControl(control: Control): string {
  checkControlFields(control);
  const lines = [
    `Package: ${control.package}`,
    `Version: ${control.version}`,
    `Architecture: ${control.architecture}`,
    `Maintainer: ${control.maintainer}`,
    `Installed-Size: ${control.installedSize}`,
  ];
  if (control.depends.length > 0) {
    lines.push(`Depends: ${control.depends.join(", ")}`);
  }
  if (control.conflicts.length > 0) {
    lines.push(`Conflicts: ${control.conflicts.join(", ")}`);
  }
  if (control.provides.length > 0) {
    lines.push(`Provides: ${control.provides.join(", ")}`);
  }
  lines.push(
    `Section: ${control.section}`,
    `Priority: ${control.priority}`,
    `Homepage: ${control.homepage}`,
  );
  const synopsis = synopsisFrom(control.summary, control.package);
  lines.push(`Description: ${synopsis}`, ...formatLongDescription(control.description, synopsis));
  return `${lines.join("\n")}\n`;
}
