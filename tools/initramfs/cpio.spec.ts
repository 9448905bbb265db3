import { writeNewc } from "./cpio";
import { layoutEntries } from "./layout";

interface Parsed {
  name: string;
  mode: number;
  uid: number;
  mtime: number;
  size: number;
  rdevMajor: number;
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
    out.push({ name, mode: field(1), uid: field(2), mtime: field(5), size, rdevMajor: field(9), data });
  }
}

describe("writeNewc", () => {
  const data = new TextEncoder().encode("#!/bin/sh\necho hi\n");
  const entries = layoutEntries(
    {
      files: [{ guest: "/init", host: "init", mode: 0o755 }, { guest: "lib/modules/falco.ko", host: "ko", mode: 0o644 }],
      symlinks: [{ guest: "bin/sh", target: "busybox" }],
      chardevs: [{ guest: "dev/console", major: 5, minor: 1, mode: 0o600 }],
      dirs: ["proc"],
    },
    (host) => (host === "init" ? data : new Uint8Array([1, 2, 3])),
  );

  it("writes every entry, parents first, with root ownership and mtime 0", () => {
    const parsed = parseNewc(writeNewc(entries));
    expect(parsed.map((p) => p.name)).toEqual(["bin", "bin/sh", "dev", "dev/console", "init", "lib", "lib/modules", "lib/modules/falco.ko", "proc"]);
    for (const p of parsed) {
      expect(p.uid).toBe(0);
      expect(p.mtime).toBe(0);
    }
    const init = parsed.find((p) => p.name === "init");
    expect(init?.mode).toBe(0o100755);
    expect(init?.data).toBe("#!/bin/sh\necho hi\n");
    expect(parsed.find((p) => p.name === "bin/sh")?.data).toBe("busybox");
    expect(parsed.find((p) => p.name === "bin/sh")?.mode).toBe(0o120777);
    expect(parsed.find((p) => p.name === "dev/console")?.mode).toBe(0o020600);
    expect(parsed.find((p) => p.name === "dev/console")?.rdevMajor).toBe(5);
    expect(parsed.find((p) => p.name === "lib")?.mode).toBe(0o040755);
  });

  it("gives the same bytes whatever the order of the inputs", () => {
    expect(writeNewc([...entries].reverse())).toEqual(writeNewc(entries));
  });

  it("rejects a path listed twice and paths that leave the root", () => {
    const read = (): Uint8Array => new Uint8Array(0);
    expect(() => layoutEntries({ files: [{ guest: "a", host: "x", mode: 0o644 }], symlinks: [{ guest: "/a", target: "b" }], chardevs: [], dirs: [] }, read)).toThrowError(/a: listed twice/);
    expect(() => layoutEntries({ files: [{ guest: "../etc/x", host: "x", mode: 0o644 }], symlinks: [], chardevs: [], dirs: [] }, read)).toThrowError(/not a usable guest path/);
    expect(() => layoutEntries({ files: [{ guest: "a", host: "x", mode: 0o644 }, { guest: "a/b", host: "x", mode: 0o644 }], symlinks: [], chardevs: [], dirs: [] }, read)).toThrowError(/parent a is not a directory/);
  });
});
