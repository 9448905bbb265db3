import type { ChildProcess } from "node:child_process";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { dirname, join } from "node:path";
import { runCli } from "../common/run_cli";
import { UserError } from "../common/user_error";
import { renderNginxConfig } from "./nginx_config";
import type { ProcessSummary } from "./process_summary";
import { cacheableCount, parseProcessSummary, remoteHitRate } from "./process_summary";

const USAGE = "usage: bazel run //tools/remote_cache:check -- [--bazel PATH] [--min-rate PERCENT] [TARGET...]";

interface Options {
  workspace: string;
  bazel: string;
  minRate: number;
  targets: string[];
}

function parseOptions(argv: readonly string[]): Options {
  const workspace = process.env["BUILD_WORKSPACE_DIRECTORY"];
  if (!workspace) {
    throw new UserError("BUILD_WORKSPACE_DIRECTORY", `not set; ${USAGE}`, 2);
  }
  const options: Options = {
    workspace,
    bazel: join(workspace, "node_modules/.bin/bazelisk"),
    minRate: 100,
    targets: [],
  };
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
  const started = new Promise<never>((_, reject) => {
    server.once("error", (error) => reject(new UserError("nginx", `cannot start: ${error.message}`)));
    server.once("exit", (code) => reject(new UserError("nginx", `exited with ${code}; see ${stateDir}/error.log`)));
  });
  for (let attempt = 0; attempt < 100; attempt++) {
    const up = await Promise.race([probe(port), started]);
    if (up) {
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
}

/** Variables that `bazel run` sets for this program and that must not leak into the builds it starts. */
const RUN_VARIABLES = new Set(["BUILD_WORKSPACE_DIRECTORY", "BUILD_WORKING_DIRECTORY", "RUNFILES_DIR", "RUNFILES_MANIFEST_FILE", "JAVA_RUNFILES"]);

function bazelEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !RUN_VARIABLES.has(name)));
}

/**
 * Copies the working tree as git sees it (tracked and new files, not ignored ones) plus the
 * machine's .bazelrc.user: a checkout like a fresh clone, in a folder of its own.
 */
function checkout(workspace: string, destination: string): void {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: workspace,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (listed.status !== 0) {
    throw new UserError(workspace, `git ls-files failed: ${listed.stderr || listed.error?.message}`);
  }
  const files = listed.stdout.split("\0").filter((f) => f && existsSync(join(workspace, f)));
  for (const file of [...files, ".bazelrc.user"].filter((f) => existsSync(join(workspace, f)))) {
    mkdirSync(dirname(join(destination, file)), { recursive: true });
    cpSync(join(workspace, file), join(destination, file), { verbatimSymlinks: true });
  }
}

/** Builds in a fresh checkout with an output base of its own, through the cache on `port`. */
function build(options: Options, scratch: string, port: number, label: string): BuildRun {
  const tree = join(scratch, `${label.replace(/\W+/g, "-")}-checkout`);
  const outputBase = join(scratch, `${label.replace(/\W+/g, "-")}-output-base`);
  checkout(options.workspace, tree);
  const start = process.hrtime.bigint();
  const args = [
    `--output_base=${outputBase}`,
    "build",
    "--config=ci",
    "--symlink_prefix=/",
    `--remote_cache=http://127.0.0.1:${port}`,
    ...options.targets,
  ];
  const result = spawnSync(options.bazel, args, {
    cwd: tree,
    env: bazelEnv(),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const log = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  spawnSync(options.bazel, [`--output_base=${outputBase}`, "shutdown"], { cwd: tree, env: bazelEnv() });
  rmSync(outputBase, { recursive: true, force: true });
  rmSync(tree, { recursive: true, force: true });
  if (result.error) {
    throw new UserError(options.bazel, `cannot run: ${result.error.message}`);
  }
  const summary = parseProcessSummary(log);
  if (result.status !== 0 || !summary) {
    process.stderr.write(log.split("\n").slice(-40).join("\n"));
    throw new UserError(label, `bazel build exited ${result.status ?? result.signal}`);
  }
  return { seconds, summary };
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
    for (const name of readdirSync(path, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)) {
      entries++;
      bytes += statSync(join(path, name)).size;
    }
  }
  return { entries, bytes };
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
    const cold = build(options, scratch, port, "cold build");
    const stored = cacheContents(cacheDir);
    const warm = build(options, scratch, port, "rebuild");

    const rate = remoteHitRate(warm.summary) * 100;
    const hits = warm.summary.byKind.get("remote cache hit") ?? 0;
    console.log(`remote cache check: ${options.targets.join(" ")} through nginx on 127.0.0.1:${port}`);
    console.log(`  cold build:  ${cold.seconds.toFixed(1)} s, ${describe(cold.summary)}`);
    console.log(`  cache after cold build: ${stored.entries} entries, ${(stored.bytes / 1048576).toFixed(1)} MiB`);
    console.log(`  rebuild in another checkout and output base: ${warm.seconds.toFixed(1)} s, ${describe(warm.summary)}`);
    console.log(`  remote cache hit rate: ${hits}/${cacheableCount(warm.summary)} cacheable actions (${rate.toFixed(1)}%)`);
    if (rate < options.minRate) {
      console.log(`remote cache check FAILED: hit rate ${rate.toFixed(1)}% is below ${options.minRate}%`);
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
