import { installedParagraph, parsePackageSets, parsePrintUris, renderPins, setsBelow } from "./pin_table";

const SETS = JSON.stringify({
  sets: [
    { name: "base", why: "libc", packages: ["libc6"] },
    { name: "tools", why: "a shell", on: ["base"], packages: ["bash"], leave_out: ["perl"] },
    { name: "top", why: "x", on: ["tools"], packages: ["make"] },
  ],
});

describe("package sets", () => {
  it("reads sets and finds every set below one", () => {
    const sets = parsePackageSets(SETS, "s.json");
    expect(sets.map((s) => s.name)).toEqual(["base", "tools", "top"]);
    expect(sets[1]?.leave_out).toEqual(["perl"]);
    const top = sets[2];
    expect(top).toBeDefined();
    expect(setsBelow(top ?? sets[0] ?? { name: "", why: "", on: [], packages: [], leave_out: [] }, sets).map((s) => s.name)).toEqual(["base", "tools"]);
  });

  it("names the set and the field that is wrong", () => {
    expect(() => parsePackageSets("[", "s.json")).toThrowError(/^s\.json: not JSON/);
    expect(() => parsePackageSets('{"sets": [{"name": "Bad", "why": "", "packages": ["a"]}]}', "s.json")).toThrowError(/set 0: "name" must be lower_case/);
    expect(() => parsePackageSets('{"sets": [{"name": "a", "why": "", "packages": []}]}', "s.json")).toThrowError(/set a: needs "why"/);
    expect(() => parsePackageSets('{"sets": [{"name": "a", "why": "", "on": ["b"], "packages": ["x"]}]}', "s.json")).toThrowError(/set a: "on" names b, which is not a set listed before it/);
  });
});

describe("apt output", () => {
  it("reads --print-uris lines, unescaping epochs and pluses, sorted by name", () => {
    const uris = parsePrintUris(
      "'http://deb.debian.org/debian/pool/main/z/zlib/zlib1g_1.2.13.dfsg-1_amd64.deb' zlib1g_1%3a1.2.13.dfsg-1_amd64.deb 86684 MD5Sum:ec42\n" +
        "'http://deb.debian.org/debian/pool/main/g/gcc-12/libstdc%2b%2b6_12.2.0-14%2bdeb12u1_amd64.deb' libstdc++6_12.2.0-14+deb12u1_amd64.deb 612604 MD5Sum:d5a1\n",
    );
    expect(uris).toEqual([
      { uri: "http://deb.debian.org/debian/pool/main/g/gcc-12/libstdc%2b%2b6_12.2.0-14%2bdeb12u1_amd64.deb", name: "libstdc++6", version: "12.2.0-14+deb12u1", size: 612604 },
      { uri: "http://deb.debian.org/debian/pool/main/z/zlib/zlib1g_1.2.13.dfsg-1_amd64.deb", name: "zlib1g", version: "1:1.2.13.dfsg-1", size: 86684 },
    ]);
    expect(() => parsePrintUris("E: Unable to locate package nope\n")).toThrowError(/not 'URI' FILE SIZE HASH: E: Unable/);
  });

  it("turns an apt-cache paragraph into an installed package, optionally without its dependencies", () => {
    const paragraph = "Package: perl\nVersion: 5.36.0-7\nDepends: perl-base (= 5.36.0-7),\n perl-modules-5.36\nDescription: Larry Wall's\n language\n";
    expect(installedParagraph(paragraph, false)).toBe(
      "Package: perl\nStatus: install ok installed\nVersion: 5.36.0-7\nDepends: perl-base (= 5.36.0-7),\n perl-modules-5.36\nDescription: Larry Wall's\n language\n",
    );
    expect(installedParagraph(paragraph, true)).toBe("Package: perl\nStatus: install ok installed\nVersion: 5.36.0-7\nDescription: Larry Wall's\n language\n");
  });
});

describe("renderPins", () => {
  it("writes one dict per set with its pins, and the command that regenerates it", () => {
    const base = parsePackageSets(SETS, "s.json")[0] ?? { name: "", why: "", on: [], packages: [], leave_out: [] };
    const text = renderPins([{ set: base, pins: [{ name: "libc6", version: "2.36-9", path: "debian/pool/main/g/glibc/libc6_2.36-9_amd64.deb", sha256: "a".repeat(64), size: 2048 }] }], "bazel run //x:pins");
    expect(text).toContain("    bazel run //x:pins\n");
    expect(text).toContain('    # base: libc (1 packages, 2 KiB of .debs)\n    {\n        "name": "base",\n        "on": [],\n');
    expect(text).toContain('                "path": "debian/pool/main/g/glibc/libc6_2.36-9_amd64.deb",\n');
  });
});
