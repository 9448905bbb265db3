/**
 * What Bazel did to finish a build, from its closing line
 * `INFO: 25 processes: 20 remote cache hit, 5 internal.`
 */
export interface ProcessSummary {
  total: number;
  /** Count per kind: `remote cache hit`, `disk cache hit`, `internal`, `linux-sandbox`, ... */
  byKind: ReadonlyMap<string, number>;
}

const SUMMARY_LINE = /^INFO: (\d+) process(?:es)?(?:: (.*?))?\.?$/;

/** Finds the last process summary in a Bazel log; undefined when the log has none. */
export function parseProcessSummary(log: string): ProcessSummary | undefined {
  let found: ProcessSummary | undefined;
  for (const line of log.split("\n")) {
    const match = SUMMARY_LINE.exec(line.trim());
    if (!match) {
      continue;
    }
    const byKind = new Map<string, number>();
    for (const part of (match[2] ?? "").split(",")) {
      const piece = /^\s*(\d+) (.+?)\s*$/.exec(part);
      if (piece?.[1] !== undefined && piece[2] !== undefined) {
        byKind.set(piece[2], Number(piece[1]));
      }
    }
    found = { total: Number(match[1]), byKind };
  }
  return found;
}

/** Processes that could have come from a cache: all but Bazel's internal bookkeeping. */
export function cacheableCount(summary: ProcessSummary): number {
  return summary.total - (summary.byKind.get("internal") ?? 0);
}

/** Share of the cacheable processes served by the remote cache, from 0 to 1 (1 when none ran). */
export function remoteHitRate(summary: ProcessSummary): number {
  const cacheable = cacheableCount(summary);
  return cacheable === 0 ? 1 : (summary.byKind.get("remote cache hit") ?? 0) / cacheable;
}
