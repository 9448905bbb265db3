/** What the guest printed on its serial console, split by step, and the checks the test makes. */

/** The lines of one step (their prefix "step: " removed), in order. */
export type GuestSteps = ReadonlyMap<string, readonly string[]>;

const STEPS = ["guest", "load", "events", "bad-input", "stress", "bench", "unload"] as const;

/** Splits the console output into the lines of each step; other lines (the kernel's) are left out. */
export function splitSteps(console: string): GuestSteps {
  const steps = new Map<string, string[]>(STEPS.map((s) => [s, []]));
  for (const raw of console.split(/\r?\n/)) {
    const line = raw.replace(/\r$/, "");
    const colon = line.indexOf(": ");
    const step = colon > 0 ? line.slice(0, colon) : "";
    steps.get(step)?.push(line.slice(colon + 2));
  }
  return steps;
}

/** The kernel log the guest printed between its dmesg markers. */
export function dmesgOf(steps: GuestSteps, console: string): string[] {
  const lines = console.split(/\r?\n/);
  const begin = lines.findIndex((l) => l.includes("guest: dmesg begin"));
  const end = lines.findIndex((l) => l.includes("guest: dmesg end"));
  return begin >= 0 && end > begin && steps.get("guest") !== undefined ? lines.slice(begin + 1, end) : [];
}

/** Kernel log lines that mean the module misbehaved. */
const KERNEL_TROUBLE = /WARNING:|BUG:|Oops|general protection|Call Trace|kmemleak|memory leak|refcount_t|list_del corruption|sleeping function called|scheduling while atomic|falco: .*(leak|error)/;

/** The bench figures of one run: ns per system call. */
export interface BenchFigures {
  readonly driver: string;
  readonly openCloseNs: number;
  readonly getpidNs: number;
  readonly extra: string;
}

export function benchFigures(steps: GuestSteps): BenchFigures[] {
  const out: BenchFigures[] = [];
  for (const line of steps.get("bench") ?? []) {
    const m = /^(\S+) open_close_ns=(\d+) getpid_ns=(\d+)\s*(.*)$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined && m[3] !== undefined) {
      out.push({ driver: m[1], openCloseNs: Number(m[2]), getpidNs: Number(m[3]), extra: m[4] ?? "" });
    }
  }
  return out;
}

/** Every problem the console shows, as one line each; empty when the run is as expected. */
export function checkGuest(console: string, expectedEvents: readonly string[]): string[] {
  const steps = splitSteps(console);
  const problems: string[] = [];
  const guest = steps.get("guest") ?? [];
  if (!guest.includes("finished")) {
    problems.push("the guest did not finish (no 'guest: finished'): it hung, panicked or was killed");
  }
  if (!(steps.get("load") ?? []).includes("ok")) {
    problems.push(`the module did not load: ${(steps.get("load") ?? []).join("; ") || "no load step"}`);
  }
  const events = (steps.get("events") ?? []).filter((l) => /^\S+ [<>]/.test(l));
  const eventsEnd = (steps.get("events") ?? []).filter((l) => !/^\S+ [<>]/.test(l));
  if (events.join("\n") !== expectedEvents.join("\n")) {
    problems.push(`the events differ from the expected ones:\n${diffLines(expectedEvents, events)}`);
  }
  if (!eventsEnd.includes("done")) {
    problems.push(`the events step did not end well: ${eventsEnd.join("; ")}`);
  }
  for (const line of steps.get("bad-input") ?? []) {
    if (line.includes("FAILED") || line.startsWith("error")) {
      problems.push(`bad input: ${line}`);
    }
  }
  if ((steps.get("bad-input") ?? []).filter((l) => l.endsWith(": ok")).length < 12) {
    problems.push("bad input: fewer checks passed than the step makes");
  }
  const stress = steps.get("stress") ?? [];
  if (!stress.includes("ok") || !stress.some((l) => /drops=\d+/.test(l))) {
    problems.push(`stress: ${stress.join("; ") || "no stress step"}`);
  }
  if (!(steps.get("unload") ?? []).includes("ok") || !guest.includes("module not loaded")) {
    problems.push(`the module did not unload cleanly: ${(steps.get("unload") ?? []).join("; ")}`);
  }
  const drivers = benchFigures(steps).map((f) => f.driver);
  if (!drivers.includes("none") || !drivers.includes("kmod")) {
    problems.push(`bench: expected a run without and with the module, got [${drivers.join(", ")}]`);
  }
  const dmesg = dmesgOf(steps, console);
  if (!dmesg.some((l) => /falco: .*loaded/.test(l)) || !dmesg.some((l) => /falco: .*unloaded/.test(l))) {
    problems.push("kernel log: no 'falco: loaded' and 'falco: unloaded' lines (was the log printed?)");
  }
  for (const line of dmesg) {
    if (KERNEL_TROUBLE.test(line)) {
      problems.push(`kernel log: ${line.trim()}`);
    }
  }
  return problems;
}

/** A short line-by-line difference: `-` expected lines missing, `+` lines not expected. */
export function diffLines(expected: readonly string[], actual: readonly string[]): string {
  const out: string[] = [];
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    if (expected[i] !== actual[i]) {
      if (expected[i] !== undefined) {
        out.push(`  - ${expected[i] ?? ""}`);
      }
      if (actual[i] !== undefined) {
        out.push(`  + ${actual[i] ?? ""}`);
      }
    }
  }
  return out.join("\n");
}
