import type { ControlFields } from "./control";
import type { MaintainerScript } from "./write_deb";
import { MAINTAINER_SCRIPTS } from "./write_deb";

/** What the deb_package rule writes for the tool beside the tree: control fields, scripts and conffiles. */
export interface PackageSpec {
  readonly control: ControlFields;
  /** Maintainer script -> the file holding it (relative to the working directory). */
  readonly scripts: Partial<Record<MaintainerScript, string>>;
  readonly conffiles: readonly string[] | undefined;
  readonly lintianOverrides: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(spec: Record<string, unknown>, key: string, fallback?: string): string {
  const value = spec[key] ?? fallback;
  if (typeof value !== "string") {
    throw new Error(`"${key}" must be a string`);
  }
  return value;
}

function texts(spec: Record<string, unknown>, key: string): string[] {
  const value = spec[key] ?? [];
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === "string")) {
    throw new Error(`"${key}" must be a list of strings`);
  }
  return value;
}

const KEYS = [
  "package",
  "version",
  "architecture",
  "maintainer",
  "section",
  "priority",
  "homepage",
  "summary",
  "description",
  "depends",
  "conflicts",
  "provides",
  "conffiles",
  "scripts",
  "lintian_overrides",
];

/** Parses the package spec JSON; errors say which key is wrong (the caller names the file). */
export function parsePackageSpec(json: string): PackageSpec {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error: unknown) {
    throw new Error(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(parsed)) {
    throw new Error("expected an object");
  }
  const unknown = Object.keys(parsed).filter((k) => !KEYS.includes(k));
  if (unknown.length > 0) {
    throw new Error(`unknown key "${unknown[0] ?? ""}"; known: ${KEYS.join(", ")}`);
  }
  const scriptsValue = parsed["scripts"] ?? {};
  if (!isRecord(scriptsValue)) {
    throw new Error(`"scripts" must map ${MAINTAINER_SCRIPTS.join("/")} to files`);
  }
  const scripts: Partial<Record<MaintainerScript, string>> = {};
  for (const [name, path] of Object.entries(scriptsValue)) {
    const script = MAINTAINER_SCRIPTS.find((s) => s === name);
    if (script === undefined || typeof path !== "string") {
      throw new Error(`scripts: "${name}" is not one of ${MAINTAINER_SCRIPTS.join(", ")} with a file`);
    }
    scripts[script] = path;
  }
  return {
    control: {
      package: text(parsed, "package"),
      version: text(parsed, "version"),
      architecture: text(parsed, "architecture", "amd64"),
      maintainer: text(parsed, "maintainer"),
      section: text(parsed, "section"),
      priority: text(parsed, "priority", "optional"),
      homepage: text(parsed, "homepage"),
      summary: text(parsed, "summary"),
      description: text(parsed, "description"),
      depends: texts(parsed, "depends"),
      conflicts: texts(parsed, "conflicts"),
      provides: texts(parsed, "provides"),
    },
    scripts,
    conffiles: parsed["conffiles"] === undefined || parsed["conffiles"] === null ? undefined : texts(parsed, "conffiles"),
    lintianOverrides: text(parsed, "lintian_overrides", ""),
  };
}
