import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

/**
 * Every image, read by the real tools: `skopeo inspect` of the oci-archive and of the extracted
 * layout (oci:DIR:VERSION), then `umoci unpack` into a runc bundle. Checks, against the artifact
 * manifest: the entrypoint (image config and the bundle's process.args), the labels (version,
 * title, source, and the revision the build's workspace status gave), the layer count, and that
 * every path the manifest lists is in the unpacked root. Prints each image's size and layers.
 *
 *   image_inspect_test --manifest artifacts.json --revision FILE (--image FILE LAYERS)...
 */

interface Artifact {
  name: string;
  kind: string;
  file: string;
  version: string;
  entrypoint: string[];
  summary: string;
  contents: { path: string }[];
}

interface Inspected {
  Labels: Record<string, string> | null;
  Layers: string[];
  Architecture: string;
  Os: string;
}

let failures = 0;
function check(ok: boolean, what: string): void {
  if (!ok) {
    failures++;
    console.log(`FAIL ${what}`);
  }
}

function run(program: string, args: readonly string[]): string {
  return execFileSync(program, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function main(argv: readonly string[]): number {
  let manifestPath = "";
  let revisionPath = "";
  const images: { file: string; layers: number }[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--manifest") {
      manifestPath = argv[++i] ?? "";
    } else if (argv[i] === "--revision") {
      revisionPath = argv[++i] ?? "";
    } else if (argv[i] === "--image") {
      images.push({ file: argv[i + 1] ?? "", layers: Number(argv[i + 2]) });
      i += 2;
    } else {
      throw new Error(`unexpected argument ${argv[i] ?? ""}`);
    }
  }
  const artifacts = (JSON.parse(readFileSync(manifestPath, "utf8")) as { artifacts: Artifact[] }).artifacts.filter((a) => a.kind === "oci");
  const revision = readFileSync(revisionPath, "utf8").trim();
  check(/^([0-9a-f]{40}(-dirty)?|unknown)$/.test(revision), `the workspace status gives a revision: ${JSON.stringify(revision)}`);
  check(images.length === artifacts.length, `${images.length} images given, the manifest has ${artifacts.length}`);

  const scratch = mkdtempSync(join(process.env["TEST_TMPDIR"] ?? tmpdir(), "inspect-"));
  const figures: string[] = [];
  for (const image of images) {
    const name = basename(image.file);
    const artifact = artifacts.find((a) => a.file === name);
    if (artifact === undefined) {
      check(false, `${name}: not an image of the manifest`);
      continue;
    }
    // skopeo: the archive, and the layout extracted from it.
    const archived = JSON.parse(run("skopeo", ["inspect", `oci-archive:${image.file}`])) as Inspected;
    const config = JSON.parse(run("skopeo", ["inspect", "--config", `oci-archive:${image.file}`])) as { config: { Entrypoint?: string[] } };
    const layout = join(scratch, artifact.name.split("/")[1] ?? "image");
    mkdirSync(join(layout, "layout"), { recursive: true });
    run("tar", ["-xf", image.file, "-C", join(layout, "layout")]);
    const fromLayout = JSON.parse(run("skopeo", ["inspect", `oci:${join(layout, "layout")}:${artifact.version}`])) as Inspected;
    const labels = archived.Labels ?? {};
    check(same(config.config.Entrypoint, artifact.entrypoint), `${name}: entrypoint ${JSON.stringify(config.config.Entrypoint)}, the manifest says ${JSON.stringify(artifact.entrypoint)}`);
    check(labels["org.opencontainers.image.version"] === artifact.version, `${name}: version label ${labels["org.opencontainers.image.version"] ?? "missing"}`);
    check(labels["org.opencontainers.image.title"] === artifact.name, `${name}: title label ${labels["org.opencontainers.image.title"] ?? "missing"}`);
    check(labels["org.opencontainers.image.revision"] === revision, `${name}: revision label ${labels["org.opencontainers.image.revision"] ?? "missing"}, the workspace status says ${revision}`);
    check((labels["org.opencontainers.image.source"] ?? "").startsWith("https://"), `${name}: source label ${labels["org.opencontainers.image.source"] ?? "missing"}`);
    check(archived.Layers.length === image.layers, `${name}: ${archived.Layers.length} layers, expected ${image.layers}`);
    check(archived.Architecture === "amd64" && archived.Os === "linux", `${name}: platform ${archived.Os}/${archived.Architecture}`);
    check(same(fromLayout.Layers, archived.Layers) && same(fromLayout.Labels, archived.Labels), `${name}: oci:DIR:${artifact.version} and oci-archive: disagree`);

    // umoci: a runc bundle with the entrypoint as its command and the manifest's files.
    const bundle = join(layout, "bundle");
    run("umoci", ["unpack", "--image", `${join(layout, "layout")}:${artifact.version}`, bundle]);
    const runtime = JSON.parse(readFileSync(join(bundle, "config.json"), "utf8")) as { process: { args: string[] } };
    check(same(runtime.process.args, artifact.entrypoint), `${name}: umoci's bundle runs ${JSON.stringify(runtime.process.args)}`);
    for (const content of artifact.contents) {
      const path = join(bundle, "rootfs", content.path);
      check(existsSync(path) && (!content.path.endsWith("/") || statSync(path).isDirectory()), `${name}: the manifest lists ${content.path}, the image has no such ${content.path.endsWith("/") ? "folder" : "file"}`);
    }
    const entry = join(bundle, "rootfs", artifact.entrypoint[0] ?? "/");
    check(existsSync(entry) && (statSync(entry).mode & 0o111) !== 0, `${name}: the entrypoint ${artifact.entrypoint[0] ?? ""} is not an executable of the image`);
    check(lstatSync(join(bundle, "rootfs", "lib64")).isSymbolicLink(), `${name}: /lib64 is not the merged-/usr symlink`);

    const bytes = statSync(image.file).size;
    const unpacked = Number(run("du", ["-sk", join(bundle, "rootfs")]).split("\t")[0]) * 1024;
    figures.push(`${artifact.name.padEnd(52)} ${(bytes / 1048576).toFixed(1).padStart(8)} MiB  ${String(archived.Layers.length).padStart(2)} layers  ${(unpacked / 1048576).toFixed(1).padStart(8)} MiB unpacked`);
    rmSync(layout, { recursive: true, force: true });
  }
  console.log("image                                                  archive            layers  root file system");
  for (const line of figures) {
    console.log(line);
  }
  console.log(failures === 0 ? `PASS: ${images.length} images` : `${failures} failure(s)`);
  return failures === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
