import { compareOutputs } from "./output_files";
import type { OutputFile } from "./output_files";

function file(path: string, sha256: string, bytes = 10): OutputFile {
  return { path, location: `/execroot/bazel-out/k8-fastbuild/bin/${path}`, bytes, sha256 };
}

describe("compareOutputs", () => {
  it("finds nothing to say about identical builds", () => {
    const files = [file("packaging/a.deb", "aa"), file("packaging/b.rpm", "bb")];
    expect(compareOutputs(files, [...files])).toEqual([]);
  });

  it("names a file whose bytes differ, with both digests", () => {
    expect(compareOutputs([file("packaging/a.deb", "aaaa", 10)], [file("packaging/a.deb", "bbbb", 12)])).toEqual([
      "packaging/a.deb: aaaa (10 bytes) vs bbbb (12 bytes)",
    ]);
  });

  it("names files that only one build has", () => {
    expect(compareOutputs([file("x", "1")], [file("y", "1")])).toEqual(["x: only in the first build", "y: only in the second build"]);
  });
});
