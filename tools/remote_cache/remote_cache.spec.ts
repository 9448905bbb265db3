import { renderNginxConfig } from "./nginx_config";
import { cacheableCount, parseProcessSummary, remoteHitRate } from "./process_summary";

describe("parseProcessSummary", () => {
  const cases: { log: string; total: number; kinds: [string, number][] }[] = [
    {
      log: "INFO: Elapsed time: 3.1s\nINFO: 25 processes: 20 remote cache hit, 5 internal.\nINFO: Build completed",
      total: 25,
      kinds: [["remote cache hit", 20], ["internal", 5]],
    },
    {
      log: "INFO: 11 processes: 6 internal, 5 linux-sandbox.",
      total: 11,
      kinds: [["internal", 6], ["linux-sandbox", 5]],
    },
    { log: "INFO: 0 processes.", total: 0, kinds: [] },
    { log: "INFO: 1 process: 1 internal.", total: 1, kinds: [["internal", 1]] },
  ];
  for (const { log, total, kinds } of cases) {
    it(`reads ${JSON.stringify(log.split("\n").find((l) => l.includes("process")))}`, () => {
      const summary = parseProcessSummary(log);
      expect(summary?.total).toBe(total);
      expect([...(summary?.byKind ?? [])]).toEqual(kinds);
    });
  }

  it("takes the last summary when a log holds several builds", () => {
    const log = "INFO: 9 processes: 9 linux-sandbox.\n...\nINFO: 9 processes: 9 remote cache hit.";
    expect(parseProcessSummary(log)?.byKind.get("remote cache hit")).toBe(9);
  });

  it("returns undefined for a log without a summary", () => {
    expect(parseProcessSummary("ERROR: no such package 'foo'")).toBeUndefined();
  });
});

describe("remoteHitRate", () => {
  it("counts only cacheable processes", () => {
    const summary = parseProcessSummary("INFO: 30 processes: 20 remote cache hit, 4 processwrapper-sandbox, 6 internal.");
    expect(summary && cacheableCount(summary)).toBe(24);
    expect(summary && remoteHitRate(summary)).toBeCloseTo(20 / 24, 6);
  });

  it("is 1 when every cacheable process was a hit, and when there were none", () => {
    const all = parseProcessSummary("INFO: 8 processes: 8 remote cache hit.");
    const none = parseProcessSummary("INFO: 2 processes: 2 internal.");
    expect(all && remoteHitRate(all)).toBe(1);
    expect(none && remoteHitRate(none)).toBe(1);
  });
});

describe("renderNginxConfig", () => {
  const settings = { stateDir: "/tmp/s", cacheDir: "/tmp/c", port: 9092 };

  it("serves the cache folder on loopback with PUT enabled", () => {
    const config = renderNginxConfig(settings);
    expect(config).toContain("listen 127.0.0.1:9092;");
    expect(config).toContain("root /tmp/c;");
    expect(config).toContain("dav_methods PUT;");
    expect(config).toContain("create_full_put_path on;");
    expect(config).toContain("client_max_body_size 0;");
    expect(config).not.toContain("user ");
  });

  it("keeps every file nginx writes inside the state folder", () => {
    const paths = renderNginxConfig(settings).match(/(?:pid|error_log|_temp_path) (\S+?);?\s/g) ?? [];
    expect(paths.length).toBe(7);
    for (const entry of paths) {
      expect(entry).toContain("/tmp/s/");
    }
  });

  it("names the worker user only when asked", () => {
    expect(renderNginxConfig({ ...settings, user: "root" })).toMatch(/^user root;\n/);
  });

  it("rejects a port that is not one", () => {
    expect(() => renderNginxConfig({ ...settings, port: 70000 })).toThrowError(/port 70000/);
  });
});
