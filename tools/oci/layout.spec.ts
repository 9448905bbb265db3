import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { writeTar } from "../archive/tar";
import { buildTree } from "../archive/tree";
import type { TreeEntry } from "../archive/tree";
import { parseImageConfig, parseRevision } from "./config";
import { imageLayout, sha256Digest } from "./layout";
import type { ImageInput } from "./layout";

function layerTar(files: Record<string, string>): Uint8Array {
  return writeTar(buildTree(Object.entries(files).map(([path, content]) => ({ path, kind: "file" as const, content, mode: 0o755 }))));
}

function input(overrides: Partial<ImageInput> = {}): ImageInput {
  return {
    layers: [
      { tar: layerTar({ "usr/bin/hello": "#!/bin/sh\necho hello\n" }), createdBy: "//a:base" },
      { tar: layerTar({ "etc/hello.conf": "x=1\n" }), createdBy: "//a:conf" },
    ],
    config: {
      entrypoint: ["/usr/bin/hello"],
      cmd: ["--loud"],
      env: ["PATH=/usr/bin:/bin"],
      workdir: "/",
      labels: { "org.opencontainers.image.version": "0.1.0", "org.opencontainers.image.title": "hello" },
    },
    refName: "0.1.0",
    created: "2026-01-01T00:00:00Z",
    ...overrides,
  };
}

function fileOf(entries: readonly TreeEntry[], path: string): Uint8Array {
  const entry = entries.find((e) => e.path === path);
  if (entry === undefined || entry.kind !== "file") {
    throw new Error(`no file ${path}`);
  }
  return entry.data;
}

function json(entries: readonly TreeEntry[], path: string): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(fileOf(entries, path))) as Record<string, unknown>;
}

function blobPath(digest: string): string {
  return `blobs/sha256/${digest.replace("sha256:", "")}`;
}

describe("imageLayout", () => {
  it("writes oci-layout, an index naming the manifest by version, and blobs named by their sha256", () => {
    const layout = imageLayout(input());
    expect(new TextDecoder().decode(fileOf(layout.entries, "oci-layout"))).toBe('{"imageLayoutVersion":"1.0.0"}');
    const index = json(layout.entries, "index.json");
    expect(index["schemaVersion"]).toBe(2);
    const manifests = index["manifests"] as { digest: string; annotations: Record<string, string> }[];
    expect(manifests.length).toBe(1);
    expect(manifests[0]?.annotations["org.opencontainers.image.ref.name"]).toBe("0.1.0");
    for (const entry of layout.entries) {
      if (entry.kind === "file" && entry.path.startsWith("blobs/")) {
        expect(sha256Digest(entry.data)).toBe(`sha256:${entry.path.split("/")[2] ?? ""}`);
      }
    }
  });

  it("records the uncompressed layers' sha256 as diff_ids and the run configuration", () => {
    const image = input();
    const layout = imageLayout(image);
    const config = json(layout.entries, blobPath(layout.config.digest));
    expect(config["architecture"]).toBe("amd64");
    expect(config["os"]).toBe("linux");
    expect(config["rootfs"]).toEqual({ type: "layers", diff_ids: image.layers.map((l) => sha256Digest(l.tar)) });
    expect(config["config"]).toEqual({
      Env: ["PATH=/usr/bin:/bin"],
      Entrypoint: ["/usr/bin/hello"],
      Cmd: ["--loud"],
      WorkingDir: "/",
      Labels: { "org.opencontainers.image.title": "hello", "org.opencontainers.image.version": "0.1.0" },
    });
    expect(config["history"]).toEqual([
      { created: "2026-01-01T00:00:00Z", created_by: "//a:base" },
      { created: "2026-01-01T00:00:00Z", created_by: "//a:conf" },
    ]);
    layout.layers.forEach((layer, i) => {
      expect(gunzipSync(fileOf(layout.entries, blobPath(layer.digest)))).toEqual(Buffer.from(image.layers[i]?.tar ?? []));
    });
  });

  it("gives the same bytes for the same inputs, and other bytes for another label", () => {
    expect(writeTar(imageLayout(input()).entries)).toEqual(writeTar(imageLayout(input()).entries));
    const other = input({ config: { ...input().config, labels: { "org.opencontainers.image.revision": "unknown" } } });
    expect(imageLayout(other).manifest.digest).not.toBe(imageLayout(input()).manifest.digest);
  });

  it("is read by skopeo as an oci-archive and by umoci as a layout", () => {
    const dir = mkdtempSync(join(tmpdir(), "oci-spec-"));
    const archive = join(dir, "hello.oci.tar");
    writeFileSync(archive, writeTar(imageLayout(input()).entries));
    const inspected = JSON.parse(execFileSync("skopeo", ["inspect", "--config", `oci-archive:${archive}`], { encoding: "utf8" })) as {
      config: { Entrypoint: string[]; Labels: Record<string, string> };
    };
    expect(inspected.config.Entrypoint).toEqual(["/usr/bin/hello"]);
    expect(inspected.config.Labels["org.opencontainers.image.version"]).toBe("0.1.0");
    const layoutDir = join(dir, "layout");
    execFileSync("mkdir", [layoutDir]);
    execFileSync("tar", ["-xf", archive, "-C", layoutDir]);
    const bundle = join(dir, "bundle");
    execFileSync("umoci", ["unpack", "--image", `${layoutDir}:0.1.0`, bundle], { stdio: "pipe" });
    expect(execFileSync("cat", [join(bundle, "rootfs/etc/hello.conf")], { encoding: "utf8" })).toBe("x=1\n");
  });

  it("rejects a configuration a runtime could not start, naming the field", () => {
    const config = input().config;
    expect(() => imageLayout(input({ config: { ...config, entrypoint: ["usr/bin/hello"] } }))).toThrowError(/entrypoint "usr\/bin\/hello" must be an absolute path/);
    expect(() => imageLayout(input({ config: { ...config, entrypoint: [], cmd: [] } }))).toThrowError(/entrypoint and cmd are both empty/);
    expect(() => imageLayout(input({ config: { ...config, env: ["PATH"] } }))).toThrowError(/env "PATH" is not NAME=VALUE/);
    expect(() => imageLayout(input({ config: { ...config, workdir: "tmp" } }))).toThrowError(/workdir "tmp"/);
    expect(() => imageLayout(input({ layers: [] }))).toThrowError(/at least one layer/);
  });
});

describe("parseImageConfig and parseRevision", () => {
  const good = { entrypoint: ["/x"], cmd: [], env: [], workdir: "/", labels: {}, ref_name: "0.1.0", created: "2026-01-01T00:00:00Z" };

  it("reads the rule's configuration", () => {
    expect(parseImageConfig(JSON.stringify(good), "c.json").ref_name).toBe("0.1.0");
  });

  it("names the file and the field that is wrong", () => {
    expect(() => parseImageConfig("{", "c.json")).toThrowError(/^c\.json: not JSON/);
    expect(() => parseImageConfig(JSON.stringify({ ...good, cmd: "x" }), "c.json")).toThrowError(/c\.json: "cmd" must be a list of strings/);
    expect(() => parseImageConfig(JSON.stringify({ ...good, labels: { a: 1 } }), "c.json")).toThrowError(/"labels" must map names to strings/);
    expect(() => parseImageConfig(JSON.stringify({ ...good, ref_name: "" }), "c.json")).toThrowError(/"ref_name" must be a non-empty string/);
  });

  it("takes a commit, a dirty commit or unknown, and nothing else", () => {
    expect(parseRevision("296ea3f0123456789abcdef0123456789abcdef0\n", "r")).toBe("296ea3f0123456789abcdef0123456789abcdef0");
    expect(parseRevision("296ea3f-dirty", "r")).toBe("296ea3f-dirty");
    expect(parseRevision("unknown", "r")).toBe("unknown");
    expect(() => parseRevision("", "rev.txt")).toThrowError(/rev\.txt: not a source revision/);
    expect(() => parseRevision("main", "rev.txt")).toThrowError(/rev\.txt: not a source revision/);
  });
});
