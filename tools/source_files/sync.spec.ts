import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Options } from "./sync";
import { differences, parseOptions, update } from "./sync";

function scratch(): { root: string; options: Options } {
  const root = mkdtempSync(join(tmpdir(), "source-files-"));
  mkdirSync(join(root, "gen"));
  mkdirSync(join(root, "docs"));
  writeFileSync(join(root, "gen/a.md"), "A\n");
  writeFileSync(join(root, "gen/b.md"), "B\n");
  const options = parseOptions([
    "--check",
    "--folder",
    "docs",
    "--update-target",
    "//docs:update",
    join(root, "gen/a.md"),
    "docs/a.md",
    join(root, "gen/b.md"),
    "docs/b.md",
  ]);
  return { root, options };
}

describe("differences", () => {
  it("reports missing, stale and orphaned copies", () => {
    const { root, options } = scratch();
    writeFileSync(join(root, "docs/a.md"), "old\n");
    writeFileSync(join(root, "docs/gone.md"), "x\n");
    expect(differences(options, root)).toEqual([
      "docs/a.md: differs from what the build generates",
      "docs/b.md: missing",
      "docs/gone.md: no longer generated",
    ]);
  });

  it("is empty when every copy matches", () => {
    const { root, options } = scratch();
    writeFileSync(join(root, "docs/a.md"), "A\n");
    writeFileSync(join(root, "docs/b.md"), "B\n");
    writeFileSync(join(root, "docs/BUILD.bazel"), "");
    expect(differences(options, root)).toEqual([]);
  });
});

describe("update", () => {
  it("writes every copy and deletes the orphans, after which nothing differs", () => {
    const { root, options } = scratch();
    writeFileSync(join(root, "docs/gone.md"), "x\n");
    expect(update(options, root).length).toBe(3);
    expect(readFileSync(join(root, "docs/b.md"), "utf8")).toBe("B\n");
    expect(readdirSync(join(root, "docs")).sort()).toEqual(["a.md", "b.md"]);
    expect(differences(options, root)).toEqual([]);
  });
});

describe("parseOptions", () => {
  it("rejects an odd list of files", () => {
    expect(() => parseOptions(["--check", "--folder", "d", "x"])).toThrowError(/usage: source_files/);
  });
});

describe("present copies", () => {
  it("are taken from --present when given, not from the folder", () => {
    const { root, options } = scratch();
    writeFileSync(join(root, "docs/a.md"), "A\n");
    writeFileSync(join(root, "docs/b.md"), "B\n");
    writeFileSync(join(root, "docs/launcher"), "#!/bin/sh\n");
    const listed = parseOptions(["--check", "--folder", "docs", "--present", "docs/a.md", "--present", "docs/old.md", ...options.pairs.flatMap((p) => [p.generated, p.committed])]);
    expect(differences(listed, root)).toEqual(["docs/old.md: no longer generated"]);
  });
});
