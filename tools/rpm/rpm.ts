import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { FIXED_MTIME } from "../archive/tar";
import type { TreeEntry } from "../archive/tree";
import { writeNewc } from "../initramfs/cpio";
import { isElf, readElfDynamic } from "../archive/elf";
import type { HeaderValue } from "./header";
import { encodeHeader, REGION_IMMUTABLE, REGION_SIGNATURES, TagType } from "./header";

/** What a package says about itself; everything but the files. */
export interface RpmMetadata {
  readonly name: string;
  readonly version: string;
  readonly release: string;
  readonly summary: string;
  readonly description: string;
  readonly license: string;
  readonly arch: string;
  /** "name", or "name OP version" with OP one of < <= = >= > */
  readonly requires: readonly string[];
  readonly conflicts: readonly string[];
  readonly provides: readonly string[];
  /** Absolute paths of files marked %config(noreplace). */
  readonly conffiles: readonly string[];
  /** Scriptlet bodies, run by /bin/sh with rpm's argument (the count of installed instances). */
  readonly scripts: Readonly<Partial<Record<ScriptKind, string>>>;
  /**
   * Add what rpmbuild's generators would: soname Provides/Requires read from the ELF files, and
   * the interpreter of each executable script.
   */
  readonly automaticDependencies: boolean;
  readonly url?: string;
}

export const SCRIPT_KINDS = ["pre_install", "post_install", "pre_remove", "post_remove"] as const;
export type ScriptKind = (typeof SCRIPT_KINDS)[number];

/** rpm's dependency sense flags (rpmds.h). */
const SENSE = {
  less: 1 << 1,
  greater: 1 << 2,
  equal: 1 << 3,
  interp: 1 << 8,
  scriptPre: 1 << 9,
  scriptPost: 1 << 10,
  scriptPreun: 1 << 11,
  scriptPostun: 1 << 12,
  findRequires: 1 << 14,
  findProvides: 1 << 15,
  rpmlib: 1 << 24,
} as const;

/** File flags (rpmfiles.h). */
const FILE_CONFIG = 1 << 0;
const FILE_DOC = 1 << 1;
const FILE_NOREPLACE = 1 << 4;
const FILE_LICENSE = 1 << 7;

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;

/** rpm's number for SHA-256 (pgp hash algorithm 8), for file and payload digests. */
const DIGEST_SHA256 = 8;

/** Main header tags (rpmtag.h). */
const TAG = {
  i18nTable: 100,
  name: 1000,
  version: 1001,
  release: 1002,
  summary: 1004,
  description: 1005,
  buildTime: 1006,
  buildHost: 1007,
  size: 1009,
  license: 1014,
  group: 1016,
  url: 1020,
  os: 1021,
  arch: 1022,
  preIn: 1023,
  postIn: 1024,
  preUn: 1025,
  postUn: 1026,
  fileSizes: 1028,
  fileModes: 1030,
  fileRdevs: 1033,
  fileMtimes: 1034,
  fileDigests: 1035,
  fileLinkTos: 1036,
  fileFlags: 1037,
  fileUserName: 1039,
  fileGroupName: 1040,
  sourceRpm: 1044,
  fileVerifyFlags: 1045,
  provideName: 1047,
  requireFlags: 1048,
  requireName: 1049,
  requireVersion: 1050,
  conflictFlags: 1053,
  conflictName: 1054,
  conflictVersion: 1055,
  preInProg: 1085,
  postInProg: 1086,
  preUnProg: 1087,
  postUnProg: 1088,
  fileDevices: 1095,
  fileInodes: 1096,
  fileLangs: 1097,
  provideFlags: 1112,
  provideVersion: 1113,
  dirIndexes: 1116,
  baseNames: 1117,
  dirNames: 1118,
  payloadFormat: 1124,
  payloadCompressor: 1125,
  payloadFlags: 1126,
  fileDigestAlgo: 5011,
  encoding: 5062,
  payloadDigest: 5092,
  payloadDigestAlgo: 5093,
} as const;

/** Signature header tags (rpmtag.h RPMSIGTAG_*). */
const SIGTAG = { sha1: 269, sha256: 273, size: 1000, md5: 1004, payloadSize: 1007 } as const;

const SCRIPT_TAGS: Record<ScriptKind, { body: number; prog: number; sense: number }> = {
  pre_install: { body: TAG.preIn, prog: TAG.preInProg, sense: SENSE.scriptPre },
  post_install: { body: TAG.postIn, prog: TAG.postInProg, sense: SENSE.scriptPost },
  pre_remove: { body: TAG.preUn, prog: TAG.preUnProg, sense: SENSE.scriptPreun },
  post_remove: { body: TAG.postUn, prog: TAG.postUnProg, sense: SENSE.scriptPostun },
};

/**
 * Directories that the distribution's base packages own. A package that also owned them would
 * try to remove them when erased, and /etc/init.d or /lib are symlinks on some distributions.
 */
const SYSTEM_DIRECTORIES = new Set([
  "bin",
  "etc",
  "etc/init.d",
  "etc/rc.d",
  "etc/rc.d/init.d",
  "etc/systemd",
  "etc/systemd/system",
  "lib",
  "lib/modules",
  "lib/systemd",
  "lib/systemd/system",
  "lib64",
  "opt",
  "sbin",
  "usr",
  "usr/bin",
  "usr/include",
  "usr/lib",
  "usr/lib/modules",
  "usr/lib/pkgconfig",
  "usr/lib/systemd",
  "usr/lib/systemd/system",
  "usr/lib64",
  "usr/lib64/pkgconfig",
  "usr/libexec",
  "usr/sbin",
  "usr/share",
  "usr/share/doc",
  "usr/share/licenses",
  "usr/share/man",
  "usr/share/man/man1",
  "usr/share/man/man5",
  "usr/share/man/man8",
  "usr/share/pkgconfig",
  "usr/src",
  "var",
  "var/lib",
  "var/log",
]);

interface Dependency {
  readonly name: string;
  readonly flags: number;
  readonly version: string;
}

const OPERATORS: Record<string, number> = {
  "<": SENSE.less,
  "<=": SENSE.less | SENSE.equal,
  "=": SENSE.equal,
  ">=": SENSE.greater | SENSE.equal,
  ">": SENSE.greater,
};

/**
 * "name", "name OP version", or a rich (boolean) dependency in parentheses such as
 * "(curl or wget)"; throws with the text on anything else.
 */
export function parseDependency(text: string): Dependency {
  const trimmed = text.trim();
  if (trimmed.startsWith("(")) {
    // Balanced, and the first "(" closes only at the end: one expression, not "(a) or (b)".
    let depth = 0;
    let closedEarly = false;
    for (const [i, c] of [...trimmed].entries()) {
      depth += c === "(" ? 1 : c === ")" ? -1 : 0;
      closedEarly ||= depth <= 0 && i !== trimmed.length - 1;
    }
    if (depth !== 0 || closedEarly || /^\(\s*\)$/.test(trimmed)) {
      throw new Error(`dependency "${text}": a rich dependency must be one balanced (...) expression`);
    }
    return { name: trimmed, flags: 0, version: "" };
  }
  const match = /^([^\s<>=(][^\s<>=]*)(?:\s+(<=|>=|<|>|=)\s+([^\s<>=()]+))?$/.exec(trimmed);
  if (match === null) {
    throw new Error(`dependency "${text}": expected "name", "name OP version" with OP one of < <= = >= >, or "(rich expression)"`);
  }
  const [, name = "", op, version] = match;
  return op === undefined ? { name, flags: 0, version: "" } : { name, flags: OPERATORS[op] ?? 0, version: version ?? "" };
}

function compareDependencies(a: Dependency, b: Dependency): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.flags - b.flags || (a.version < b.version ? -1 : a.version > b.version ? 1 : 0);
}

/** Sorted and without repeats, so the same inputs give the same header. */
function normalized(deps: readonly Dependency[]): Dependency[] {
  const seen = new Set<string>();
  return [...deps].sort(compareDependencies).filter((d) => {
    const key = `${d.name}\0${d.flags}\0${d.version}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

function hex(algorithm: string, ...parts: Uint8Array[]): string {
  const hash = createHash(algorithm);
  parts.forEach((p) => hash.update(p));
  return hash.digest("hex");
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The 96-byte lead every rpm file starts with (only its magic and name are still read). */
function lead(nameVersionRelease: string): Uint8Array {
  const out = new Uint8Array(96);
  const view = new DataView(out.buffer);
  out.set([0xed, 0xab, 0xee, 0xdb, 3, 0], 0); // magic, format 3.0
  view.setUint16(6, 0); // binary package
  view.setUint16(8, 1); // architecture number: x86 family
  out.set(new TextEncoder().encode(nameVersionRelease).subarray(0, 65), 10);
  view.setUint16(76, 1); // operating system number: Linux
  view.setUint16(78, 5); // signature type: a header-style signature follows
  return out;
}

function checkName(what: string, value: string, pattern: RegExp): void {
  if (!pattern.test(value)) {
    throw new Error(`${what} "${value}" is not usable in an rpm (allowed: ${pattern.source})`);
  }
}

/** The files of the package: what it owns, and the dependencies its ELF files imply. */
interface FileList {
  readonly owned: readonly TreeEntry[];
  readonly provides: readonly Dependency[];
  readonly requires: readonly Dependency[];
}

function fileList(meta: RpmMetadata, entries: readonly TreeEntry[]): FileList {
  const owned = entries.filter((e) => e.kind !== "dir" || !SYSTEM_DIRECTORIES.has(e.path));
  if (!owned.some((e) => e.kind !== "dir")) {
    throw new Error("the tree holds no files");
  }
  for (const conffile of meta.conffiles) {
    const entry = entries.find((e) => `/${e.path}` === conffile);
    if (entry === undefined || entry.kind !== "file") {
      throw new Error(`conffile ${conffile} is not a file of the tree`);
    }
  }
  if (!meta.automaticDependencies) {
    return { owned, provides: [], requires: [] };
  }
  const sonames = new Set<string>();
  const needed = new Set<string>();
  const interpreters = new Set<string>();
  for (const entry of entries) {
    if (entry.kind !== "file") {
      continue;
    }
    const interpreter = scriptInterpreter(entry);
    if (interpreter !== undefined) {
      interpreters.add(interpreter);
    }
    if (!isElf(entry.data)) {
      continue;
    }
    const dynamic = readElfDynamic(entry.data, `/${entry.path}`);
    if (dynamic.soname !== undefined) {
      sonames.add(dynamic.soname);
    }
    dynamic.needed.forEach((n) => needed.add(n));
  }
  const elf64 = (soname: string, flags: number): Dependency => ({ name: `${soname}()(64bit)`, flags, version: "" });
  return {
    owned,
    provides: [...sonames].map((s) => elf64(s, SENSE.findProvides)),
    requires: [
      ...[...needed].filter((n) => !sonames.has(n)).map((n) => elf64(n, SENSE.findRequires)),
      ...[...interpreters].map((i) => ({ name: i, flags: SENSE.findRequires, version: "" })),
    ],
  };
}

/** The interpreter an executable script names on its #! line (rpm requires it), if any. */
function scriptInterpreter(entry: TreeEntry & { kind: "file" }): string | undefined {
  if ((entry.mode & 0o111) === 0 || entry.data[0] !== 0x23 || entry.data[1] !== 0x21) {
    return undefined;
  }
  const end = entry.data.indexOf(0x0a);
  const line = new TextDecoder().decode(entry.data.subarray(2, end < 0 ? Math.min(entry.data.length, 256) : end));
  const interpreter = line.trim().split(/\s+/)[0] ?? "";
  return interpreter.startsWith("/") ? interpreter : undefined;
}

function fileFlags(meta: RpmMetadata, entry: TreeEntry): number {
  const path = `/${entry.path}`;
  if (meta.conffiles.includes(path)) {
    return FILE_CONFIG | FILE_NOREPLACE;
  }
  if (entry.kind === "file" && path.startsWith("/usr/share/doc/")) {
    return path.endsWith("/copyright") || path.endsWith("/LICENSE") ? FILE_LICENSE : FILE_DOC;
  }
  return 0;
}

function fileMode(entry: TreeEntry): number {
  switch (entry.kind) {
    case "dir":
      return S_IFDIR | (entry.mode & 0o7777);
    case "file":
      return S_IFREG | (entry.mode & 0o7777);
    case "symlink":
      return S_IFLNK | 0o777;
  }
}

function fileSize(entry: TreeEntry): number {
  const size = entry.kind === "file" ? entry.data.length : entry.kind === "symlink" ? new TextEncoder().encode(entry.target).length : 0;
  if (size > 0xffffffff) {
    throw new Error(`/${entry.path}: larger than the 4 GiB an rpm file size holds`);
  }
  return size;
}

function ints(type: TagType.Int16 | TagType.Int32, values: readonly number[]): HeaderValue {
  return { type, values };
}

function strings(values: readonly string[]): HeaderValue {
  return { type: TagType.StringArray, values };
}

function text(value: string): HeaderValue {
  return { type: TagType.String, value };
}

function i18n(value: string): HeaderValue {
  return { type: TagType.I18nString, values: [value] };
}

function setDependencies(tags: Map<number, HeaderValue>, deps: readonly Dependency[], name: number, flags: number, version: number): void {
  if (deps.length === 0) {
    return;
  }
  tags.set(name, strings(deps.map((d) => d.name)));
  tags.set(flags, ints(TagType.Int32, deps.map((d) => d.flags)));
  tags.set(version, strings(deps.map((d) => d.version)));
}

/**
 * A binary rpm (format 3 lead, header signature, immutable header, gzip'd cpio payload) of the
 * tree's entries (//tools/archive buildTree: sorted, parents first). Every field is derived from
 * the inputs and FIXED_MTIME, so the same inputs give the same bytes. Throws on bad metadata.
 */
export function writeRpm(meta: RpmMetadata, entries: readonly TreeEntry[]): Uint8Array {
  checkName("name", meta.name, /^[A-Za-z0-9_+][A-Za-z0-9._+-]*$/);
  checkName("version", meta.version, /^[A-Za-z0-9._+~^]+$/);
  checkName("release", meta.release, /^[A-Za-z0-9._+~^]+$/);
  checkName("arch", meta.arch, /^x86_64$/);
  if (meta.summary.includes("\n") || meta.summary.trim() === "") {
    throw new Error(`summary "${meta.summary}" must be one non-empty line`);
  }
  const files = fileList(meta, entries);
  const evr = `${meta.version}-${meta.release}`;

  const provides = normalized([
    { name: meta.name, flags: SENSE.equal, version: evr },
    { name: `${meta.name}(x86-64)`, flags: SENSE.equal, version: evr },
    ...meta.provides.map(parseDependency),
    ...files.provides,
  ]);
  const scriptKinds = SCRIPT_KINDS.filter((k) => meta.scripts[k] !== undefined);
  const given = meta.requires.map(parseDependency);
  // A soname the metadata already requires is not repeated as a generated requirement.
  const generated = files.requires.filter((r) => !given.some((g) => g.name === r.name));
  const rpmlib = (feature: string, version: string): Dependency => ({ name: `rpmlib(${feature})`, flags: SENSE.rpmlib | SENSE.less | SENSE.equal, version });
  const conflicts = normalized(meta.conflicts.map(parseDependency));
  const rich = [...given, ...conflicts].some((d) => d.name.startsWith("("));
  const requires = normalized([
    ...given,
    ...generated,
    ...scriptKinds.map((k) => ({ name: "/bin/sh", flags: SENSE.interp | SCRIPT_TAGS[k].sense, version: "" })),
    rpmlib("CompressedFileNames", "3.0.4-1"),
    rpmlib("FileDigests", "4.6.0-1"),
    rpmlib("PayloadFilesHavePrefix", "4.0-1"),
    ...(rich ? [rpmlib("RichDependencies", "4.12.0-1")] : []),
  ]);

  const payload = writeNewc(files.owned.map((e) => ({ ...e, path: `./${e.path}` })));
  const compressed = gzipSync(payload, { level: 9 });

  const dirNames: string[] = [];
  const dirIndex = new Map<string, number>();
  const dirIndexes: number[] = [];
  const baseNames: string[] = [];
  for (const entry of files.owned) {
    const slash = entry.path.lastIndexOf("/");
    const dir = `/${entry.path.slice(0, slash + 1)}`;
    if (!dirIndex.has(dir)) {
      dirIndex.set(dir, dirNames.length);
      dirNames.push(dir);
    }
    dirIndexes.push(dirIndex.get(dir) ?? 0);
    baseNames.push(entry.path.slice(slash + 1));
  }
  const owned = files.owned;
  const sizes = owned.map(fileSize);

  const tags = new Map<number, HeaderValue>([
    [TAG.i18nTable, strings(["C"])],
    [TAG.name, text(meta.name)],
    [TAG.version, text(meta.version)],
    [TAG.release, text(meta.release)],
    [TAG.summary, i18n(meta.summary)],
    [TAG.description, i18n(meta.description || meta.summary)],
    [TAG.buildTime, ints(TagType.Int32, [FIXED_MTIME])],
    [TAG.buildHost, text("localhost")],
    [TAG.size, ints(TagType.Int32, [Math.min(sizes.reduce((a, b) => a + b, 0), 0xffffffff)])],
    [TAG.license, text(meta.license)],
    [TAG.group, i18n("Unspecified")],
    [TAG.os, text("linux")],
    [TAG.arch, text(meta.arch)],
    [TAG.fileSizes, ints(TagType.Int32, sizes)],
    [TAG.fileModes, ints(TagType.Int16, owned.map(fileMode))],
    [TAG.fileRdevs, ints(TagType.Int16, owned.map(() => 0))],
    [TAG.fileMtimes, ints(TagType.Int32, owned.map(() => FIXED_MTIME))],
    [TAG.fileDigests, strings(owned.map((e) => (e.kind === "file" ? hex("sha256", e.data) : "")))],
    [TAG.fileLinkTos, strings(owned.map((e) => (e.kind === "symlink" ? e.target : "")))],
    [TAG.fileFlags, ints(TagType.Int32, owned.map((e) => fileFlags(meta, e)))],
    [TAG.fileUserName, strings(owned.map(() => "root"))],
    [TAG.fileGroupName, strings(owned.map(() => "root"))],
    // Without a source rpm name rpm takes the package for a source package.
    [TAG.sourceRpm, text(`${meta.name}-${evr}.src.rpm`)],
    [TAG.fileVerifyFlags, ints(TagType.Int32, owned.map(() => 0xffffffff))],
    [TAG.fileDevices, ints(TagType.Int32, owned.map(() => 1))],
    // Distinct inode numbers: rpm takes files sharing (device, inode) for hard links.
    [TAG.fileInodes, ints(TagType.Int32, owned.map((_, i) => i + 1))],
    [TAG.fileLangs, strings(owned.map(() => ""))],
    [TAG.dirIndexes, ints(TagType.Int32, dirIndexes)],
    [TAG.baseNames, strings(baseNames)],
    [TAG.dirNames, strings(dirNames)],
    [TAG.payloadFormat, text("cpio")],
    [TAG.payloadCompressor, text("gzip")],
    [TAG.payloadFlags, text("9")],
    [TAG.fileDigestAlgo, ints(TagType.Int32, [DIGEST_SHA256])],
    [TAG.encoding, text("utf-8")],
    [TAG.payloadDigest, strings([hex("sha256", compressed)])],
    [TAG.payloadDigestAlgo, ints(TagType.Int32, [DIGEST_SHA256])],
  ]);
  if (meta.url !== undefined && meta.url !== "") {
    tags.set(TAG.url, text(meta.url));
  }
  for (const kind of scriptKinds) {
    tags.set(SCRIPT_TAGS[kind].body, text(meta.scripts[kind] ?? ""));
    tags.set(SCRIPT_TAGS[kind].prog, text("/bin/sh"));
  }
  setDependencies(tags, provides, TAG.provideName, TAG.provideFlags, TAG.provideVersion);
  setDependencies(tags, requires, TAG.requireName, TAG.requireFlags, TAG.requireVersion);
  setDependencies(tags, conflicts, TAG.conflictName, TAG.conflictFlags, TAG.conflictVersion);
  const header = encodeHeader(REGION_IMMUTABLE, tags);

  if (header.length + compressed.length > 0xffffffff || payload.length > 0xffffffff) {
    throw new Error("the package is larger than the 4 GiB an rpm signature size holds");
  }
  const signature = encodeHeader(
    REGION_SIGNATURES,
    new Map<number, HeaderValue>([
      [SIGTAG.sha1, text(hex("sha1", header))],
      [SIGTAG.sha256, text(hex("sha256", header))],
      [SIGTAG.size, ints(TagType.Int32, [header.length + compressed.length])],
      [SIGTAG.md5, { type: TagType.Bin, bytes: createHash("md5").update(header).update(compressed).digest() }],
      [SIGTAG.payloadSize, ints(TagType.Int32, [payload.length])],
    ]),
  );
  const signaturePad = new Uint8Array((8 - (signature.length % 8)) % 8);
  return concat([lead(`${meta.name}-${evr}`), signature, signaturePad, header, compressed]);
}
