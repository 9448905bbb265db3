/**
 * The pure half of the pin generator: what the package sets file says, what apt prints, and the
 * Starlark pin table written from them.
 */

/** One set of packages: one image layer. */
export interface PackageSet {
  /** The repository is @debian_<name>. */
  readonly name: string;
  /** What the set is for (a comment in the pin table). */
  readonly why: string;
  /** Sets below this one: their packages are installed already, so not pinned again here. */
  readonly on: readonly string[];
  /** The packages asked for; the pins are these and their dependencies (without Recommends). */
  readonly packages: readonly string[];
  /** Dependencies deliberately not installed (with the reason in `why`). */
  readonly leave_out: readonly string[];
}

/** One pinned package: where it is below the mirror and what it must hash to. */
export interface Pin {
  readonly name: string;
  readonly version: string;
  /** Below the mirror's root, URL-escaped as apt prints it: debian/pool/main/... */
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string" && v !== "");
}

/** Reads package_sets.json: a list of sets, each `on` only sets listed before it. */
export function parsePackageSets(text: string, source: string): PackageSet[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error: unknown) {
    throw new Error(`${source}: not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const sets = (parsed as { sets?: unknown } | null)?.sets;
  if (!Array.isArray(sets)) {
    throw new Error(`${source}: expected {"sets": [...]}`);
  }
  const seen = new Set<string>();
  return sets.map((item: unknown, index): PackageSet => {
    const record = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
    const name = record["name"];
    if (typeof name !== "string" || !/^[a-z][a-z0-9_]*$/.test(name)) {
      throw new Error(`${source}: set ${index}: "name" must be lower_case_with_underscores`);
    }
    const on = record["on"] ?? [];
    const leaveOut = record["leave_out"] ?? [];
    if (typeof record["why"] !== "string" || !isStringList(record["packages"]) || record["packages"].length === 0 || !isStringList(on) || !isStringList(leaveOut)) {
      throw new Error(`${source}: set ${name}: needs "why" (text), "packages" (names), and optional "on" and "leave_out" (names)`);
    }
    for (const base of on) {
      if (!seen.has(base)) {
        throw new Error(`${source}: set ${name}: "on" names ${base}, which is not a set listed before it`);
      }
    }
    seen.add(name);
    return { name, why: record["why"], on, packages: record["packages"], leave_out: leaveOut };
  });
}

/** The sets below `set`, transitively, in the file's order. */
export function setsBelow(set: PackageSet, all: readonly PackageSet[]): PackageSet[] {
  const names = new Set<string>();
  const visit = (s: PackageSet): void => {
    for (const base of s.on) {
      if (!names.has(base)) {
        names.add(base);
        const found = all.find((x) => x.name === base);
        if (found !== undefined) {
          visit(found);
        }
      }
    }
  };
  visit(set);
  return all.filter((s) => names.has(s.name));
}

/** One line of `apt-get install --print-uris`: 'URI' FILE SIZE HASH. */
export interface AptUri {
  readonly uri: string;
  readonly name: string;
  readonly version: string;
  readonly size: number;
}

export function parsePrintUris(output: string): AptUri[] {
  const out: AptUri[] = [];
  for (const line of output.split("\n")) {
    const match = /^'([^']+)' (\S+) (\d+)( \S+)?$/.exec(line.trim());
    if (match === null) {
      if (line.trim() !== "") {
        throw new Error(`apt printed a line that is not 'URI' FILE SIZE HASH: ${line}`);
      }
      continue;
    }
    const file = decodeURIComponent(match[2] ?? "");
    const parts = /^([^_]+)_([^_]+)_([^_]+)\.deb$/.exec(file);
    if (parts === null) {
      throw new Error(`apt printed a file name that is not NAME_VERSION_ARCH.deb: ${file}`);
    }
    out.push({ uri: match[1] ?? "", name: parts[1] ?? "", version: parts[2] ?? "", size: Number(match[3]) });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The fields of the paragraphs of `apt-cache show` (the first line of each field). */
export function parseParagraphs(text: string): Map<string, string>[] {
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== "")
    .map((p) => {
      const fields = new Map<string, string>();
      for (const line of p.split("\n")) {
        const match = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
        if (match !== null) {
          fields.set(match[1] ?? "", match[2] ?? "");
        }
      }
      return fields;
    });
}

/** A paragraph of `apt-cache show` as an installed package of a dpkg status file. */
export function installedParagraph(paragraph: string, withoutDependencies: boolean): string {
  const dropped = withoutDependencies ? /^(Depends|Pre-Depends|Recommends|Suggests|Breaks|Conflicts):/ : /^$/;
  const out: string[] = [];
  let dropping = false;
  for (const line of paragraph.trimEnd().split("\n")) {
    if (/^\s/.test(line)) {
      if (!dropping) {
        out.push(line);
      }
      continue;
    }
    dropping = dropped.test(line);
    if (!dropping) {
      out.push(line);
      if (/^Package:/.test(line)) {
        out.push("Status: install ok installed");
      }
    }
  }
  return `${out.join("\n")}\n`;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

/** The pin table as a buildifier-clean .bzl file. */
export function renderPins(sets: readonly { set: PackageSet; pins: readonly Pin[] }[], command: string): string {
  const lines = [
    '"""Pinned Debian packages, one set per image layer. Generated: do not edit.',
    "",
    "Regenerate after changing package_sets.json (or when Debian replaces a pinned version) with",
    "",
    `    ${command}`,
    "",
    "Each set's packages are its requested packages and their dependencies (Depends and Pre-Depends,",
    "not Recommends), less what the sets it is `on` already have and what it `leave_out`s.",
    '"""',
    "",
    "DEBIAN_PACKAGE_SETS = [",
  ];
  for (const { set, pins } of sets) {
    const kib = Math.round(pins.reduce((n, p) => n + p.size, 0) / 1024);
    lines.push(`    # ${set.name}: ${set.why} (${pins.length} packages, ${kib} KiB of .debs)`);
    lines.push("    {");
    lines.push(`        "name": ${quote(set.name)},`);
    const list = (key: string, values: readonly string[]): void => {
      if (values.length === 0) {
        lines.push(`        ${quote(key)}: [],`);
      } else {
        lines.push(`        ${quote(key)}: [`, ...values.map((v) => `            ${quote(v)},`), "        ],");
      }
    };
    list("on", set.on);
    list("requested", set.packages);
    list("left_out", set.leave_out);
    lines.push('        "packages": [');
    for (const pin of pins) {
      lines.push(
        "            {",
        `                "name": ${quote(pin.name)},`,
        `                "path": ${quote(pin.path)},`,
        `                "sha256": ${quote(pin.sha256)},`,
        `                "version": ${quote(pin.version)},`,
        "            },",
      );
    }
    lines.push("        ],", "    },");
  }
  lines.push("]", "");
  return lines.join("\n");
}
