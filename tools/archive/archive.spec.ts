import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeAr } from "./ar";
import { writeTar } from "./tar";
import { buildTree, isProgram } from "./tree";

function tree(): ReturnType<typeof buildTree> {
  const long = `${"d".repeat(90)}/${"e".repeat(60)}/${"f".repeat(90)}.txt`;
  return buildTree(
    [
      { path: "usr/bin/falco", kind: "file", mode: 0o755, content: "#!/bin/sh\n" },
      { path: "etc/falco/falco.yaml", kind: "file", content: "a: 1\n" },
      { path: "usr/lib/libscap.so", kind: "symlink", target: "libscap.so.0" },
      { path: long, kind: "file", content: "long\n" },
      { path: `${"x".repeat(200)}`, kind: "file", content: "pax\n" },
    ],
    () => new Uint8Array(0),
  );
}

/** `tar -tv` of an archive written to a temporary file: the real tar is the check. */
function listWithTar(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), "archive-spec-"));
  const file = join(dir, "a.tar");
  writeFileSync(file, bytes);
  return execFileSync("tar", ["--numeric-owner", "--full-time", "-tvf", file], { encoding: "utf8" }).trim().split("\n");
}

describe("writeTar", () => {
  it("is read back by tar with every member, parents first, owned by 0:0 at the fixed time", () => {
    const lines = listWithTar(writeTar(tree(), "."));
    const names = lines.map((l) => l.split(/\s+/).slice(5).join(" "));
    expect(names).toContain("./usr/bin/falco");
    expect(names).toContain("./usr/lib/libscap.so -> libscap.so.0");
    expect(names.indexOf("./usr/") < names.indexOf("./usr/bin/falco")).toBeTrue();
    expect(names.some((n) => n.endsWith(`${"f".repeat(90)}.txt`) && n.length > 240)).toBeTrue();
    expect(names).toContain(`./${"x".repeat(200)}`);
    for (const line of lines) {
      expect(line).toContain(" 0/0 ");
      expect(line).toContain("2026-01-01 00:00:00");
    }
    expect(lines.find((l) => l.endsWith("./usr/bin/falco"))?.startsWith("-rwxr-xr-x")).toBeTrue();
  });

  it("gives the same bytes for the same tree", () => {
    expect(writeTar(tree(), ".")).toEqual(writeTar(tree(), "."));
  });

  it("gives the files of a directory output 0755 only when they are programs", () => {
    const dir = mkdtempSync(join(tmpdir(), "archive-spec-"));
    mkdirSync(join(dir, "src"));
    const elfExecutable = new Uint8Array(64);
    elfExecutable.set([0x7f, 0x45, 0x4c, 0x46], 0);
    elfExecutable[16] = 2;
    const files: Record<string, string | Uint8Array> = { "src/main.c": "int main;\n", "run.sh": "#!/bin/sh\n", prog: elfExecutable, Makefile: "all:\n" };
    for (const [name, data] of Object.entries(files)) {
      writeFileSync(join(dir, name), data);
      // As Bazel leaves its outputs: every file executable.
      chmodSync(join(dir, name), 0o555);
    }
    const modes = buildTree([{ path: "usr/src/x", kind: "tree", src: dir }]).map((e) => `${e.path} ${e.kind === "symlink" ? "" : e.mode.toString(8)}`);
    expect(modes).toEqual(["usr 755", "usr/src 755", "usr/src/x 755", "usr/src/x/Makefile 644", "usr/src/x/prog 755", "usr/src/x/run.sh 755", "usr/src/x/src 755", "usr/src/x/src/main.c 644"]);
  });

  it("tells programs from other files by their first bytes", () => {
    const object = new Uint8Array(18);
    object.set([0x7f, 0x45, 0x4c, 0x46], 0);
    object[16] = 1; // a relocatable object (.o, .ko)
    expect(isProgram(object)).toBeFalse();
    expect(isProgram(new TextEncoder().encode("#!"))).toBeTrue();
    expect(isProgram(new Uint8Array(0))).toBeFalse();
  });

  it("rejects paths that leave the archive", () => {
    expect(() => buildTree([{ path: "../etc/passwd", kind: "file", content: "" }])).toThrowError(/not a usable path/);
  });
});

describe("writeAr", () => {
  it("writes an archive ar lists, members in order, odd sizes padded", () => {
    const dir = mkdtempSync(join(tmpdir(), "archive-spec-"));
    const file = join(dir, "x.deb");
    writeFileSync(file, writeAr([{ name: "debian-binary", data: new TextEncoder().encode("2.0\n") }, { name: "odd", data: new Uint8Array([1, 2, 3]) }, { name: "last", data: new Uint8Array([4]) }]));
    expect(execFileSync("ar", ["t", file], { encoding: "utf8" }).trim().split("\n")).toEqual(["debian-binary", "odd", "last"]);
    expect(execFileSync("ar", ["p", file, "last"]).toJSON().data).toEqual([4]);
  });
});
