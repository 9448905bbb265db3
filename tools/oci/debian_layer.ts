import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import type { TreeEntry } from "../archive/tree";

/**
 * Debian packages unpacked as dpkg would install them, as one image layer: their files (with
 * /bin, /sbin and /lib* moved below /usr, as on a merged-/usr bookworm system), and dpkg's
 * database (/var/lib/dpkg/status and info/) saying they are installed, so that `dpkg -l` and
 * `dpkg -L` work in the image. Maintainer scripts are not run.
 */

/** The top-level folders a merged-/usr system has as symlinks into /usr. */
export const MERGED_USR_DIRS = ["bin", "lib", "lib32", "lib64", "libx32", "sbin"] as const;

/** Where a package's path ends up on a merged-/usr system ("bin/sh" -> "usr/bin/sh"). */
export function mergedUsrPath(path: string): string {
  const top = path.split("/", 1)[0] ?? "";
  return (MERGED_USR_DIRS as readonly string[]).includes(top) ? `usr/${path}` : path;
}

/** One package, read from its .deb. */
export interface UnpackedPackage {
  /** The .deb it came from, for messages. */
  readonly source: string;
  /** The control file's text (DEBIAN/control). */
  readonly control: string;
  /** The other control members (md5sums, conffiles, postinst, ...) by name. */
  readonly controlFiles: ReadonlyMap<string, Uint8Array>;
  /** The files, at the paths the package gives them (not yet merged into /usr), sorted. */
  readonly entries: readonly TreeEntry[];
}

/** The value of one field of a control paragraph (first line only), or undefined. */
export function controlField(control: string, field: string): string | undefined {
  const match = new RegExp(`^${field}:[ \\t]*(.*)$`, "mi").exec(control);
  return match?.[1]?.trim();
}

/** The name dpkg's info/ files of a package carry: `name`, or `name:arch` for Multi-Arch: same. */
export function infoName(control: string): string {
  const name = controlField(control, "Package") ?? "";
  const multiArch = controlField(control, "Multi-Arch");
  return multiArch === "same" ? `${name}:${controlField(control, "Architecture") ?? ""}` : name;
}

/**
 * The package's paragraph of /var/lib/dpkg/status: its control file with `Status: install ok
 * installed` after `Package`, and `Conffiles` (each with the md5 of the file shipped).
 */
export function statusParagraph(control: string, conffiles: readonly { path: string; md5: string }[]): string {
  const lines = control.replace(/\n+$/, "").split("\n");
  const out: string[] = [];
  for (const line of lines) {
    out.push(line);
    if (/^Package:/i.test(line)) {
      out.push("Status: install ok installed");
    }
  }
  if (conffiles.length > 0) {
    out.push("Conffiles:", ...conffiles.map((c) => ` ${c.path} ${c.md5}`));
  }
  return `${out.join("\n")}\n`;
}

/** Checks the fields dpkg needs, naming the package's file. */
export function checkControl(control: string, source: string): void {
  for (const field of ["Package", "Version", "Architecture"]) {
    if (controlField(control, field) === undefined) {
      throw new Error(`${source}: the control file has no ${field} field`);
    }
  }
}

function sameEntry(a: TreeEntry, b: TreeEntry): boolean {
  if (a.kind !== b.kind) {
    return false;
  }
  if (a.kind === "dir" || b.kind === "dir") {
    return true;
  }
  if (a.kind === "symlink" && b.kind === "symlink") {
    return a.target === b.target;
  }
  if (a.kind === "file" && b.kind === "file") {
    return a.mode === b.mode && Buffer.from(a.data).equals(Buffer.from(b.data));
  }
  return false;
}

function md5Hex(data: Uint8Array): string {
  return createHash("md5").update(data).digest("hex");
}

function byPath(a: TreeEntry, b: TreeEntry): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Paths that are left out of the layer (documentation nobody reads in an image), as prefixes. */
export function isExcluded(path: string, excludes: readonly string[]): boolean {
  return excludes.some((prefix) => path === prefix.replace(/\/$/, "") || path.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`));
}

export interface LayerOptions {
  /** Packages whose files go into the layer. */
  readonly packages: readonly UnpackedPackage[];
  /** Packages of the layers below: only listed in dpkg's status, which this layer replaces. */
  readonly basePackages: readonly UnpackedPackage[];
  /** Path prefixes left out (after the move to /usr), e.g. "usr/share/man/". */
  readonly excludes: readonly string[];
}

/**
 * The layer's entries: every package's files (merged into /usr; a path two packages ship must be
 * the same in both), the merged-/usr symlinks, and dpkg's database for base and own packages.
 */
export function debianLayer(options: LayerOptions): TreeEntry[] {
  const entries = new Map<string, { entry: TreeEntry; owner: string }>();
  const add = (entry: TreeEntry, owner: string): void => {
    const existing = entries.get(entry.path);
    if (existing === undefined) {
      entries.set(entry.path, { entry, owner });
    } else if (!sameEntry(existing.entry, entry)) {
      throw new Error(`/${entry.path}: shipped differently by ${existing.owner} and ${owner}`);
    }
  };
  const paragraphs = new Map<string, string>();
  const addParagraph = (pkg: UnpackedPackage, conffiles: readonly { path: string; md5: string }[]): void => {
    checkControl(pkg.control, pkg.source);
    const name = infoName(pkg.control);
    if (paragraphs.has(name)) {
      throw new Error(`${pkg.source}: the package ${name} is given twice`);
    }
    paragraphs.set(name, statusParagraph(pkg.control, conffiles));
  };
  // bin, lib, lib64 and sbin always (programs look for /lib64/ld-linux-x86-64.so.2, /bin/sh);
  // lib32 and libx32 only when a package has files there.
  const shipped = new Set(options.packages.flatMap((p) => p.entries.map((e) => e.path.split("/", 1)[0] ?? "")));
  for (const dir of MERGED_USR_DIRS.filter((d) => !["lib32", "libx32"].includes(d) || shipped.has(d))) {
    add({ kind: "dir", path: `usr/${dir}`, mode: 0o755 }, "merged /usr");
    add({ kind: "symlink", path: dir, target: `usr/${dir}` }, "merged /usr");
  }
  for (const pkg of options.packages) {
    const owner = `${controlField(pkg.control, "Package") ?? "?"} (${pkg.source})`;
    for (const entry of pkg.entries) {
      const path = mergedUsrPath(entry.path);
      if (isExcluded(path, options.excludes)) {
        continue;
      }
      add({ ...entry, path }, owner);
    }
    const conffiles = new TextDecoder()
      .decode(pkg.controlFiles.get("conffiles") ?? new Uint8Array(0))
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.startsWith("/"))
      .map((path) => {
        const content = pkg.entries.find((e) => e.path === path.slice(1));
        if (content === undefined || content.kind !== "file") {
          throw new Error(`${pkg.source}: conffile ${path} is not a file of the package`);
        }
        return { path, md5: md5Hex(content.data) };
      });
    addParagraph(pkg, conffiles);
    const info = infoName(pkg.control);
    const list = ["/.", ...pkg.entries.map((e) => `/${e.path}`)].join("\n") + "\n";
    add({ kind: "file", path: `var/lib/dpkg/info/${info}.list`, mode: 0o644, data: new TextEncoder().encode(list) }, owner);
    for (const [member, bytes] of [...pkg.controlFiles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (member !== "control") {
        const executable = ["preinst", "postinst", "prerm", "postrm", "config"].includes(member);
        add({ kind: "file", path: `var/lib/dpkg/info/${info}.${member}`, mode: executable ? 0o755 : 0o644, data: bytes }, owner);
      }
    }
  }
  for (const pkg of options.basePackages) {
    addParagraph(pkg, []);
  }
  const status = [...paragraphs.keys()].sort().map((name) => paragraphs.get(name) ?? "");
  add({ kind: "file", path: "var/lib/dpkg/status", mode: 0o644, data: new TextEncoder().encode(status.join("\n")) }, "dpkg status");
  add({ kind: "file", path: "var/lib/dpkg/available", mode: 0o644, data: new Uint8Array(0) }, "dpkg status");
  // Format 1: info files of Multi-Arch: same packages are named name:arch (dpkg reads this).
  add({ kind: "file", path: "var/lib/dpkg/info/format", mode: 0o644, data: new TextEncoder().encode("1\n") }, "dpkg status");
  for (const dir of ["var/lib/dpkg/updates", "var/lib/dpkg/triggers", "var/lib/dpkg/alternatives"]) {
    add({ kind: "dir", path: dir, mode: 0o755 }, "dpkg status");
  }
  // Every parent folder is in the layer, so the layer does not depend on what is below it.
  for (const path of [...entries.keys()]) {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join("/");
      const existing = entries.get(parent);
      if (existing === undefined) {
        entries.set(parent, { entry: { kind: "dir", path: parent, mode: 0o755 }, owner: "parent folder" });
      } else if (existing.entry.kind !== "dir") {
        throw new Error(`/${path} (${entries.get(path)?.owner ?? "?"}): its parent /${parent} is a ${existing.entry.kind} of ${existing.owner}`);
      }
    }
  }
  return [...entries.values()].map((e) => e.entry).sort(byPath);
}

/** The entries below `root` (a package unpacked by dpkg-deb), sorted, with modes and symlinks kept. */
export function walkUnpacked(root: string, source: string): TreeEntry[] {
  const out: TreeEntry[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const path = prefix === "" ? name : `${prefix}/${name}`;
      const st = lstatSync(full);
      if (st.isSymbolicLink()) {
        out.push({ kind: "symlink", path, target: readlinkSync(full) });
      } else if (st.isDirectory()) {
        out.push({ kind: "dir", path, mode: st.mode & 0o7777 });
        walk(full, path);
      } else if (st.isFile()) {
        out.push({ kind: "file", path, mode: st.mode & 0o7777, data: new Uint8Array(readFileSync(full)) });
      } else {
        throw new Error(`${source}: /${path} is neither a file, a folder nor a symlink`);
      }
    }
  };
  walk(root, "");
  return out.sort(byPath);
}

/** Unpacks a .deb with the real dpkg-deb into `scratch` (an empty folder) and reads it back. */
export function unpackDeb(deb: string, scratch: string, withFiles: boolean): UnpackedPackage {
  const controlDir = join(scratch, "control");
  const filesDir = join(scratch, "files");
  mkdirSync(filesDir, { recursive: true });
  const run = (args: string[]): void => {
    try {
      execFileSync("dpkg-deb", args, { stdio: ["ignore", "ignore", "pipe"] });
    } catch (error: unknown) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
      throw new Error(`${deb}: dpkg-deb ${args[0] ?? ""} failed: ${stderr || String(error)}`);
    }
  };
  run(["--control", deb, controlDir]);
  if (withFiles) {
    run(["--extract", deb, filesDir]);
  }
  const controlFiles = new Map<string, Uint8Array>();
  for (const name of readdirSync(controlDir).sort()) {
    controlFiles.set(name, new Uint8Array(readFileSync(join(controlDir, name))));
  }
  const control = new TextDecoder().decode(controlFiles.get("control") ?? new Uint8Array(0));
  checkControl(control, deb);
  return { source: deb, control, controlFiles, entries: withFiles ? walkUnpacked(filesDir, deb) : [] };
}
