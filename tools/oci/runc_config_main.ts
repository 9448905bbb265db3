import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../common/atomic_write";
import { runCli } from "../common/run_cli";
import { UserError } from "../common/user_error";
import { applyBundleChanges, privilegedCapabilities } from "./runc_bundle";
import type { BundleChanges } from "./runc_bundle";

const USAGE =
  "usage: runc_config BUNDLE [--mount SRC:DST[:ro]]... [--env NAME=VALUE]... [--cap CAP_X]... [--privileged] [--host-network] [-- COMMAND ARGS...]";

/** Edits BUNDLE/config.json in place for a test run with runc (see runc_bundle.ts). */
function main(argv: readonly string[]): number {
  const bundle = argv[0];
  if (bundle === undefined || bundle.startsWith("-")) {
    throw new UserError("BUNDLE", `is required\n${USAGE}`, 2);
  }
  const changes: { -readonly [K in keyof BundleChanges]: BundleChanges[K] } = { args: [], mounts: [], env: [], capabilities: [], hostNetwork: false };
  const mounts: BundleChanges["mounts"][number][] = [];
  const env: string[] = [];
  const capabilities: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const flag = argv[i] ?? "";
    if (flag === "--") {
      changes.args = argv.slice(i + 1);
      break;
    }
    if (flag === "--host-network") {
      changes.hostNetwork = true;
      continue;
    }
    if (flag === "--privileged") {
      const bounding = /^CapBnd:\s*([0-9a-f]+)$/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? "0";
      capabilities.push(...privilegedCapabilities(bounding));
      continue;
    }
    const value = argv[++i];
    if (value === undefined) {
      throw new UserError(flag, `needs a value\n${USAGE}`, 2);
    }
    if (flag === "--mount") {
      const [source, destination, mode] = value.split(":");
      if (source === undefined || destination === undefined || !destination.startsWith("/") || (mode !== undefined && mode !== "ro")) {
        throw new UserError(value, `not SRC:/DST or SRC:/DST:ro\n${USAGE}`, 2);
      }
      mounts.push({ source, destination, readOnly: mode === "ro" });
    } else if (flag === "--env") {
      if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) {
        throw new UserError(value, "not NAME=VALUE", 2);
      }
      env.push(value);
    } else if (flag === "--cap") {
      if (!/^CAP_[A-Z_]+$/.test(value)) {
        throw new UserError(value, "not a capability name (CAP_...)", 2);
      }
      capabilities.push(value);
    } else {
      throw new UserError(flag, `unexpected argument\n${USAGE}`, 2);
    }
  }
  const path = join(bundle, "config.json");
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(path, "utf8"));
  } catch (error: unknown) {
    throw new UserError(path, error instanceof Error ? error.message : String(error));
  }
  let edited;
  try {
    edited = applyBundleChanges(config, { ...changes, mounts, env, capabilities });
  } catch (error: unknown) {
    throw new UserError(path, error instanceof Error ? error.message : String(error));
  }
  writeFileAtomic(path, `${JSON.stringify(edited, null, 2)}\n`);
  return 0;
}

void runCli("runc_config", main);
