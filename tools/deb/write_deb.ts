import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { writeAr } from "../archive/ar";
import { FIXED_MTIME, writeTar } from "../archive/tar";
import type { TreeEntry } from "../archive/tree";
import type { ControlFields } from "./control";
import { formatControl, upstreamVersion } from "./control";
import { isElf, readElfDynamic } from "../archive/elf";

/** The maintainer scripts dpkg runs, by their names in the control archive. */
export const MAINTAINER_SCRIPTS = ["preinst", "postinst", "prerm", "postrm"] as const;
export type MaintainerScript = (typeof MAINTAINER_SCRIPTS)[number];

/** Everything a .deb is made of. */
export interface DebInput {
  readonly control: ControlFields;
  /** The files at their install paths (tools/archive's buildTree). */
  readonly tree: readonly TreeEntry[];
  readonly scripts: Partial<Record<MaintainerScript, Uint8Array>>;
  /** Absolute paths of the configuration files dpkg keeps on upgrade; undefined: every file under /etc. */
  readonly conffiles: readonly string[] | undefined;
  /** Lintian overrides to ship (usr/share/lintian/overrides/<package>); "" for none. */
  readonly lintianOverrides: string;
}

/** Directories where the dynamic linker finds shared libraries, so where a shlibs entry is due. */
const LIBRARY_DIRS = ["lib", "usr/lib", "lib/x86_64-linux-gnu", "usr/lib/x86_64-linux-gnu", "lib64", "usr/lib64"];

function dirname(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

function byPath(a: TreeEntry, b: TreeEntry): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** `tree` with `extra` files added (and their missing parent directories), sorted; a path already there is an error. */
export function withFiles(tree: readonly TreeEntry[], extra: readonly TreeEntry[]): TreeEntry[] {
  const entries = new Map(tree.map((e) => [e.path, e]));
  for (const e of extra) {
    if (entries.has(e.path)) {
      throw new Error(`${e.path}: the package writer generates this file; the tree must not hold it`);
    }
    entries.set(e.path, e);
    for (let parent = dirname(e.path); parent !== ""; parent = dirname(parent)) {
      const existing = entries.get(parent);
      if (existing === undefined) {
        entries.set(parent, { kind: "dir", path: parent, mode: 0o755 });
      } else if (existing.kind !== "dir") {
        throw new Error(`${e.path}: its parent ${parent} is not a directory`);
      }
    }
  }
  return [...entries.values()].sort(byPath);
}

/** gzip at the highest level, without name or time in the header (as `gzip -9n` writes). */
export function gzipDeterministic(data: Uint8Array): Uint8Array {
  return gzipSync(data, { level: 9 });
}

/** The date of every generated changelog entry: the archives' fixed time, in RFC 2822 form. */
export function changelogDate(): string {
  return new Date(FIXED_MTIME * 1000).toUTCString().replace("GMT", "+0000");
}

/** A one-entry Debian changelog for a package built from this workspace (not from a Debian source package). */
export function changelog(control: ControlFields): string {
  return [
    `${control.package} (${control.version}) unstable; urgency=medium`,
    "",
    `  * Release ${upstreamVersion(control.version)}, built from the project's Bazel workspace.`,
    "",
    ` -- ${control.maintainer}  ${changelogDate()}`,
    "",
  ].join("\n");
}

/** KiB the tree takes once installed, counted as dpkg-gencontrol does: each file rounded up, 1 per directory or link. */
export function installedSize(tree: readonly TreeEntry[]): number {
  return tree.reduce((kib, e) => kib + (e.kind === "file" ? Math.ceil(e.data.length / 1024) : 1), 0);
}

/** md5sums: one `<md5>  <path>` line per regular file, in path order. */
export function md5sums(tree: readonly TreeEntry[]): string {
  return tree
    .filter((e): e is Extract<TreeEntry, { kind: "file" }> => e.kind === "file")
    .map((e) => `${createHash("md5").update(e.data).digest("hex")}  ${e.path}\n`)
    .join("");
}

/** The conffiles list: the given paths, each a regular file of the tree, or every file under /etc. */
export function conffiles(tree: readonly TreeEntry[], given: readonly string[] | undefined): string[] {
  const files = new Set(tree.filter((e) => e.kind === "file").map((e) => `/${e.path}`));
  if (given === undefined) {
    return [...files].filter((p) => p.startsWith("/etc/")).sort();
  }
  for (const path of given) {
    if (!files.has(path)) {
      throw new Error(`conffile ${path}: not a regular file of the package`);
    }
  }
  return [...new Set(given)].sort();
}

/** The shared libraries of the tree (by soname, in library directories); throws on an ELF file with a library search path. */
export function sharedLibraries(tree: readonly TreeEntry[]): Array<{ path: string; soname: string }> {
  const libraries: Array<{ path: string; soname: string }> = [];
  for (const e of tree) {
    if (e.kind !== "file" || !isElf(e.data)) {
      continue;
    }
    const dynamic = readElfDynamic(e.data, e.path);
    if (dynamic.searchPaths.length > 0) {
      throw new Error(`${e.path}: has a library search path (RUNPATH/RPATH ${dynamic.searchPaths.join(":")}); packaged programs and libraries must not`);
    }
    if (dynamic.soname !== undefined && LIBRARY_DIRS.includes(dirname(e.path))) {
      libraries.push({ path: e.path, soname: dynamic.soname });
    }
  }
  return libraries;
}

/** The shlibs control file: how packages linking against these libraries depend on this one. */
export function shlibs(libraries: ReadonlyArray<{ soname: string }>, control: ControlFields): string {
  return libraries
    .map(({ soname }) => {
      const match = /^(.+)\.so\.([0-9][^/]*)$/.exec(soname) ?? /^(.+)-([0-9][0-9.]*)\.so$/.exec(soname);
      if (match === null) {
        throw new Error(`soname ${soname}: not of the form NAME.so.VERSION or NAME-VERSION.so`);
      }
      return `${match[1]} ${match[2]} ${control.package} (>= ${upstreamVersion(control.version)})\n`;
    })
    .sort()
    .join("");
}

function file(path: string, text: string | Uint8Array, mode = 0o644): TreeEntry {
  return { kind: "file", path, mode, data: typeof text === "string" ? new TextEncoder().encode(text) : text };
}

/** The data tree: the given one plus the changelog and lintian overrides Debian packages ship. */
export function dataTree(input: DebInput): TreeEntry[] {
  const doc = `usr/share/doc/${input.control.package}`;
  const copyright = input.tree.find((e) => e.path === `${doc}/copyright`);
  if (copyright === undefined || copyright.kind !== "file") {
    throw new Error(`${doc}/copyright: missing; every Debian package ships its copyright file`);
  }
  const extra = [file(`${doc}/changelog.Debian.gz`, gzipDeterministic(new TextEncoder().encode(changelog(input.control))))];
  if (input.lintianOverrides.trim() !== "") {
    extra.push(file(`usr/share/lintian/overrides/${input.control.package}`, `${input.lintianOverrides.trim()}\n`));
  }
  return withFiles(input.tree, extra);
}

/** The members of the control archive, by name. */
export function controlMembers(input: DebInput, data: readonly TreeEntry[]): TreeEntry[] {
  const members: TreeEntry[] = [
    file("control", formatControl({ ...input.control, installedSize: installedSize(data) })),
    file("md5sums", md5sums(data)),
  ];
  const confs = conffiles(data, input.conffiles);
  if (confs.length > 0) {
    members.push(file("conffiles", confs.map((p) => `${p}\n`).join("")));
  }
  const libraries = sharedLibraries(data);
  if (libraries.length > 0) {
    members.push(file("shlibs", shlibs(libraries, input.control)), file("triggers", "activate-noawait ldconfig\n"));
  }
  for (const name of MAINTAINER_SCRIPTS) {
    const script = input.scripts[name];
    if (script === undefined) {
      continue;
    }
    if (script[0] !== 0x23 || script[1] !== 0x21) {
      throw new Error(`${name}: a maintainer script must start with #! and its interpreter`);
    }
    members.push(file(name, script, 0o755));
  }
  return members.sort(byPath);
}

/**
 * A binary package: the ar archive `debian-binary`, `control.tar.gz`, `data.tar.gz`, every member
 * root-owned at the fixed time, so that the same input gives the same bytes.
 */
export function buildDeb(input: DebInput): Uint8Array {
  const data = dataTree(input);
  const control = controlMembers(input, data);
  return writeAr([
    { name: "debian-binary", data: new TextEncoder().encode("2.0\n") },
    { name: "control.tar.gz", data: gzipDeterministic(writeTar(control, ".")) },
    { name: "data.tar.gz", data: gzipDeterministic(writeTar(data, ".")) },
  ]);
}
