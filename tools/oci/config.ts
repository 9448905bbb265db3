import { UserError } from "../common/user_error";
import type { RunConfig } from "./layout";

/** The label the source revision goes in. */
export const REVISION_LABEL = "org.opencontainers.image.revision";

/** What the oci_image rule writes to CONFIG.json. */
export interface ImageConfigFile extends RunConfig {
  readonly ref_name: string;
  readonly created: string;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

/** Reads CONFIG.json, naming the file and the field that is wrong. */
export function parseImageConfig(text: string, source: string): ImageConfigFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error: unknown) {
    throw new UserError(source, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new UserError(source, "expected an object");
  }
  const record = parsed as Record<string, unknown>;
  for (const field of ["entrypoint", "cmd", "env"]) {
    if (!isStringList(record[field])) {
      throw new UserError(source, `"${field}" must be a list of strings`);
    }
  }
  for (const field of ["workdir", "ref_name", "created"]) {
    if (typeof record[field] !== "string" || record[field] === "") {
      throw new UserError(source, `"${field}" must be a non-empty string`);
    }
  }
  const labels = record["labels"];
  if (typeof labels !== "object" || labels === null || Array.isArray(labels) || !Object.values(labels).every((v) => typeof v === "string")) {
    throw new UserError(source, `"labels" must map names to strings`);
  }
  return {
    entrypoint: record["entrypoint"] as string[],
    cmd: record["cmd"] as string[],
    env: record["env"] as string[],
    workdir: record["workdir"] as string,
    labels: labels as Record<string, string>,
    ref_name: record["ref_name"] as string,
    created: record["created"] as string,
  };
}

/** The revision in FILE: a git commit (7-40 hex digits) with an optional `-dirty`, or `unknown`. */
export function parseRevision(text: string, source: string): string {
  const revision = text.trim();
  if (!/^([0-9a-f]{7,40}(-dirty)?|unknown)$/.test(revision)) {
    throw new UserError(source, `not a source revision (a git commit, with -dirty, or "unknown"): ${JSON.stringify(revision)}`);
  }
  return revision;
}

