import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RequestRecord } from "./serve";
import { resolveRequestPath, serveDirectory } from "./serve";

interface Reply {
  readonly status: number;
  readonly body: string;
  readonly length: string | undefined;
}

/** One raw request (the path is sent as given, not normalized as fetch() would). */
function get(url: string, path: string, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/`, { method, path }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, length: res.headers["content-length"] }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("resolveRequestPath", () => {
  const cases: ReadonlyArray<[string, string | undefined]> = [
    ["/a.ko", "/srv/a.ko"],
    ["/sub/b.ko.sha256", "/srv/sub/b.ko.sha256"],
    ["/falco_debian_6.12.117%2Bdeb12-amd64_1.ko", "/srv/falco_debian_6.12.117+deb12-amd64_1.ko"],
    ["/falco_debian_6.12.117+deb12-amd64_1.ko", "/srv/falco_debian_6.12.117+deb12-amd64_1.ko"],
    ["/a.ko?x=1", "/srv/a.ko"],
    ["//a.ko", "/srv/a.ko"],
    ["/", undefined],
    ["/../etc/passwd", undefined],
    ["/%2e%2e/etc/passwd", undefined],
    ["/sub/../../x", undefined],
    ["/./a.ko", undefined],
    ["/a%5cb", undefined],
    ["/a%00b", undefined],
    ["/%zz", undefined],
    ["a.ko", undefined],
  ];
  for (const [path, expected] of cases) {
    it(`${path} -> ${String(expected)}`, () => {
      expect(resolveRequestPath("/srv", path)).toBe(expected);
    });
  }
});

describe("serveDirectory", () => {
  it("serves files on 127.0.0.1 at a free port, 404s the rest and logs each request", async () => {
    const root = mkdtempSync(join(tmpdir(), "http-server-spec-"));
    mkdirSync(join(root, "sub"));
    writeFileSync(join(root, "falco.ko"), "module bytes");
    writeFileSync(join(root, "sub", "x.sha256"), "sum");
    writeFileSync(join(tmpdir(), "outside.txt"), "outside");
    const log: RequestRecord[] = [];
    const server = await serveDirectory({ root, onRequest: (r) => log.push(r) });
    const other = await serveDirectory({ root });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.port).not.toBe(other.port);
      expect(await get(server.url, "/falco.ko")).toEqual({ status: 200, body: "module bytes", length: "12" });
      expect(await get(server.url, "/sub/x.sha256")).toEqual({ status: 200, body: "sum", length: "3" });
      expect((await get(server.url, "/falco.ko", "HEAD")).length).toBe("12");
      expect((await get(server.url, "/missing.ko")).status).toBe(404);
      expect((await get(server.url, "/sub")).status).toBe(404);
      expect((await get(server.url, "/../outside.txt")).status).toBe(404);
      expect((await get(server.url, "/falco.ko", "PUT")).status).toBe(405);
      expect(log.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
        "GET /falco.ko 200",
        "GET /sub/x.sha256 200",
        "HEAD /falco.ko 200",
        "GET /missing.ko 404",
        "GET /sub 404",
        "GET /../outside.txt 404",
        "PUT /falco.ko 405",
      ]);
    } finally {
      await server.close();
      await other.close();
    }
  });
});
