import { readFileSync } from "node:fs";
import { buildTree, parseTreeSpec } from "../archive/tree";
import { writeFileAtomic } from "../common/atomic_write";
import { runCli } from "../common/run_cli";
import { UserError } from "../common/user_error";
import type { MaintainerScript } from "./write_deb";
import { buildDeb, MAINTAINER_SCRIPTS } from "./write_deb";
import type { PackageSpec } from "./package_spec";
import { parsePackageSpec } from "./package_spec";

// Appended to usage errors, on the same line: every error of the tool is one line.
const USAGE = "usage: deb --tree TREE.json --package PACKAGE.json --out OUT.deb";

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function read(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error: unknown) {
    throw new UserError(path, `cannot read the ${what}: ${message(error)}`);
  }
}

/** Writes one .deb from a package tree and the package spec the deb_package rule writes. */
function main(argv: readonly string[]): number {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] ?? "";
    const value = argv[i + 1];
    if (!["--tree", "--package", "--out"].includes(flag) || value === undefined) {
      throw new UserError(flag, `unexpected argument; ${USAGE}`, 2);
    }
    flags.set(flag, value);
  }
  const treePath = flags.get("--tree");
  const specPath = flags.get("--package");
  const out = flags.get("--out");
  if (treePath === undefined || specPath === undefined || out === undefined) {
    throw new UserError("--tree/--package/--out", `are required; ${USAGE}`, 2);
  }

  let spec: PackageSpec;
  try {
    spec = parsePackageSpec(read(specPath, "package spec"));
  } catch (error: unknown) {
    throw error instanceof UserError ? error : new UserError(specPath, message(error));
  }
  const scripts: Partial<Record<MaintainerScript, Uint8Array>> = {};
  for (const name of MAINTAINER_SCRIPTS) {
    const path = spec.scripts[name];
    if (path === undefined) {
      continue;
    }
    try {
      scripts[name] = readFileSync(path);
    } catch (error: unknown) {
      throw new UserError(path, `cannot read the ${name} script: ${message(error)}`);
    }
  }
  let tree: ReturnType<typeof buildTree>;
  try {
    tree = buildTree(parseTreeSpec(read(treePath, "tree"), treePath));
  } catch (error: unknown) {
    throw error instanceof UserError ? error : new UserError(treePath, message(error));
  }
  let deb: Uint8Array;
  try {
    deb = buildDeb({ control: spec.control, tree, scripts, conffiles: spec.conffiles, lintianOverrides: spec.lintianOverrides });
  } catch (error: unknown) {
    throw new UserError(`${spec.control.package} (${treePath})`, message(error));
  }
  writeFileAtomic(out, deb);
  return 0;
}

void runCli("deb", main);
