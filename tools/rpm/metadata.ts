import { readFileSync } from "node:fs";
import { UserError } from "../common/user_error";
import type { RpmMetadata, ScriptKind } from "./rpm";
import { SCRIPT_KINDS } from "./rpm";

export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error: unknown) {
    throw new UserError(path, `cannot read ${what}: ${message(error)}`);
  }
}

/**
 * The metadata file the rpm_package rule writes (JSON): the RpmMetadata fields in snake_case, with
 * `scripts` mapping a scriptlet kind to the file holding its body.
 */
export function parseMetadata(text: string, source: string, readScript: (path: string) => string): RpmMetadata {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error: unknown) {
    throw new UserError(source, `not JSON: ${message(error)}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new UserError(source, "expected a JSON object");
  }
  const record = parsed as Record<string, unknown>;
  const known = ["name", "version", "release", "summary", "description", "license", "arch", "url", "requires", "conflicts", "provides", "conffiles", "scripts", "automatic_dependencies"];
  const unknown = Object.keys(record).filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    throw new UserError(source, `unknown key "${unknown[0] ?? ""}" (known: ${known.join(", ")})`);
  }
  const str = (key: string, fallback?: string): string => {
    const value = record[key] ?? fallback;
    if (typeof value !== "string") {
      throw new UserError(source, `"${key}" must be a string`);
    }
    return value;
  };
  const list = (key: string): string[] => {
    const value = record[key] ?? [];
    if (!Array.isArray(value) || !value.every((v): v is string => typeof v === "string")) {
      throw new UserError(source, `"${key}" must be a list of strings`);
    }
    return value;
  };
  const scriptsValue = record["scripts"] ?? {};
  if (typeof scriptsValue !== "object" || scriptsValue === null || Array.isArray(scriptsValue)) {
    throw new UserError(source, `"scripts" must be an object of kind -> file`);
  }
  const scripts: Partial<Record<ScriptKind, string>> = {};
  for (const [kind, path] of Object.entries(scriptsValue as Record<string, unknown>)) {
    const scriptKind = SCRIPT_KINDS.find((k) => k === kind);
    if (scriptKind === undefined || typeof path !== "string") {
      throw new UserError(source, `scripts: "${kind}" must be one of ${SCRIPT_KINDS.join(", ")} and name a file`);
    }
    scripts[scriptKind] = readScript(path);
  }
  const automatic = record["automatic_dependencies"] ?? true;
  if (typeof automatic !== "boolean") {
    throw new UserError(source, `"automatic_dependencies" must be true or false`);
  }
  const conffiles = list("conffiles");
  const relative = conffiles.find((c) => !c.startsWith("/"));
  if (relative !== undefined) {
    throw new UserError(source, `conffile "${relative}" must be an absolute path`);
  }
  return {
    name: str("name"),
    version: str("version"),
    release: str("release", "1"),
    summary: str("summary"),
    description: str("description", ""),
    license: str("license"),
    arch: str("arch", "x86_64"),
    url: str("url", ""),
    requires: list("requires"),
    conflicts: list("conflicts"),
    provides: list("provides"),
    conffiles,
    scripts,
    automaticDependencies: automatic,
  };
}
