import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TreeEntry } from "../archive/tree";
import { buildTree } from "../archive/tree";
import type { ControlFields } from "./control";
import { checkControlFields, formatLongDescription, synopsisFrom, upstreamVersion } from "./control";
import type { DebInput } from "./write_deb";
import { buildDeb, changelogDate, conffiles, installedSize, md5sums, shlibs } from "./write_deb";
import { readElfDynamic } from "../archive/elf";
import { parsePackageSpec } from "./package_spec";

const CONTROL: ControlFields = {
  package: "falco-demo",
  version: "0.1.0-1",
  architecture: "amd64",
  maintainer: "Demo Packagers <packagers@demo.example.org>",
  section: "admin",
  priority: "optional",
  homepage: "https://demo.example.org/falco",
  summary: "falco-demo, the demo package, for the specs",
  description: "A package the specs build.\n\nIt installs:\n- /usr/bin/demo: a program\n- /etc/demo/demo.yaml: its configuration",
  depends: ["libscap (= 0.1.0-1)", "libc6 (>= 2.36)"],
  conflicts: ["falco-other"],
  provides: [],
};

const COPYRIGHT = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n";

function scratch(): string {
  return mkdtempSync(join(process.env["TEST_TMPDIR"] ?? tmpdir(), "deb-spec-"));
}

/** A shared library built by the real compiler, with the given linker flags. */
function compileLibrary(soname: string, ...flags: string[]): Uint8Array {
  const dir = scratch();
  writeFileSync(join(dir, "lib.c"), "#include <stdio.h>\nint demo_answer(void) { return puts(\"42\"); }\n");
  execFileSync("cc", ["-shared", "-fPIC", `-Wl,-soname,${soname}`, ...flags, "-o", join(dir, soname), join(dir, "lib.c")]);
  return readFileSync(join(dir, soname));
}

function demoTree(extra: TreeEntry[] = []): TreeEntry[] {
  return [
    ...buildTree(
      [
        { path: "usr/bin/demo", kind: "file", mode: 0o755, content: "#!/bin/sh\necho demo 0.1.0\n" },
        { path: "etc/demo/demo.yaml", kind: "file", content: "a: 1\n" },
        { path: "etc/demo/rules.d", kind: "dir" },
        { path: "usr/share/doc/falco-demo/copyright", kind: "file", content: COPYRIGHT },
        { path: "usr/lib/x86_64-linux-gnu/libdemo.so", kind: "symlink", target: "libdemo.so.0" },
        { path: "usr/share/demo/big.bin", kind: "file", content: "x".repeat(3000) },
      ],
      () => new Uint8Array(0),
    ),
    ...extra,
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function input(overrides: Partial<DebInput> = {}): DebInput {
  return {
    control: CONTROL,
    tree: demoTree(),
    scripts: { postinst: new TextEncoder().encode('#!/bin/sh\nset -e\necho "configured $1"\n') },
    conffiles: undefined,
    lintianOverrides: "",
    ...overrides,
  };
}

/** Writes the package to a scratch folder and returns its path, for the real dpkg-deb. */
function written(deb: Uint8Array): string {
  const file = join(scratch(), "demo.deb");
  writeFileSync(file, deb);
  return file;
}

function dpkgDeb(...args: string[]): string {
  return execFileSync("dpkg-deb", args, { encoding: "utf8" });
}

describe("synopsisFrom", () => {
  const cases: Array<[string, string, string]> = [
    ["falco, the runtime security rules engine, with its default rules", "falco", "runtime security rules engine, with its default rules"],
    ["libscap (C): opens capture sources, as a shared library with headers", "libscap", "opens capture sources, as a shared library with headers"],
    ["the falco eBPF probe, a CO-RE object", "falco-bpf", "falco eBPF probe, a CO-RE object"],
    ["falco run as a systemd service", "falco-daemon", "falco run as a systemd service"],
    ["runs the tests.", "dev-tester", "runs the tests"],
  ];
  for (const [summary, name, synopsis] of cases) {
    it(`makes "${synopsis}" of "${summary}"`, () => {
      expect(synopsisFrom(summary, name)).toBe(synopsis);
    });
  }

  it("rejects a synopsis that still starts with the package name or is too long", () => {
    expect(() => synopsisFrom("falco falco", "falco")).toThrowError(/must not start with the package name/);
    expect(() => synopsisFrom("x".repeat(80), "falco")).toThrowError(/80 characters, at most 79/);
    expect(synopsisFrom("x".repeat(79), "falco")).toBe("x".repeat(79));
    expect(() => synopsisFrom("falco, ", "falco")).toThrowError(/nothing is left/);
  });
});

describe("formatLongDescription", () => {
  it("indents every line, marks blank lines with a dot and wraps at 80 columns", () => {
    const lines = formatLongDescription(`First paragraph ${"word ".repeat(30)}end.\n\nList:\n- item ${"long ".repeat(20)}tail`);
    expect(lines.every((l) => l.startsWith(" ") && l.length <= 80)).toBeTrue();
    expect(lines).toContain(" .");
    expect(lines).toContain(" List:");
    const item = lines.findIndex((l) => l.startsWith("  - item"));
    expect(lines[item + 1]).toMatch(/^ {4}long/);
    expect(lines[lines.length - 1]).toMatch(/tail$/);
  });

  it("drops a first paragraph that only repeats the synopsis, as lintian would flag it", () => {
    expect(formatLongDescription("Falco run as a service.\n\nMore.", "falco run as a service")).toEqual([" More."]);
    expect(formatLongDescription("Falco run as a service.\n\nMore.", "something else")).toEqual([" Falco run as a service.", " .", " More."]);
    expect(formatLongDescription("Only this.", "only this")).toEqual([" Only this."]);
  });
});

describe("checkControlFields", () => {
  const bad: Array<[Partial<ControlFields>, RegExp]> = [
    [{ package: "Falco" }, /^package "Falco": not a Debian package name/],
    [{ version: "v0.1" }, /^version "v0.1": not a Debian version/],
    [{ maintainer: "nobody" }, /^maintainer "nobody"/],
    [{ section: "games-ish" }, /^section "games-ish"/],
    [{ homepage: "http://insecure.example.org" }, /^homepage .*https/],
    [{ depends: ["libscap (== 0.1.0)"] }, /^depends\[0\] "libscap \(== 0.1.0\)": not a Debian relation/],
    [{ conflicts: ["falco-demo"] }, /^conflicts\[0\] "falco-demo": names the package itself/],
    [{ provides: ["demo (>= 1)"] }, /^provides\[0\]/],
    [{ summary: "two\nlines" }, /^summary/],
    [{ description: " " }, /^description: empty/],
  ];
  for (const [change, error] of bad) {
    it(`rejects ${JSON.stringify(change)}`, () => {
      expect(() => checkControlFields({ ...CONTROL, ...change })).toThrowError(error);
    });
  }

  it("accepts alternatives and architecture qualifiers", () => {
    expect(() => checkControlFields({ ...CONTROL, depends: ["dkms | falco-bpf", "make:any", "libc6 (>= 2.36)"] })).not.toThrow();
  });

  it("knows the upstream part of a version", () => {
    expect(upstreamVersion("1:0.1.0-1")).toBe("0.1.0");
    expect(upstreamVersion("0.1.0-rc1-2")).toBe("0.1.0-rc1");
    expect(upstreamVersion("0.1.0")).toBe("0.1.0");
  });
});

describe("readElfDynamic", () => {
  it("reads the soname, needed libraries and search paths the linker wrote (checked with readelf)", () => {
    const dynamic = readElfDynamic(compileLibrary("libdemo.so.0", "-Wl,-rpath,/opt/demo/lib", "-Wl,--enable-new-dtags"), "libdemo.so.0");
    expect(dynamic.soname).toBe("libdemo.so.0");
    expect(dynamic.searchPaths).toEqual(["/opt/demo/lib"]);
    expect(dynamic.needed).toContain("libc.so.6");
  });

  it("gives nothing for an object without a dynamic section and throws on a truncated file", () => {
    const dir = scratch();
    writeFileSync(join(dir, "o.c"), "int x;\n");
    execFileSync("cc", ["-c", "-o", join(dir, "o.o"), join(dir, "o.c")]);
    expect(readElfDynamic(readFileSync(join(dir, "o.o")), "o.o")).toEqual({ soname: undefined, searchPaths: [], needed: [] });
    const library = compileLibrary("libcut.so.1");
    expect(() => readElfDynamic(library.subarray(0, 0x30), "libcut.so.1")).toThrowError(/^libcut\.so\.1: .*past the end/);
    expect(() => readElfDynamic(new TextEncoder().encode("#!/bin/sh\n"), "script")).toThrowError(/^script: not an ELF file/);
  });
});

describe("control data", () => {
  it("counts the installed size as dpkg does: KiB per file rounded up, one per directory or link", () => {
    const tree = buildTree([
      { path: "a", kind: "file", content: "x".repeat(1025) },
      { path: "b", kind: "symlink", target: "a" },
      { path: "d/e", kind: "file", content: "" },
    ]);
    expect(installedSize(tree)).toBe(2 + 1 + 1 + 0);
  });

  it("lists md5sums of regular files only, by path", () => {
    const sums = md5sums(demoTree()).trim().split("\n");
    expect(sums.map((l) => l.split("  ")[1])).toEqual(["etc/demo/demo.yaml", "usr/bin/demo", "usr/share/demo/big.bin", "usr/share/doc/falco-demo/copyright"]);
    expect(sums[0]).toMatch(/^[0-9a-f]{32} {2}etc\/demo\/demo.yaml$/);
  });

  it("takes every file under /etc as a conffile unless told which, and rejects one the tree lacks", () => {
    expect(conffiles(demoTree(), undefined)).toEqual(["/etc/demo/demo.yaml"]);
    expect(conffiles(demoTree(), ["/usr/share/demo/big.bin"])).toEqual(["/usr/share/demo/big.bin"]);
    expect(() => conffiles(demoTree(), ["/etc/demo/missing.yaml"])).toThrowError("conffile /etc/demo/missing.yaml: not a regular file of the package");
  });

  it("writes shlibs entries from sonames", () => {
    expect(shlibs([{ soname: "libscap.so.0" }, { soname: "libfoo-2.1.so" }], { ...CONTROL, package: "libscap" })).toBe("libfoo 2.1 libscap (>= 0.1.0)\nlibscap 0 libscap (>= 0.1.0)\n");
    expect(() => shlibs([{ soname: "libodd" }], CONTROL)).toThrowError(/soname libodd/);
  });

  it("dates the changelog at the archives' fixed time", () => {
    expect(changelogDate()).toBe("Thu, 01 Jan 2026 00:00:00 +0000");
  });
});

describe("buildDeb, read back with the real dpkg-deb", () => {
  it("writes control fields dpkg-deb reads", () => {
    const file = written(buildDeb(input()));
    expect(dpkgDeb("--field", file, "Package", "Version", "Architecture", "Depends", "Conflicts", "Section", "Homepage")).toBe(
      [
        "Package: falco-demo",
        "Version: 0.1.0-1",
        "Architecture: amd64",
        "Depends: libscap (= 0.1.0-1), libc6 (>= 2.36)",
        "Conflicts: falco-other",
        "Section: admin",
        "Homepage: https://demo.example.org/falco",
        "",
      ].join("\n"),
    );
    expect(dpkgDeb("--field", file, "Description")).toMatch(/^demo package, for the specs\n A package the specs build.\n .\n It installs:\n  - \/usr\/bin\/demo: a program\n/);
    const size = Number(dpkgDeb("--field", file, "Installed-Size").trim());
    expect(size).toBe(installedSize(demoTree()) + 1 /* changelog.Debian.gz */);
  });

  it("holds the tree, the changelog and the control members, root-owned at the fixed time", () => {
    const file = written(buildDeb(input()));
    const contents = dpkgDeb("--contents", file).trim().split("\n");
    const names = contents.map((l) => l.split(/\s+/).slice(5).join(" "));
    expect(names).toEqual([
      "./",
      "./etc/",
      "./etc/demo/",
      "./etc/demo/demo.yaml",
      "./etc/demo/rules.d/",
      "./usr/",
      "./usr/bin/",
      "./usr/bin/demo",
      "./usr/lib/",
      "./usr/lib/x86_64-linux-gnu/",
      "./usr/lib/x86_64-linux-gnu/libdemo.so -> libdemo.so.0",
      "./usr/share/",
      "./usr/share/demo/",
      "./usr/share/demo/big.bin",
      "./usr/share/doc/",
      "./usr/share/doc/falco-demo/",
      "./usr/share/doc/falco-demo/changelog.Debian.gz",
      "./usr/share/doc/falco-demo/copyright",
    ]);
    for (const line of contents) {
      expect(line).toContain(" root/root ");
      expect(line).toContain(" 2026-01-01 00:00 ");
    }
    expect(contents.find((l) => l.endsWith("./usr/bin/demo"))).toMatch(/^-rwxr-xr-x /);
    const info = dpkgDeb("--info", file);
    expect(info).toMatch(/^ new Debian package, version 2\.0\./);
    expect(info).toMatch(/ \d+ bytes, +16 lines +control/);
    expect(info).toMatch(/ \d+ bytes, +5 lines +md5sums/);
    expect(info).toMatch(/ \d+ bytes, +1 lines +conffiles/);
    expect(info).toMatch(/ \d+ bytes, +3 lines +\* +postinst +#!\/bin\/sh/);
  });

  it("writes md5sums that md5sum -c accepts, conffiles and a changelog gunzip reads without name or time", () => {
    const file = written(buildDeb(input()));
    const root = scratch();
    const control = join(root, "DEBIAN");
    execFileSync("dpkg-deb", ["-R", file, root]);
    expect(execFileSync("md5sum", ["-c", join(control, "md5sums")], { cwd: root, encoding: "utf8" })).toContain("usr/bin/demo: OK");
    expect(readFileSync(join(control, "conffiles"), "utf8")).toBe("/etc/demo/demo.yaml\n");
    const gz = readFileSync(join(root, "usr/share/doc/falco-demo/changelog.Debian.gz"));
    expect([gz[3], gz[4], gz[5], gz[6], gz[7]]).toEqual([0, 0, 0, 0, 0]); // no FNAME flag, MTIME 0
    expect(gz[8]).toBe(2); // XFL: maximum compression
    const text = execFileSync("gzip", ["-dc", join(root, "usr/share/doc/falco-demo/changelog.Debian.gz")], { encoding: "utf8" });
    expect(text).toMatch(/^falco-demo \(0\.1\.0-1\) unstable; urgency=medium\n\n {2}\* Release 0\.1\.0/);
    expect(text).toContain("\n -- Demo Packagers <packagers@demo.example.org>  Thu, 01 Jan 2026 00:00:00 +0000\n");
  });

  it("adds shlibs and the ldconfig trigger for a shared library, and ships lintian overrides", () => {
    const library: TreeEntry = { kind: "file", path: "usr/lib/x86_64-linux-gnu/libdemo.so.0", mode: 0o644, data: compileLibrary("libdemo.so.0") };
    const file = written(buildDeb(input({ tree: demoTree([library]), lintianOverrides: "# why\nfalco-demo: some-tag\n" })));
    const root = scratch();
    execFileSync("dpkg-deb", ["-e", file, join(root, "DEBIAN")]);
    expect(readFileSync(join(root, "DEBIAN/shlibs"), "utf8")).toBe("libdemo 0 falco-demo (>= 0.1.0)\n");
    expect(readFileSync(join(root, "DEBIAN/triggers"), "utf8")).toBe("activate-noawait ldconfig\n");
    execFileSync("dpkg-deb", ["-x", file, root]);
    expect(readFileSync(join(root, "usr/share/lintian/overrides/falco-demo"), "utf8")).toBe("# why\nfalco-demo: some-tag\n");
  });

  it("gives the same bytes for the same input", () => {
    expect(buildDeb(input())).toEqual(buildDeb(input()));
  });
});

describe("buildDeb errors", () => {
  const noCopyright = demoTree().filter((e) => !e.path.endsWith("/copyright"));
  const withRunpath: TreeEntry = { kind: "file", path: "usr/lib/x86_64-linux-gnu/libdemo.so.0", mode: 0o644, data: compileLibrary("libdemo.so.0", "-Wl,-rpath,$ORIGIN/../solib") };
  const cases: Array<[string, Partial<DebInput>, string | RegExp]> = [
    ["a missing copyright file", { tree: noCopyright }, "usr/share/doc/falco-demo/copyright: missing; every Debian package ships its copyright file"],
    ["a library with a RUNPATH", { tree: demoTree([withRunpath]) }, /^usr\/lib\/x86_64-linux-gnu\/libdemo.so.0: has a library search path \(RUNPATH\/RPATH \$ORIGIN\/..\/solib\)/],
    ["a script without an interpreter line", { scripts: { prerm: new TextEncoder().encode("echo hi\n") } }, "prerm: a maintainer script must start with #! and its interpreter"],
    ["a conffile the tree lacks", { conffiles: ["/etc/nope"] }, "conffile /etc/nope: not a regular file of the package"],
    [
      "a tree that holds the generated changelog",
      { tree: demoTree([{ kind: "file", path: "usr/share/doc/falco-demo/changelog.Debian.gz", mode: 0o644, data: new Uint8Array(1) }]) },
      "usr/share/doc/falco-demo/changelog.Debian.gz: the package writer generates this file; the tree must not hold it",
    ],
  ];
  for (const [what, change, error] of cases) {
    it(`names the problem for ${what}`, () => {
      expect(() => buildDeb(input(change))).toThrowError(error);
    });
  }
});

describe("parsePackageSpec", () => {
  const good = {
    package: "falco-demo",
    version: "0.1.0-1",
    maintainer: CONTROL.maintainer,
    section: "admin",
    homepage: CONTROL.homepage,
    summary: CONTROL.summary,
    description: CONTROL.description,
    depends: ["libscap (= 0.1.0-1)"],
    scripts: { postinst: "scripts/postinst.sh" },
  };

  it("fills defaults and keeps the script files", () => {
    const spec = parsePackageSpec(JSON.stringify(good));
    expect(spec.control.architecture).toBe("amd64");
    expect(spec.control.priority).toBe("optional");
    expect(spec.control.conflicts).toEqual([]);
    expect(spec.scripts).toEqual({ postinst: "scripts/postinst.sh" });
    expect(spec.conffiles).toBeUndefined();
  });

  const bad: Array<[string, string | RegExp]> = [
    ["{", /^not JSON/],
    ["[]", "expected an object"],
    [JSON.stringify({ ...good, pacakge: "x" }), /^unknown key "pacakge"/],
    [JSON.stringify({ ...good, depends: "libscap" }), '"depends" must be a list of strings'],
    [JSON.stringify({ ...good, scripts: { post_install: "x" } }), /^scripts: "post_install" is not one of preinst, postinst, prerm, postrm/],
    [JSON.stringify({ ...good, version: 1 }), '"version" must be a string'],
  ];
  for (const [text, error] of bad) {
    it(`rejects ${text.slice(0, 40)}`, () => {
      expect(() => parsePackageSpec(text)).toThrowError(error);
    });
  }

});
