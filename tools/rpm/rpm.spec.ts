import { execFileSync } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildTree } from "../archive/tree";
import { isElf, readElfDynamic } from "../archive/elf";
import { encodeHeader, REGION_IMMUTABLE, TagType } from "./header";
import { parseMetadata } from "./metadata";
import type { RpmMetadata } from "./rpm";
import { parseDependency, writeRpm } from "./rpm";

// Real ELF files from the machine: a program (needs libc.so.6) and a shared library (libz.so.1).
const PROGRAM = "/bin/true";
const LIBRARY = "/usr/lib/x86_64-linux-gnu/libz.so.1";

function metadata(overrides: Partial<RpmMetadata> = {}): RpmMetadata {
  return {
    name: "demo-tool",
    version: "1.2.3",
    release: "4",
    summary: "a demonstration package",
    description: "It holds a program, a library,\na configuration file and a symlink.",
    license: "Apache-2.0",
    arch: "x86_64",
    requires: ["demo-lib = 1.2.3", "coreutils", "(curl or wget)", "libz.so.1()(64bit)"],
    conflicts: ["demo-tool-old"],
    provides: [],
    conffiles: ["/etc/demo/demo.yaml"],
    scripts: { post_install: 'echo "post $1"\n', pre_remove: 'echo "preun $1"\n' },
    automaticDependencies: true,
    ...overrides,
  };
}

function tree(): ReturnType<typeof buildTree> {
  return buildTree([
    { path: "usr/bin/demo", kind: "file", mode: 0o755, src: PROGRAM },
    { path: "usr/lib64/libdemo.so.1", kind: "file", mode: 0o755, src: LIBRARY },
    { path: "usr/lib64/libdemo.so", kind: "symlink", target: "libdemo.so.1" },
    { path: "usr/bin/demo-helper", kind: "file", mode: 0o755, content: "#!/bin/bash -e\necho hi\n" },
    { path: "usr/share/demo/example.sh", kind: "file", content: "#!/usr/bin/zsh\n" },
    { path: "etc/demo/demo.yaml", kind: "file", content: "answer: 42\n" },
    { path: "usr/share/doc/demo-tool/INSTALL", kind: "file", content: "install it\n" },
    { path: "usr/share/doc/demo-tool/copyright", kind: "file", content: "nobody\n" },
    { path: "var/lib/demo", kind: "dir", mode: 0o700 },
  ]);
}

interface Written {
  readonly dir: string;
  readonly file: string;
  readonly rpm: (...args: string[]) => string;
}

/** Writes the package and returns a runner of the real rpm on it, with a private database. */
function written(bytes: Uint8Array): Written {
  const dir = mkdtempSync(join(process.env["TEST_TMPDIR"] ?? tmpdir(), "rpm-spec-"));
  const file = join(dir, "demo.rpm");
  writeFileSync(file, bytes);
  const rpm = (...args: string[]): string => execFileSync("rpm", ["--dbpath", join(dir, "db"), ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return { dir, file, rpm };
}

function lines(text: string): string[] {
  return text
    .trim()
    .split("\n")
    .map((l) => l.trimEnd());
}

describe("writeRpm, read back with the real rpm", () => {
  const bytes = writeRpm(metadata(), tree());
  const { dir, file, rpm } = written(bytes);

  it("has the name, version, release, arch, summary, description and license given", () => {
    const q = (tag: string): string => rpm("-qp", "--qf", `%{${tag}}`, file);
    expect(q("NAME")).toBe("demo-tool");
    expect(q("VERSION")).toBe("1.2.3");
    expect(q("RELEASE")).toBe("4");
    expect(q("ARCH")).toBe("x86_64");
    expect(q("OS")).toBe("linux");
    expect(q("SUMMARY")).toBe("a demonstration package");
    expect(q("DESCRIPTION")).toBe("It holds a program, a library,\na configuration file and a symlink.");
    expect(q("LICENSE")).toBe("Apache-2.0");
    expect(q("SOURCERPM")).toBe("demo-tool-1.2.3-4.src.rpm");
    expect(rpm("-qpi", file)).toMatch(/^Build Date\s*: .*2026/m);
  });

  it("passes rpm's digest checks (header SHA-1/SHA-256, MD5, payload SHA-256)", () => {
    expect(rpm("-Kv", "--nosignature", file)).not.toMatch(/BAD|NOTFOUND/);
    expect(rpm("-K", "--nosignature", file).trim()).toBe(`${file}: digests OK`);
  });

  it("lists its own files and directories, not the system's", () => {
    expect(lines(rpm("-qpl", file))).toEqual([
      "/etc/demo",
      "/etc/demo/demo.yaml",
      "/usr/bin/demo",
      "/usr/bin/demo-helper",
      "/usr/lib64/libdemo.so",
      "/usr/lib64/libdemo.so.1",
      "/usr/share/demo",
      "/usr/share/demo/example.sh",
      "/usr/share/doc/demo-tool",
      "/usr/share/doc/demo-tool/INSTALL",
      "/usr/share/doc/demo-tool/copyright",
      "/var/lib/demo",
    ]);
  });

  it("records modes, owners, the fixed mtime, link targets and file kinds", () => {
    const dump = lines(rpm("-qp", "--qf", "[%{FILEMODES:perms} %{FILEUSERNAME}:%{FILEGROUPNAME} %{FILEMTIMES} %{FILEFLAGS:fflags} %{FILENAMES} %{FILELINKTOS}\n]", file));
    expect(dump).toContain("drwxr-xr-x root:root 1767225600  /etc/demo");
    expect(dump).toContain("-rw-r--r-- root:root 1767225600 cn /etc/demo/demo.yaml");
    expect(dump).toContain("-rwxr-xr-x root:root 1767225600  /usr/bin/demo");
    expect(dump).toContain("lrwxrwxrwx root:root 1767225600  /usr/lib64/libdemo.so libdemo.so.1");
    expect(dump).toContain("-rw-r--r-- root:root 1767225600 d /usr/share/doc/demo-tool/INSTALL");
    expect(dump).toContain("-rw-r--r-- root:root 1767225600 l /usr/share/doc/demo-tool/copyright");
    expect(dump).toContain("drwx------ root:root 1767225600  /var/lib/demo");
    expect(lines(rpm("-qpc", file))).toEqual(["/etc/demo/demo.yaml"]);
  });

  it("requires what it was given, the sonames its ELF files need, and /bin/sh for its scriptlets", () => {
    const requires = lines(rpm("-qp", "--requires", file));
    expect(requires).toContain("demo-lib = 1.2.3");
    expect(requires).toContain("coreutils");
    expect(requires).toContain("libc.so.6()(64bit)");
    expect(requires).toContain("/bin/sh");
    expect(requires).toContain("rpmlib(FileDigests) <= 4.6.0-1");
    expect(requires).toContain("(curl or wget)");
    expect(requires).toContain("/bin/bash"); // the executable script's interpreter
    expect(requires).not.toContain("/usr/bin/zsh"); // not executable
    expect(requires).toContain("rpmlib(RichDependencies) <= 4.12.0-1");
    expect(requires.filter((r) => r === "libc.so.6()(64bit)").length).toBe(1);
    expect(lines(rpm("-qp", "--qf", "[%{REQUIRENEVRS} %{REQUIREFLAGS:deptype}\n]", file))).toEqual(jasmine.arrayContaining(["/bin/sh post,interp", "/bin/sh preun,interp", "libc.so.6()(64bit) auto", "demo-lib = 1.2.3 manual", "libz.so.1()(64bit) manual"]));
  });

  it("provides itself (versioned, with its arch) and its library's soname; conflicts as given", () => {
    expect(lines(rpm("-qp", "--provides", file))).toEqual(["demo-tool = 1.2.3-4", "demo-tool(x86-64) = 1.2.3-4", "libz.so.1()(64bit)"]);
    expect(lines(rpm("-qp", "--conflicts", file))).toEqual(["demo-tool-old"]);
  });

  it("carries the scriptlets for /bin/sh", () => {
    const scripts = rpm("-qp", "--scripts", file);
    expect(scripts).toContain('postinstall scriptlet (using /bin/sh):\necho "post $1"');
    expect(scripts).toContain('preuninstall scriptlet (using /bin/sh):\necho "preun $1"');
    expect(scripts).not.toContain("preinstall");
  });

  it("has a payload rpm2cpio and cpio unpack to the same bytes", () => {
    const out = join(dir, "unpacked");
    mkdirSync(out);
    execFileSync("sh", ["-c", `rpm2cpio "$1" | cpio -idm --quiet --no-absolute-filenames`, "sh", file], { cwd: out });
    expect(readFileSync(join(out, "usr/bin/demo"))).toEqual(readFileSync(PROGRAM));
    expect(readFileSync(join(out, "etc/demo/demo.yaml"), "utf8")).toBe("answer: 42\n");
    expect(readlinkSync(join(out, "usr/lib64/libdemo.so"))).toBe("libdemo.so.1");
    expect(lstatSync(join(out, "var/lib/demo")).mode & 0o777).toBe(0o700);
  });

  it("gives the same bytes for the same inputs, and other bytes for another tree", () => {
    expect(Buffer.from(writeRpm(metadata(), tree())).equals(Buffer.from(bytes))).toBeTrue();
    const other = buildTree([{ path: "usr/bin/demo", kind: "file", mode: 0o755, content: "#!/bin/sh\n" }]);
    expect(Buffer.from(writeRpm(metadata({ conffiles: [] }), other)).equals(Buffer.from(bytes))).toBeFalse();
  });
});

describe("writeRpm's errors", () => {
  it("names a conffile that is not a file of the tree", () => {
    expect(() => writeRpm(metadata({ conffiles: ["/etc/demo/missing.yaml"] }), tree())).toThrowError("conffile /etc/demo/missing.yaml is not a file of the tree");
  });

  it("names a dependency it cannot read", () => {
    expect(() => parseDependency("libfoo == 1")).toThrowError(/^dependency "libfoo == 1": expected/);
    expect(() => parseDependency("(curl or wget")).toThrowError(/^dependency "\(curl or wget": a rich dependency/);
    expect(() => parseDependency("(a) or (b)")).toThrowError(/a rich dependency/);
    expect(parseDependency("libfoo >= 1.0")).toEqual({ name: "libfoo", flags: 12, version: "1.0" });
    expect(parseDependency("libc.so.6()(64bit)")).toEqual({ name: "libc.so.6()(64bit)", flags: 0, version: "" });
    expect(parseDependency("(curl or wget)")).toEqual({ name: "(curl or wget)", flags: 0, version: "" });
  });

  it("refuses names rpm cannot carry, an arch other than x86_64 and a summary of several lines", () => {
    expect(() => writeRpm(metadata({ name: "demo tool" }), tree())).toThrowError(/^name "demo tool" is not usable/);
    expect(() => writeRpm(metadata({ version: "1-2" }), tree())).toThrowError(/^version "1-2" is not usable/);
    expect(() => writeRpm(metadata({ arch: "aarch64" }), tree())).toThrowError(/^arch "aarch64"/);
    expect(() => writeRpm(metadata({ summary: "a\nb" }), tree())).toThrowError(/^summary/);
  });

  it("refuses a tree without files", () => {
    expect(() => writeRpm(metadata({ conffiles: [] }), buildTree([{ path: "usr/share/demo", kind: "dir" }]))).toThrowError("the tree holds no files");
  });
});

describe("parseMetadata", () => {
  const read = (path: string): string => `body of ${path}`;

  it("reads the rule's JSON, scriptlets from their files, defaults filled in", () => {
    const m = parseMetadata(JSON.stringify({ name: "x", version: "1", summary: "s", license: "MIT", scripts: { post_install: "post.sh" } }), "m.json", read);
    expect(m.release).toBe("1");
    expect(m.arch).toBe("x86_64");
    expect(m.requires).toEqual([]);
    expect(m.scripts).toEqual({ post_install: "body of post.sh" });
    expect(m.automaticDependencies).toBeTrue();
  });

  it("names the file and the key on bad input", () => {
    expect(() => parseMetadata("{", "m.json", read)).toThrowError(/^m\.json: not JSON/);
    expect(() => parseMetadata('{"name": 1}', "m.json", read)).toThrowError('m.json: "name" must be a string');
    expect(() => parseMetadata('{"nmae": "x"}', "m.json", read)).toThrowError(/^m\.json: unknown key "nmae"/);
    expect(() => parseMetadata(JSON.stringify({ name: "x", version: "1", summary: "s", license: "MIT", scripts: { postinst: "a" } }), "m.json", read)).toThrowError(/^m\.json: scripts: "postinst" must be one of/);
    expect(() => parseMetadata(JSON.stringify({ name: "x", version: "1", summary: "s", license: "MIT", conffiles: ["etc/x"] }), "m.json", read)).toThrowError('m.json: conffile "etc/x" must be an absolute path');
  });
});

describe("readElfDynamic", () => {
  it("reads a library's soname and a program's needed libraries", () => {
    expect(readElfDynamic(readFileSync(LIBRARY), LIBRARY).soname).toBe("libz.so.1");
    expect(readElfDynamic(readFileSync(PROGRAM), PROGRAM).needed).toContain("libc.so.6");
  });

  it("tells a script from an ELF file and names a truncated one", () => {
    expect(isElf(new TextEncoder().encode("#!/bin/sh\n"))).toBeFalse();
    const truncated = readFileSync(LIBRARY).subarray(0, 4096);
    expect(() => readElfDynamic(truncated, "/usr/lib64/libz.so.1")).toThrowError(/^\/usr\/lib64\/libz\.so\.1: dynamic section reads past the end of the file/);
  });
});

describe("encodeHeader", () => {
  it("aligns numbers, ends with the region trailer and refuses empty or NUL-holding data", () => {
    const header = encodeHeader(REGION_IMMUTABLE, new Map([[1000, { type: TagType.String, value: "abc" } as const], [1001, { type: TagType.Int32, values: [7] } as const]]));
    const view = new DataView(header.buffer);
    expect(view.getUint32(8)).toBe(3); // region + 2 entries
    expect(view.getUint32(16 + 16 + 8)).toBe(0); // the string at 0
    expect(view.getUint32(16 + 32 + 8)).toBe(4); // the number aligned to 4
    expect(view.getInt32(header.length - 8)).toBe(-48);
    expect(() => encodeHeader(REGION_IMMUTABLE, new Map([[1000, { type: TagType.StringArray, values: [] } as const]]))).toThrowError("header tag 1000: no data");
    expect(() => encodeHeader(REGION_IMMUTABLE, new Map([[1000, { type: TagType.String, value: "a\0b" } as const]]))).toThrowError("header tag 1000: a string holds a NUL byte");
  });
});
