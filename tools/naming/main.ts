import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { runCli } from "../common/run_cli";
import { UserError } from "../common/user_error";
import type { Manifest } from "../manifest/manifest";
import { loadManifest } from "../manifest/manifest";
import { checkManifest, checkProduced } from "./checks";
import type { Verdict } from "./validate";
import { formatVerdict, validateName } from "./validate";

const USAGE = [
  "usage: bazel run //tools/naming -- [--file NAMES] NAME...",
  "       naming --manifest artifacts.json --check-manifest",
  "       naming --manifest artifacts.json --check-produced PATH...",
].join("\n");

type Mode = "names" | "manifest" | "produced" | "help";

interface Options {
  manifest: string | undefined;
  mode: Mode;
  names: string[];
}

/** Paths the user typed are relative to where they ran `bazel run`, not to the runfiles. */
function userPath(path: string): string {
  const base = process.env["BUILD_WORKING_DIRECTORY"];
  return base && !isAbsolute(path) ? resolve(base, path) : path;
}

function readNames(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(userPath(path), "utf8");
  } catch (error: unknown) {
    throw new UserError(path, `cannot read: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith("#"));
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { manifest: undefined, mode: "names", names: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) {
        throw new UserError(arg, `needs a value\n${USAGE}`, 2);
      }
      return next;
    };
    if (arg === "--manifest") {
      options.manifest = value();
    } else if (arg === "--file" || arg === "-f") {
      options.names.push(...readNames(value()));
    } else if (arg === "--check-manifest") {
      options.mode = "manifest";
    } else if (arg === "--check-produced") {
      options.mode = "produced";
    } else if (arg === "--help" || arg === "-h") {
      options.mode = "help";
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new UserError(arg, `unknown option\n${USAGE}`, 2);
    } else {
      options.names.push(arg);
    }
  }
  if (options.mode === "names" && options.names.length === 0) {
    throw new UserError("naming", `no names given\n${USAGE}`, 2);
  }
  return options;
}

function verdicts(options: Options, manifest: Manifest | undefined): Verdict[] {
  switch (options.mode) {
    case "help":
      console.log(USAGE);
      return [];
    case "names":
      return options.names.map((name) => validateName(name, manifest));
    case "manifest":
    case "produced":
      if (manifest === undefined) {
        throw new UserError("--manifest", `is required with --check-${options.mode}`, 2);
      }
      return options.mode === "manifest" ? checkManifest(manifest) : checkProduced(manifest, options.names);
  }
}

function main(argv: readonly string[]): number {
  const options = parseOptions(argv);
  const manifest = options.manifest !== undefined ? loadManifest(options.manifest) : undefined;
  const results = verdicts(options, manifest);
  for (const verdict of results) {
    console.log(formatVerdict(verdict));
  }
  return results.every((v) => v.problems.length === 0) ? 0 : 1;
}

void runCli("naming", main);
