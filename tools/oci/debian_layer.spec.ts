import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeTar } from "../archive/tar";
import type { TreeEntry } from "../archive/tree";
import { debianLayer, infoName, isExcluded, mergedUsrPath, statusParagraph, unpackDeb } from "./debian_layer";
import type { UnpackedPackage } from "./debian_layer";

const CONTROL = "Package: hello\nVersion: 1.0-1\nArchitecture: amd64\nMaintainer: Nobody <nobody@example.org>\nDescription: says hello\n a longer text\n";

function pkg(control: string, entries: TreeEntry[], controlFiles: Record<string, string> = {}): UnpackedPackage {
  const files = new Map<string, Uint8Array>(Object.entries(controlFiles).map(([k, v]) => [k, new TextEncoder().encode(v)]));
  return { source: `${control.split("\n")[0] ?? ""}.deb`, control, controlFiles: files, entries };
}

function file(path: string, content: string, mode = 0o644): TreeEntry {
  return { kind: "file", path, mode, data: new TextEncoder().encode(content) };
}

function text(entries: readonly TreeEntry[], path: string): string {
  const entry = entries.find((e) => e.path === path);
  return entry?.kind === "file" ? new TextDecoder().decode(entry.data) : `<no file ${path}>`;
}

/** A real .deb, built by dpkg-deb from a folder. */
function buildDeb(dir: string, name: string, files: Record<string, string>, extraControl = ""): string {
  const root = join(dir, name);
  mkdirSync(join(root, "DEBIAN"), { recursive: true });
  writeFileSync(join(root, "DEBIAN/control"), CONTROL.replace("hello", name) + extraControl);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  const deb = join(dir, `${name}.deb`);
  execFileSync("dpkg-deb", ["--root-owner-group", "--build", root, deb], { stdio: "pipe" });
  return deb;
}

describe("merged /usr", () => {
  it("moves /bin, /sbin and /lib* below /usr and leaves the rest", () => {
    expect(mergedUsrPath("bin/sh")).toBe("usr/bin/sh");
    expect(mergedUsrPath("lib64/ld-linux-x86-64.so.2")).toBe("usr/lib64/ld-linux-x86-64.so.2");
    expect(mergedUsrPath("lib")).toBe("usr/lib");
    expect(mergedUsrPath("library/x")).toBe("library/x");
    expect(mergedUsrPath("etc/passwd")).toBe("etc/passwd");
  });
});

describe("dpkg status", () => {
  it("adds the installed status after Package, and the conffiles", () => {
    expect(statusParagraph(CONTROL, [{ path: "/etc/hello.conf", md5: "abc" }])).toBe(
      "Package: hello\nStatus: install ok installed\nVersion: 1.0-1\nArchitecture: amd64\nMaintainer: Nobody <nobody@example.org>\n" +
        "Description: says hello\n a longer text\nConffiles:\n /etc/hello.conf abc\n",
    );
  });

  it("names info files name:arch for Multi-Arch: same packages", () => {
    expect(infoName(CONTROL)).toBe("hello");
    expect(infoName(`${CONTROL}Multi-Arch: same\n`)).toBe("hello:amd64");
  });

  it("excludes by folder prefix", () => {
    expect(isExcluded("usr/share/man/man1/x.1.gz", ["usr/share/man/"])).toBeTrue();
    expect(isExcluded("usr/share/man", ["usr/share/man/"])).toBeTrue();
    expect(isExcluded("usr/share/manual", ["usr/share/man/"])).toBeFalse();
  });
});

describe("debianLayer", () => {
  it("merges packages, lists base packages in the status, and files each package's list", () => {
    const hello = pkg(CONTROL, [{ kind: "dir", path: "bin", mode: 0o755 }, file("bin/hello", "x", 0o755), file("usr/share/man/man1/hello.1", "man")]);
    const base = pkg(CONTROL.replace("hello", "libc6"), []);
    const entries = debianLayer({ packages: [hello], basePackages: [base], excludes: ["usr/share/man/"] });
    const paths = entries.map((e) => e.path);
    expect(paths).toContain("usr/bin/hello");
    expect(paths).not.toContain("usr/share/man/man1/hello.1");
    expect(entries.find((e) => e.path === "bin")).toEqual({ kind: "symlink", path: "bin", target: "usr/bin" });
    expect(text(entries, "var/lib/dpkg/status")).toMatch(/^Package: hello\nStatus: install ok installed\n[^]*\n\nPackage: libc6\nStatus: install ok installed\n/);
    expect(text(entries, "var/lib/dpkg/info/hello.list")).toBe("/.\n/bin\n/bin/hello\n/usr/share/man/man1/hello.1\n");
    expect([...paths].sort()).toEqual(paths);
  });

  it("accepts a path two packages ship alike, and names both when they differ", () => {
    const a = pkg(CONTROL.replace("hello", "a"), [file("usr/share/x", "same")]);
    const b = pkg(CONTROL.replace("hello", "b"), [file("usr/share/x", "same")]);
    const c = pkg(CONTROL.replace("hello", "c"), [file("usr/share/x", "other")]);
    expect(() => debianLayer({ packages: [a, b], basePackages: [], excludes: [] })).not.toThrow();
    expect(() => debianLayer({ packages: [a, c], basePackages: [], excludes: [] })).toThrowError(/\/usr\/share\/x: shipped differently by a \(.*\) and c \(.*\)/);
  });

  it("rejects a package given twice and a control file without a version", () => {
    const a = pkg(CONTROL, []);
    expect(() => debianLayer({ packages: [a], basePackages: [a], excludes: [] })).toThrowError(/the package hello is given twice/);
    expect(() => debianLayer({ packages: [pkg("Package: x\nArchitecture: all\n", [])], basePackages: [], excludes: [] })).toThrowError(/has no Version field/);
  });

  it("unpacks real .debs with dpkg-deb, and dpkg-query reads the database it writes", () => {
    const dir = mkdtempSync(join(tmpdir(), "debian-layer-spec-"));
    const hello = buildDeb(dir, "hello", { "bin/hello": "#!/bin/sh\n", "etc/hello.conf": "x=1\n" });
    const linkDir = join(dir, "world", "usr/lib");
    mkdirSync(linkDir, { recursive: true });
    symlinkSync("libworld.so.1", join(linkDir, "libworld.so"));
    const world = buildDeb(dir, "world", { "usr/lib/libworld.so.1": "elf" }, "Multi-Arch: same\n");
    chmodSync(hello, 0o644);
    const entries = debianLayer({
      packages: [unpackDeb(hello, join(dir, "u1"), true), unpackDeb(world, join(dir, "u2"), true)],
      basePackages: [],
      excludes: [],
    });
    expect(entries.find((e) => e.path === "usr/lib/libworld.so")).toEqual({ kind: "symlink", path: "usr/lib/libworld.so", target: "libworld.so.1" });
    const root = join(dir, "root");
    mkdirSync(root);
    writeFileSync(join(dir, "layer.tar"), writeTar(entries));
    execFileSync("tar", ["-xf", join(dir, "layer.tar"), "-C", root]);
    const listed = execFileSync("dpkg-query", [`--admindir=${root}/var/lib/dpkg`, "-W", "-f", "${Package} ${Version} ${db:Status-Abbrev}\\n"], { encoding: "utf8" });
    expect(listed).toBe("hello 1.0-1 ii \nworld 1.0-1 ii \n");
    const files = execFileSync("dpkg-query", [`--admindir=${root}/var/lib/dpkg`, "-L", "world"], { encoding: "utf8" });
    expect(files).toContain("/usr/lib/libworld.so.1");
  });

  it("says which .deb dpkg-deb could not read", () => {
    const dir = mkdtempSync(join(tmpdir(), "debian-layer-spec-"));
    writeFileSync(join(dir, "bad.deb"), "not a deb");
    expect(() => unpackDeb(join(dir, "bad.deb"), join(dir, "u"), true)).toThrowError(/bad\.deb: dpkg-deb --control failed/);
  });
});
