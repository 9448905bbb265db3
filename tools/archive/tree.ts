import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { isElf } from "./elf";

/** One member of a package or image tree. Paths are relative ("usr/bin/falco"), without "./". */
export type TreeEntry =
  | { readonly kind: "dir"; readonly path: string; readonly mode: number }
  | { readonly kind: "file"; readonly path: string; readonly mode: number; readonly data: Uint8Array }
  | { readonly kind: "symlink"; readonly path: string; readonly target: string };

/** How a tree is described on the command line of the archive tools (a JSON file). */
export interface TreeSpecEntry {
  readonly path: string;
  /** tree: every file under the directory `src`, placed under `path` (programs 0755, others 0644; see isProgram) */
  readonly kind: "dir" | "file" | "symlink" | "tree";
  readonly mode?: number;
  /** file: the file to copy, relative to the working directory */
  readonly src?: string;
  /** file: inline contents instead of src */
  readonly content?: string;
  /** symlink: where it points */
  readonly target?: string;
}

/** A path in tree form: relative, no empty, "." or ".." parts. */
export function normalizeTreePath(path: string): string {
  const parts = path.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.length === 0 || parts.includes("..")) {
    throw new Error(`${path}: not a usable path inside an archive`);
  }
  return parts.join("/");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses a tree spec (the JSON the Bazel rules write), naming the file and entry on errors. */
export function parseTreeSpec(text: string, source: string): TreeSpecEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error: unknown) {
    throw new Error(`${source}: not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(parsed)) {
    throw new Error(`${source}: expected a list of entries`);
  }
  return parsed.map((item: unknown, index) => {
    if (!isRecord(item) || typeof item["path"] !== "string" || !["dir", "file", "symlink", "tree"].includes(String(item["kind"]))) {
      throw new Error(`${source}: entry ${index}: needs a string "path" and a "kind" of dir, file, symlink or tree`);
    }
    const entry: TreeSpecEntry = {
      path: item["path"],
      kind: item["kind"] as TreeSpecEntry["kind"],
      ...(typeof item["mode"] === "number" ? { mode: item["mode"] } : {}),
      ...(typeof item["src"] === "string" ? { src: item["src"] } : {}),
      ...(typeof item["content"] === "string" ? { content: item["content"] } : {}),
      ...(typeof item["target"] === "string" ? { target: item["target"] } : {}),
    };
    if (entry.kind === "tree" && entry.src === undefined) {
      throw new Error(`${source}: entry ${index} (${entry.path}): a tree needs "src", the directory to copy`);
    }
    if (entry.kind === "file" && entry.src === undefined && entry.content === undefined) {
      throw new Error(`${source}: entry ${index} (${entry.path}): a file needs "src" or "content"`);
    }
    if (entry.kind === "symlink" && entry.target === undefined) {
      throw new Error(`${source}: entry ${index} (${entry.path}): a symlink needs "target"`);
    }
    return entry;
  });
}

/**
 * The entries of a tree: the spec's, with file contents read, plus every missing parent directory
 * (mode 0755), sorted by path so that a directory comes before what it holds.
 */
export function buildTree(spec: readonly TreeSpecEntry[], read: (src: string) => Uint8Array = (src) => readFileSync(src)): TreeEntry[] {
  const entries = new Map<string, TreeEntry>();
  for (const s of spec.flatMap((e) => (e.kind === "tree" ? expandDirectory(e.src ?? "", e.path) : [e]))) {
    const path = normalizeTreePath(s.path);
    if (entries.has(path)) {
      throw new Error(`${path}: listed twice`);
    }
    if (s.kind === "dir") {
      entries.set(path, { kind: "dir", path, mode: s.mode ?? 0o755 });
    } else if (s.kind === "symlink") {
      entries.set(path, { kind: "symlink", path, target: s.target ?? "" });
    } else {
      const data = s.content !== undefined ? new TextEncoder().encode(s.content) : read(s.src ?? "");
      entries.set(path, { kind: "file", path, mode: s.mode ?? 0o644, data });
    }
  }
  for (const path of [...entries.keys()]) {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join("/");
      const existing = entries.get(parent);
      if (existing === undefined) {
        entries.set(parent, { kind: "dir", path: parent, mode: 0o755 });
      } else if (existing.kind !== "dir") {
        throw new Error(`${path}: its parent ${parent} is not a directory`);
      }
    }
  }
  return [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Whether a file of a directory output is a program: a script (`#!`) or an ELF executable or
 * shared object. Bazel marks every output file executable, so the mode bits cannot tell.
 */
export function isProgram(head: Uint8Array): boolean {
  if (head[0] === 0x23 && head[1] === 0x21) {
    return true;
  }
  // e_type (little-endian, at offset 16): 2 is an executable, 3 a shared object or PIE.
  return isElf(head) && (head[16] === 2 || head[16] === 3) && head[17] === 0;
}

function fileHead(src: string): Uint8Array {
  const fd = openSync(src, "r");
  try {
    const head = new Uint8Array(18);
    const got = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** The files under directory `dir` (recursively, sorted) as file entries under `path`. */
function expandDirectory(dir: string, path: string): TreeSpecEntry[] {
  const out: TreeSpecEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    const src = join(dir, name);
    const st = statSync(src);
    if (st.isDirectory()) {
      out.push({ kind: "dir", path: `${path}/${name}`, mode: 0o755 }, ...expandDirectory(src, `${path}/${name}`));
    } else {
      out.push({ kind: "file", path: `${path}/${name}`, src, mode: isProgram(fileHead(src)) ? 0o755 : 0o644 });
    }
  }
  return out;
}
