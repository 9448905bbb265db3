import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { TreeEntry } from "../archive/tree";

/** The media types of the OCI image spec 1.0 this writer uses. */
export const MEDIA_TYPES = {
  index: "application/vnd.oci.image.index.v1+json",
  manifest: "application/vnd.oci.image.manifest.v1+json",
  config: "application/vnd.oci.image.config.v1+json",
  layer: "application/vnd.oci.image.layer.v1.tar+gzip",
} as const;

/** The annotation of index.json that names a manifest (what `oci:DIR:NAME` refers to). */
export const REF_NAME_ANNOTATION = "org.opencontainers.image.ref.name";

/** One layer: an uncompressed tar of the files it adds, and a line saying where it came from. */
export interface LayerInput {
  readonly tar: Uint8Array;
  readonly createdBy: string;
}

/** What `docker inspect` calls Config: how a container of the image starts. */
export interface RunConfig {
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  readonly env: readonly string[];
  readonly workdir: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface ImageInput {
  readonly layers: readonly LayerInput[];
  readonly config: RunConfig;
  /** The name index.json gives the manifest (the version). */
  readonly refName: string;
  /** The `created` time of the config and of every history entry (RFC 3339). */
  readonly created: string;
  /** gzip level of the layers (deterministic for a given level and zlib). */
  readonly gzipLevel?: number;
}

/** A content descriptor (OCI image spec, descriptor.md). */
export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly platform?: { readonly architecture: string; readonly os: string };
}

/** A written image: the layout's files and what is in it, for callers that report. */
export interface ImageLayout {
  readonly entries: TreeEntry[];
  readonly manifest: Descriptor;
  readonly config: Descriptor;
  readonly layers: readonly Descriptor[];
  readonly diffIds: readonly string[];
}

export function sha256Digest(data: Uint8Array): string {
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}

/** JSON bytes: keys in the order the objects were built, no whitespace, a final newline-free body. */
function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(record).sort()) {
    out[key] = record[key] ?? "";
  }
  return out;
}

/** Checks what a container runtime would only reject later, naming the field. */
export function validateRunConfig(config: RunConfig): void {
  if (config.entrypoint.length === 0 && config.cmd.length === 0) {
    throw new Error("entrypoint and cmd are both empty: the image would not say what to run");
  }
  if (config.entrypoint[0] !== undefined && !config.entrypoint[0].startsWith("/")) {
    throw new Error(`entrypoint ${JSON.stringify(config.entrypoint[0])} must be an absolute path`);
  }
  for (const variable of config.env) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(variable)) {
      throw new Error(`env ${JSON.stringify(variable)} is not NAME=VALUE`);
    }
  }
  if (!config.workdir.startsWith("/")) {
    throw new Error(`workdir ${JSON.stringify(config.workdir)} must be an absolute path`);
  }
  for (const key of Object.keys(config.labels)) {
    if (key === "" || /\s/.test(key)) {
      throw new Error(`label name ${JSON.stringify(key)} is empty or has blanks`);
    }
  }
}

/**
 * An OCI image layout (spec 1.0) of one image: `oci-layout`, `index.json` naming the manifest
 * `refName`, and `blobs/sha256/` with the gzip-compressed layers, the config and the manifest.
 * The same inputs give the same bytes: JSON keys in a fixed order, labels sorted, gzip without a
 * time stamp, a fixed `created`.
 */
export function imageLayout(input: ImageInput): ImageLayout {
  validateRunConfig(input.config);
  if (input.layers.length === 0) {
    throw new Error("an image needs at least one layer");
  }
  const blobs = new Map<string, Uint8Array>();
  const addBlob = (mediaType: string, data: Uint8Array): Descriptor => {
    const digest = sha256Digest(data);
    blobs.set(digest, data);
    return { mediaType, digest, size: data.length };
  };

  const diffIds: string[] = [];
  const layers: Descriptor[] = [];
  for (const layer of input.layers) {
    diffIds.push(sha256Digest(layer.tar));
    layers.push(addBlob(MEDIA_TYPES.layer, gzipSync(layer.tar, { level: input.gzipLevel ?? 6 })));
  }

  const runConfig: Record<string, unknown> = {};
  if (input.config.env.length > 0) {
    runConfig["Env"] = [...input.config.env];
  }
  if (input.config.entrypoint.length > 0) {
    runConfig["Entrypoint"] = [...input.config.entrypoint];
  }
  if (input.config.cmd.length > 0) {
    runConfig["Cmd"] = [...input.config.cmd];
  }
  runConfig["WorkingDir"] = input.config.workdir;
  runConfig["Labels"] = sortedRecord(input.config.labels);

  const config = addBlob(
    MEDIA_TYPES.config,
    jsonBytes({
      created: input.created,
      architecture: "amd64",
      os: "linux",
      config: runConfig,
      rootfs: { type: "layers", diff_ids: diffIds },
      history: input.layers.map((layer) => ({ created: input.created, created_by: layer.createdBy })),
    }),
  );
  const manifestDescriptor = addBlob(
    MEDIA_TYPES.manifest,
    jsonBytes({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.manifest,
      config,
      layers,
      annotations: sortedRecord(input.config.labels),
    }),
  );
  const manifest: Descriptor = {
    ...manifestDescriptor,
    annotations: { [REF_NAME_ANNOTATION]: input.refName },
    platform: { architecture: "amd64", os: "linux" },
  };
  const index = jsonBytes({ schemaVersion: 2, mediaType: MEDIA_TYPES.index, manifests: [manifest] });

  const entries: TreeEntry[] = [
    { kind: "dir", path: "blobs", mode: 0o755 },
    { kind: "dir", path: "blobs/sha256", mode: 0o755 },
    ...[...blobs.keys()].sort().map((digest): TreeEntry => ({
      kind: "file",
      path: `blobs/sha256/${digest.slice("sha256:".length)}`,
      mode: 0o644,
      data: blobs.get(digest) ?? new Uint8Array(0),
    })),
    { kind: "file", path: "index.json", mode: 0o644, data: index },
    { kind: "file", path: "oci-layout", mode: 0o644, data: jsonBytes({ imageLayoutVersion: "1.0.0" }) },
  ];
  return { entries, manifest, config, layers, diffIds };
}
