/**
 * The packaging benchmark: how long `bazel build //packaging:all` takes from clean, whether a
 * second clean build gives the same bytes, what an edit to one libsinsp source costs, and how big
 * each artifact is. Run with `bazel run //bench/packaging [-- --once]`; it builds in fresh copies
 * of the working tree with output bases of their own and no disk cache (downloads of pinned
 * Debian packages come from Bazel's repository cache and are not part of the times).
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../tools/common/run_cli";
import { UserError } from "../../tools/common/user_error";
import { cacheableCount, parseProcessSummary } from "../../tools/remote_cache/process_summary";
import { copyWorkingTree, sourceRevision } from "../../tools/workspace/checkout";
import { invokingWorkspace, NestedBazel } from "../../tools/workspace/nested_bazel";
import type { OutputFile } from "../../tools/workspace/output_files";
import { compareOutputs, outputFiles } from "../../tools/workspace/output_files";

const USAGE = "usage: bazel run //bench/packaging -- [--once]";
const TARGET = "//packaging:all";
const FLAGS = ["--config=ci-local"];
/** The source the incremental build edits: one file of libsinsp's state tracking. */
const EDITED_SOURCE = "userspace/libsinsp/state/inspector.cc";
const FALCO_IMAGE = "falco-0.1.0-x86_64.oci.tar";

interface Build {
  seconds: number;
  /** Actions that ran (Bazel's processes other than its internal bookkeeping). */
  actions: number;
}

function build(nested: NestedBazel, label: string): Build {
  const run = nested.run("build", [...FLAGS, TARGET]);
  const summary = parseProcessSummary(run.log);
  if (run.status !== 0 || summary === undefined) {
    process.stderr.write(run.log.split("\n").slice(-30).join("\n"));
    throw new UserError(label, `bazel build ${TARGET} exited ${run.status}`);
  }
  return { seconds: run.seconds, actions: cacheableCount(summary) };
}

function mib(bytes: number): string {
  return `${(bytes / 1048576).toFixed(2)} MiB`;
}

/** A JSON member of a tar file, read with the real tar. */
function tarJson(tarball: string, member: string): unknown {
  const out = spawnSync("tar", ["-xOf", tarball, member], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (out.status !== 0) {
    throw new UserError(tarball, `no ${member}: ${out.stderr.trim()}`);
  }
  return JSON.parse(out.stdout) as unknown;
}

interface Descriptor {
  digest: string;
  size: number;
}

function descriptors(value: unknown, key: string): Descriptor[] {
  const list = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return Array.isArray(list) ? list.filter((d): d is Descriptor => typeof d === "object" && d !== null && "digest" in d && "size" in d) : [];
}

/** The falco image's layer count and total size (compressed layers and config), from its OCI layout. */
function imageFigures(tarball: string): string {
  const manifest = descriptors(tarJson(tarball, "index.json"), "manifests")[0];
  if (manifest === undefined) {
    throw new UserError(tarball, "index.json lists no manifest");
  }
  const content = tarJson(tarball, `blobs/sha256/${manifest.digest.replace(/^sha256:/, "")}`);
  const layers = descriptors(content, "layers");
  const config = (content as Record<string, unknown>)["config"] as Descriptor;
  const total = layers.reduce((sum, l) => sum + l.size, config.size);
  return `${layers.length} layers, ${mib(total)} (layers: ${layers.map((l) => mib(l.size)).join(", ")})`;
}

function artifactsOf(files: readonly OutputFile[]): OutputFile[] {
  return files.filter((f) => !f.path.includes("/install/"));
}

async function main(argv: readonly string[]): Promise<number> {
  const once = argv.includes("--once");
  const unknown = argv.find((a) => a !== "--once");
  if (unknown !== undefined) {
    throw new UserError(unknown, `unknown argument; ${USAGE}`, 2);
  }
  const { workspace, bazel } = invokingWorkspace(USAGE);
  const scratch = mkdtempSync(join(tmpdir(), "falco-packaging-bench-"));
  const trees = once ? ["a"] : ["a", "b"];
  const revision = sourceRevision(workspace);
  const nested = trees.map((name) => new NestedBazel(bazel, join(scratch, `${name}-tree`), join(scratch, `${name}-output-base`), revision));
  try {
    const clean: Build[] = [];
    const files: OutputFile[][] = [];
    for (const [i, bazelOf] of nested.entries()) {
      copyWorkingTree(workspace, bazelOf.tree);
      clean.push(build(bazelOf, `clean build ${i + 1}`));
      files.push(outputFiles((command, args) => bazelOf.run(command, args), TARGET, FLAGS));
    }
    const first = nested[0];
    const firstFiles = files[0];
    if (first === undefined || firstFiles === undefined) {
      throw new UserError("bench", "no build ran");
    }
    // A new (hidden) function: the object, libsinsp.so and everything that ships them change.
    appendFileSync(join(first.tree, EDITED_SOURCE), '\nextern "C" int falco_packaging_benchmark_edit() { return 1; }\n');
    const edited = build(first, "rebuild after an edit");

    console.log(`packaging benchmark: bazel build ${TARGET} ${FLAGS.join(" ")} (2 cores; no disk or remote cache)`);
    clean.forEach((b, i) => console.log(`  clean build ${i + 1}: ${b.seconds.toFixed(1)} s, ${b.actions} actions`));
    console.log(`  rebuild after editing ${EDITED_SOURCE}: ${edited.seconds.toFixed(1)} s, ${edited.actions} actions rerun`);
    const second = files[1];
    let status = 0;
    if (second !== undefined) {
      const problems = compareOutputs(firstFiles, second);
      console.log(`  two clean builds: ${firstFiles.length - problems.length}/${firstFiles.length} files identical`);
      problems.forEach((p) => console.log(`    differs: ${p}`));
      status = problems.length === 0 ? 0 : 1;
    }
    console.log("  artifacts (size, sha256):");
    for (const f of artifactsOf(firstFiles)) {
      console.log(`    ${f.path.split("/").at(-1)}  ${mib(f.bytes)}  ${f.sha256}`);
    }
    const image = firstFiles.find((f) => f.path.endsWith("/" + FALCO_IMAGE));
    if (image !== undefined) {
      console.log(`  ${FALCO_IMAGE}: ${imageFigures(image.location)}`);
    }
    return status;
  } finally {
    for (const n of nested) {
      n.shutdown();
    }
    rmSync(scratch, { recursive: true, force: true });
  }
}

void runCli("packaging benchmark", main);
