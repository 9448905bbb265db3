import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { runCli } from "../common/run_cli";
import { UserError } from "../common/user_error";
import { copyWorkingTree, sourceRevision } from "../workspace/checkout";
import { invokingWorkspace, NestedBazel, runInWorkspace } from "../workspace/nested_bazel";
import type { OutputFile } from "../workspace/output_files";
import { compareOutputs, outputFiles } from "../workspace/output_files";
import { renderNginxConfig } from "./nginx_config";
import type { ProcessSummary } from "./process_summary";
import { cacheableCount, parseProcessSummary, remoteHitRate } from "./process_summary";

const USAGE = "usage: bazel run //tools/remote_cache:check -- [--bazel PATH] [--min-rate PERCENT] [--reproducible TARGET]... [TARGET...]";

/** A build with nothing changed must finish within this (the workspace issue's promise). */
const MAX_NOOP_SECONDS = 2;

interface Options {
  workspace: string;
  bazel: string;
  minRate: number;
  targets: string[];
  /** Targets whose files the cold build must reproduce byte for byte from the workspace's own build. */
  reproducible: string[];
}

/** The flags of the builds compared: the CI's, so that the workspace's build after `.ci/run` is a no-op. */
const CI_FLAGS = ["--config=ci-local"];

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { ...invokingWorkspace(USAGE), minRate: 100, targets: [], reproducible: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) {
        throw new UserError(arg, `needs a value; ${USAGE}`, 2);
      }
      return next;
    };
    if (arg === "--bazel") {
      options.bazel = value();
    } else if (arg === "--min-rate") {
      const text = value();
      options.minRate = Number(text);
      if (!Number.isFinite(options.minRate) || options.minRate < 0 || options.minRate > 100) {
        throw new UserError("--min-rate", `'${text}' is not a percentage from 0 to 100`, 2);
      }
    } else if (arg === "--reproducible") {
      options.reproducible.push(value());
    } else if (arg.startsWith("-")) {
      throw new UserError(arg, `unknown option; ${USAGE}`, 2);
    } else {
      options.targets.push(arg);
    }
  }
  if (options.targets.length === 0) {
    options.targets.push("//...");
  }
  return options;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function probe(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path: "/", method: "HEAD", timeout: 500 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.once("error", () => resolve(false));
    req.once("timeout", () => req.destroy());
    req.end();
  });
}

async function startNginx(stateDir: string, cacheDir: string): Promise<{ server: ChildProcess; port: number }> {
  const port = await freePort();
  const configPath = join(stateDir, "nginx.conf");
  const user = process.getuid?.() === 0 ? userInfo().username : undefined;
  writeFileSync(configPath, renderNginxConfig({ stateDir, cacheDir, port, ...(user ? { user } : {}) }));
  const server = spawn("nginx", ["-e", join(stateDir, "error.log"), "-p", stateDir, "-c", configPath], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const stopped = new Promise<never>((_, reject) => {
    server.once("error", (error) => reject(new UserError("nginx", `cannot start: ${error.message}`)));
    server.once("exit", (code) => reject(new UserError("nginx", `exited with ${code}; see ${stateDir}/error.log`)));
  });
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await Promise.race([probe(port), stopped])) {
      return { server, port };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new UserError("nginx", `did not answer on 127.0.0.1:${port} within 10 s`);
}

interface BuildRun {
  seconds: number;
  summary: ProcessSummary;
  /** The same build once more with nothing changed, in the same server. */
  noopSeconds: number;
}

/**
 * Builds in a fresh copy of the working tree with an output base of its own, through the cache on
 * `port`; `inspect` looks at the result before the copy is removed.
 */
function build(options: Options, scratch: string, port: number, label: string, inspect: (nested: NestedBazel) => void = () => {}): BuildRun {
  const slug = label.replace(/\W+/g, "-");
  const nested = new NestedBazel(options.bazel, join(scratch, `${slug}-tree`), join(scratch, `${slug}-output-base`), sourceRevision(options.workspace));
  copyWorkingTree(options.workspace, nested.tree);
  const args = ["--config=ci", `--remote_cache=http://127.0.0.1:${port}`, ...options.targets];
  try {
    const first = nested.run("build", args);
    const summary = parseProcessSummary(first.log);
    if (first.status !== 0 || !summary) {
      process.stderr.write(first.log.split("\n").slice(-40).join("\n"));
      throw new UserError(label, `bazel build exited ${first.status}`);
    }
    const noopSeconds = nested.run("build", args).seconds;
    inspect(nested);
    return { seconds: first.seconds, summary, noopSeconds };
  } finally {
    nested.shutdown();
    rmSync(nested.outputBase, { recursive: true, force: true });
    rmSync(nested.tree, { recursive: true, force: true });
  }
}

function describe(summary: ProcessSummary): string {
  const kinds = [...summary.byKind].map(([kind, count]) => `${count} ${kind}`).join(", ");
  return `${summary.total} processes (${kinds})`;
}

function cacheContents(dir: string): { entries: number; bytes: number } {
  let entries = 0;
  let bytes = 0;
  for (const sub of ["ac", "cas"]) {
    const path = join(dir, sub);
    for (const entry of readdirSync(path, { withFileTypes: true }).filter((e) => e.isFile())) {
      entries++;
      bytes += statSync(join(path, entry.name)).size;
    }
  }
  return { entries, bytes };
}

/**
 * Whether the cold build (a clean build in its own checkout, output base and empty cache) made
 * the same bytes as the workspace's own build of each `--reproducible` target.
 */
function reproduces(options: Options, coldFiles: ReadonlyMap<string, OutputFile[]>): boolean {
  let same = true;
  for (const [target, files] of coldFiles) {
    const run = (command: string, args: readonly string[]) => runInWorkspace(options.bazel, options.workspace, command, args);
    const built = run("build", [...CI_FLAGS, target]);
    if (built.status !== 0) {
      throw new UserError(target, `bazel build in ${options.workspace} exited ${built.status}`);
    }
    const problems = compareOutputs(files, outputFiles(run, target, CI_FLAGS));
    const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
    console.log(`  reproducible ${target}: ${files.length - problems.length}/${files.length} files (${(bytes / 1048576).toFixed(1)} MiB) identical in two clean builds`);
    for (const problem of problems) {
      console.log(`    differs: ${problem}`);
    }
    if (problems.length > 0) {
      console.log(`remote cache check FAILED: ${target} is not reproducible`);
      same = false;
    }
  }
  return same;
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv);
  const scratch = mkdtempSync(join(tmpdir(), "falco-remote-cache-"));
  const stateDir = join(scratch, "nginx");
  const cacheDir = join(scratch, "cache");
  mkdirSync(stateDir);
  mkdirSync(cacheDir);
  const { server, port } = await startNginx(stateDir, cacheDir);
  try {
    const coldFiles = new Map<string, OutputFile[]>();
    const cold = build(options, scratch, port, "cold build", (nested) => {
      for (const target of options.reproducible) {
        coldFiles.set(target, outputFiles((command, args) => nested.run(command, args), target, ["--config=ci", `--remote_cache=http://127.0.0.1:${port}`]));
      }
    });
    const stored = cacheContents(cacheDir);
    const warm = build(options, scratch, port, "rebuild");

    const rate = remoteHitRate(warm.summary) * 100;
    const hits = warm.summary.byKind.get("remote cache hit") ?? 0;
    console.log(`remote cache check: ${options.targets.join(" ")} through nginx on 127.0.0.1:${port}`);
    console.log(`  cold build:  ${cold.seconds.toFixed(1)} s, ${describe(cold.summary)}`);
    console.log(`  cache after cold build: ${stored.entries} entries, ${(stored.bytes / 1048576).toFixed(1)} MiB`);
    console.log(`  rebuild in another checkout and output base: ${warm.seconds.toFixed(1)} s, ${describe(warm.summary)}`);
    console.log(`  no-op rebuild (nothing changed, server warm): ${warm.noopSeconds.toFixed(2)} s`);
    console.log(`  remote cache hit rate: ${hits}/${cacheableCount(warm.summary)} cacheable actions (${rate.toFixed(1)}%)`);
    if (!(warm.noopSeconds < MAX_NOOP_SECONDS)) {
      console.log(`remote cache check FAILED: a no-op rebuild took ${warm.noopSeconds.toFixed(2)} s, over ${MAX_NOOP_SECONDS} s`);
      return 1;
    }
    if (rate < options.minRate) {
      console.log(`remote cache check FAILED: hit rate ${rate.toFixed(1)}% is below ${options.minRate}%`);
      return 1;
    }
    if (!reproduces(options, coldFiles)) {
      return 1;
    }
    console.log("remote cache check passed");
    return 0;
  } finally {
    server.kill("SIGQUIT");
    rmSync(scratch, { recursive: true, force: true });
  }
}

void runCli("remote_cache check", main);
