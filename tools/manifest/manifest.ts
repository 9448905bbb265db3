import { readFileSync } from "node:fs";
import { UserError } from "../common/user_error";

/** The kinds of artifact the project ships. */
export const KINDS = ["deb", "rpm", "tar.gz", "oci"] as const;
export type Kind = (typeof KINDS)[number];

/** How to speak of an artifact of each kind, with its article: "a deb package", "an image". */
export const KIND_NOUNS: Record<Kind, string> = {
  deb: "a deb package",
  rpm: "an rpm package",
  "tar.gz": "a tarball",
  oci: "an image",
};

/** What an artifact does; each property is tied to a naming rule (tools/naming/rules). */
export const PROPERTIES = [
  "daemon",
  "kernel-module",
  "ebpf-probe",
  "ptrace-driver",
  "privileged",
  "development",
  "installs-and-exits",
] as const;
export type Property = (typeof PROPERTIES)[number];

/** The drivers falco can capture with. */
export const DRIVERS = ["kmod", "bpf", "ptrace"] as const;
export type Driver = (typeof DRIVERS)[number];

/** One file (or folder, ending in `/`) an artifact installs, and what it is for. */
export interface ContentEntry {
  path: string;
  what: string;
}

/** One release artifact, as packaging/artifacts.bzl describes it. */
export interface Artifact {
  name: string;
  kind: Kind;
  version: string;
  arch: string;
  file: string;
  summary: string;
  contents: readonly ContentEntry[];
  depends: readonly string[];
  conflicts: readonly string[];
  properties: readonly Property[];
  driver: Driver | "";
  entrypoint: readonly string[];
}

export interface Manifest {
  source: string;
  artifacts: readonly Artifact[];
}

/** Reads one field of untrusted JSON, failing with the source and the field's path. */
class Reader {
  constructor(
    private readonly source: string,
    private readonly path: string,
    private readonly value: unknown,
  ) {}

  private fail(problem: string): never {
    throw new UserError(this.source, `${this.path}: ${problem}`);
  }

  field(name: string): Reader {
    if (typeof this.value !== "object" || this.value === null || Array.isArray(this.value)) {
      this.fail("expected an object");
    }
    return new Reader(this.source, `${this.path}.${name}`, (this.value as Record<string, unknown>)[name]);
  }

  string(): string {
    if (typeof this.value !== "string") {
      this.fail(`expected a string, found ${JSON.stringify(this.value) ?? "nothing"}`);
    }
    return this.value;
  }

  oneOf<T extends string>(allowed: readonly T[]): T {
    const text = this.string();
    const found = allowed.find((a) => a === text);
    if (found === undefined) {
      this.fail(`'${text}' is not one of ${allowed.join(", ")}`);
    }
    return found;
  }

  list<T>(read: (item: Reader) => T): T[] {
    if (!Array.isArray(this.value)) {
      this.fail("expected a list");
    }
    return this.value.map((item: unknown, i) => read(new Reader(this.source, `${this.path}[${i}]`, item)));
  }
}

function readArtifact(r: Reader): Artifact {
  return {
    name: r.field("name").string(),
    kind: r.field("kind").oneOf(KINDS),
    version: r.field("version").string(),
    arch: r.field("arch").string(),
    file: r.field("file").string(),
    summary: r.field("summary").string(),
    contents: r.field("contents").list((c) => ({ path: c.field("path").string(), what: c.field("what").string() })),
    depends: r.field("depends").list((d) => d.string()),
    conflicts: r.field("conflicts").list((d) => d.string()),
    properties: r.field("properties").list((p) => p.oneOf(PROPERTIES)),
    driver: r.field("driver").oneOf<Driver | "">(["", ...DRIVERS]),
    entrypoint: r.field("entrypoint").list((e) => e.string()),
  };
}

/** Checks what the shape alone cannot: unique files, and dependencies that name real packages. */
function checkReferences(source: string, artifacts: readonly Artifact[]): void {
  const files = new Set<string>();
  const names = new Set(artifacts.map((a) => a.name));
  for (const artifact of artifacts) {
    if (files.has(artifact.file)) {
      throw new UserError(source, `${artifact.file}: listed twice`);
    }
    files.add(artifact.file);
    for (const other of [...artifact.depends, ...artifact.conflicts]) {
      if (!names.has(other)) {
        throw new UserError(source, `${artifact.file}: depends on or conflicts with '${other}', which is not an artifact`);
      }
    }
  }
}

/** Parses the manifest JSON that //packaging:artifacts.json holds. */
export function parseManifest(text: string, source: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error: unknown) {
    throw new UserError(source, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const artifacts = new Reader(source, "$", json).field("artifacts").list(readArtifact);
  checkReferences(source, artifacts);
  return { source, artifacts };
}

export function loadManifest(path: string): Manifest {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error: unknown) {
    throw new UserError(path, `cannot read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseManifest(text, path);
}

/** Packages and tarballs: the artifacts that ship an INSTALL. */
export function isInstallable(artifact: Artifact): boolean {
  return artifact.kind !== "oci";
}
