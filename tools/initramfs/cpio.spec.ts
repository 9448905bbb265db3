import { buildTree } from "../archive/tree";
import { writeNewc } from "./cpio";

interface Parsed {
  name: string;
  mode: number;
  uid: number;
  mtime: number;
  data: string;
}

/** Reads a newc archive back: the spec's independent check of the writer. */
function parseNewc(bytes: Uint8Array): Parsed[] {
  const text = new TextDecoder("latin1");
  const out: Parsed[] = [];
  let at = 0;
  for (;;) {
    const header = text.decode(bytes.subarray(at, at + 110));
    expect(header.slice(0, 6)).toBe("070701");
    const field = (i: number): number => parseInt(header.slice(6 + i * 8, 14 + i * 8), 16);
    const namesize = field(11);
    const size = field(6);
    const name = text.decode(bytes.subarray(at + 110, at + 110 + namesize - 1));
    at += 110 + namesize;
    at += (4 - (at % 4)) % 4;
    const data = text.decode(bytes.subarray(at, at + size));
    at += size;
    at += (4 - (at % 4)) % 4;
    if (name === "TRAILER!!!") {
      expect(at).toBe(bytes.length);
      return out;
    }
    out.push({ name, mode: field(1), uid: field(2), mtime: field(5), data });
  }
}

describe("writeNewc", () => {
  const tree = buildTree([
    { path: "/init", kind: "file", mode: 0o755, content: "#!/bin/sh\necho hi\n" },
    { path: "lib/modules/falco.ko", kind: "file", content: "\u0001\u0002\u0003" },
    { path: "bin/sh", kind: "symlink", target: "busybox" },
    { path: "proc", kind: "dir" },
  ]);

  it("writes every entry, parents first, with root ownership and mtime 0", () => {
    const parsed = parseNewc(writeNewc(tree));
    expect(parsed.map((p) => p.name)).toEqual(["bin", "bin/sh", "init", "lib", "lib/modules", "lib/modules/falco.ko", "proc"]);
    for (const p of parsed) {
      expect(p.uid).toBe(0);
      expect(p.mtime).toBe(0);
    }
    const init = parsed.find((p) => p.name === "init");
    expect(init?.mode).toBe(0o100755);
    expect(init?.data).toBe("#!/bin/sh\necho hi\n");
    expect(parsed.find((p) => p.name === "bin/sh")?.data).toBe("busybox");
    expect(parsed.find((p) => p.name === "bin/sh")?.mode).toBe(0o120777);
    expect(parsed.find((p) => p.name === "lib")?.mode).toBe(0o040755);
  });

  it("gives the same bytes for the same tree", () => {
    expect(writeNewc(tree)).toEqual(writeNewc(tree));
  });
});
