import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { writeFileAtomic } from "../../common/atomic_write";
import { runCli } from "../../common/run_cli";
import { UserError } from "../../common/user_error";
import { installedParagraph, parsePackageSets, parseParagraphs, parsePrintUris, renderPins, setsBelow } from "./pin_table";
import type { PackageSet, Pin } from "./pin_table";

const USAGE = "usage: bazel run //tools/bazel/debian:pins -- [--sets package_sets.json] [--out pins.bzl]";
const COMMAND = "bazel run //tools/bazel/debian:pins";
const MIRROR = "deb.debian.org";

/** Paths given to `bazel run` are relative to the workspace, not to the runfiles it runs in. */
function workspacePath(path: string): string {
  const root = process.env["BUILD_WORKSPACE_DIRECTORY"];
  return isAbsolute(path) || root === undefined ? path : join(root, path);
}

function run(program: string, args: readonly string[]): string {
  const result = spawnSync(program, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new UserError(`${program} ${args.filter((a) => !a.startsWith("-o") && !a.includes("::")).join(" ")}`, `failed: ${(result.stderr || result.error?.message || "").trim()}`);
  }
  return result.stdout;
}

/**
 * Prints the pin table of every set of package_sets.json from this machine's apt lists: for each
 * set, what `apt-get install --print-uris` would download on a system that has only the sets
 * below it (a dpkg status file of just those, plus the packages left out), with each file's
 * sha256 from `apt-cache show`. Only Debian's own archive counts: other origins apt knows
 * (third-party repositories) are pinned away.
 */
function main(argv: readonly string[]): number {
  let setsFile = "tools/bazel/debian/package_sets.json";
  let out: string | undefined = "tools/bazel/debian/pins.bzl";
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    if (argv[i] === "--sets" && value !== undefined) {
      setsFile = value;
    } else if (argv[i] === "--out" && value !== undefined) {
      out = value === "-" ? undefined : value;
    } else {
      throw new UserError(argv[i] ?? "", `unexpected argument\n${USAGE}`, 2);
    }
  }
  let sets: PackageSet[];
  try {
    sets = parsePackageSets(readFileSync(workspacePath(setsFile), "utf8"), setsFile);
  } catch (error: unknown) {
    throw new UserError(setsFile, error instanceof Error ? error.message.replace(`${setsFile}: `, "") : String(error));
  }

  const scratch = mkdtempSync(join(tmpdir(), "debian-pins-"));
  try {
    const archives = join(scratch, "archives");
    mkdirSync(join(archives, "partial"), { recursive: true });
    mkdirSync(join(scratch, "preferences.d"));
    const status = join(scratch, "status");
    const preferences = join(scratch, "preferences");
    const aptOptions = [
      `-o=Dir::State::status=${status}`,
      `-o=Dir::Cache::archives=${archives}`,
      `-o=Dir::Etc::Preferences=${preferences}`,
      `-o=Dir::Etc::PreferencesParts=${join(scratch, "preferences.d")}`,
      "-o=Debug::NoLocking=1",
      // Else apt reinstalls the left-out binaries of a source package it installs others of.
      "-o=APT::Get::Upgrade-By-Source-Package=false",
    ];
    writeFileSync(status, "");
    const origins = new Set([...run("apt-cache", ["policy"]).matchAll(/^\s+origin (\S+)$/gm)].map((m) => m[1] ?? ""));
    writeFileSync(
      preferences,
      [...origins]
        .filter((o) => o !== MIRROR)
        .sort()
        .map((o) => `Package: *\nPin: origin "${o}"\nPin-Priority: -1\n`)
        .join("\n"),
    );

    /** `apt-cache show` paragraphs (raw text) of name=version, each version from every archive that has it. */
    const show = (specs: readonly string[]): Map<string, string[]> => {
      const found = new Map<string, string[]>();
      if (specs.length === 0) {
        return found;
      }
      const text = run("apt-cache", ["show", ...aptOptions, ...specs]);
      for (const raw of text.split(/\n\s*\n/).filter((p) => p.trim() !== "")) {
        const fields = parseParagraphs(raw)[0] ?? new Map<string, string>();
        const key = `${fields.get("Package") ?? ""}=${fields.get("Version") ?? ""}`;
        found.set(key, [...(found.get(key) ?? []), raw]);
      }
      return found;
    };

    const results: { set: PackageSet; pins: Pin[] }[] = [];
    for (const set of sets) {
      const below = setsBelow(set, sets).flatMap((s) => results.find((r) => r.set.name === s.name)?.pins ?? []);
      const installed = show(below.map((p) => `${p.name}=${p.version}`));
      const leftOut = set.leave_out.map((name) => {
        const candidate = run("apt-cache", ["show", "--no-all-versions", ...aptOptions, name]).split(/\n\s*\n/)[0] ?? "";
        return installedParagraph(candidate, true);
      });
      const installedText = [...installed.values()].map((versions) => installedParagraph(versions[0] ?? "", false));
      writeFileSync(status, [...installedText, ...leftOut].join("\n"));
      const uris = parsePrintUris(run("apt-get", ["install", "--print-uris", "-qq", "--no-install-recommends", ...aptOptions, ...set.packages]));
      const paragraphs = show(uris.map((u) => `${u.name}=${u.version}`));
      const pins = uris.map((u): Pin => {
        const match = new RegExp(`^https?://${MIRROR.replace(/\./g, "\\.")}/(.+)$`).exec(u.uri);
        if (match === null) {
          throw new UserError(u.uri, `${u.name} of set ${set.name} does not come from ${MIRROR}`);
        }
        // The paragraph of the archive apt downloads from (a version can be in two pools).
        const fields = (paragraphs.get(`${u.name}=${u.version}`) ?? [])
          .map((raw) => parseParagraphs(raw)[0] ?? new Map<string, string>())
          .find((f) => decodeURIComponent(match[1] ?? "").endsWith(`/${f.get("Filename") ?? "?"}`));
        const sha256 = fields?.get("SHA256");
        if (sha256 === undefined || !/^[0-9a-f]{64}$/.test(sha256)) {
          throw new UserError(`${u.name}=${u.version}`, "apt-cache show gives no SHA256");
        }
        return { name: u.name, version: u.version, path: match[1] ?? "", sha256, size: u.size };
      });
      results.push({ set, pins });
      process.stderr.write(`${set.name}: ${pins.length} packages\n`);
    }
    const text = renderPins(results, COMMAND);
    if (out === undefined) {
      process.stdout.write(text);
    } else {
      writeFileAtomic(workspacePath(out), text);
      process.stderr.write(`wrote ${out}\n`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return 0;
}

void runCli("debian_pins", main);
