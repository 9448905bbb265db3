import { benchFigures, checkGuest, splitSteps } from "./guest_log";

const GOOD = [
  "[    1.000000] falco: loading out-of-tree module taints kernel.",
  "guest: kernel 6.1.0-56-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2",
  "bench: none open_close_ns=900 getpid_ns=300",
  "load: ok",
  "events: openat > dirfd=-100 name=/tmp/kmod-probe flags=0x4a mode=0640",
  "events: procexit > status=0",
  "events: child status 0, drops 0, out of order 0",
  "events: done",
  ...Array.from({ length: 12 }, (_, i) => `bad-input: check ${i}: ok`),
  "stress: threads=8 syscalls=1000000 seconds=3.00 events=2000000 drops=0",
  "stress: ok",
  "bench: kmod open_close_ns=1500 getpid_ns=700 events=800000 drops=0",
  "unload: ok",
  "guest: module not loaded",
  "guest: dmesg begin",
  "[    1.000000] falco: loading out-of-tree module taints kernel.",
  "[    1.100000] falco: loaded: 2 CPUs",
  "[    9.000000] falco: unloaded",
  "guest: dmesg end",
  "guest: finished",
].join("\r\n");

const EXPECTED = ["openat > dirfd=-100 name=/tmp/kmod-probe flags=0x4a mode=0640", "procexit > status=0"];

describe("the guest console", () => {
  it("is split by step, prefixes removed, kernel lines left out", () => {
    const steps = splitSteps(GOOD);
    expect(steps.get("load")).toEqual(["ok"]);
    expect(steps.get("events")?.[0]).toBe(EXPECTED[0]);
    expect(steps.get("guest")).toContain("finished");
  });

  it("passes a run that did everything", () => {
    expect(checkGuest(GOOD, EXPECTED)).toEqual([]);
  });

  it("reads the bench figures of both runs", () => {
    expect(benchFigures(splitSteps(GOOD)).map((b) => [b.driver, b.getpidNs])).toEqual([["none", 300], ["kmod", 700]]);
  });

  it("fails on an event that differs, naming the line", () => {
    const problems = checkGuest(GOOD, [EXPECTED[0] ?? "", "procexit > status=1"]);
    expect(problems.length).toBe(1);
    expect(problems[0]).toContain("- procexit > status=1");
    expect(problems[0]).toContain("+ procexit > status=0");
  });

  it("fails on a kernel warning inside the dmesg section", () => {
    const bad = GOOD.replace("guest: dmesg end", "[    2.0] WARNING: CPU: 1 PID: 80 at falco_ring_put\r\nguest: dmesg end");
    expect(checkGuest(bad, EXPECTED)).toEqual(["kernel log: [    2.0] WARNING: CPU: 1 PID: 80 at falco_ring_put"]);
  });

  it("fails when the kernel log does not show the module coming and going", () => {
    const silent = GOOD.replace("[    9.000000] falco: unloaded", "");
    expect(checkGuest(silent, EXPECTED).some((p) => p.includes("no 'falco: loaded'"))).toBeTrue();
  });

  it("fails when the guest never finished or the module stayed loaded", () => {
    const hung = GOOD.replace("guest: finished", "").replace("guest: module not loaded", "guest: module still loaded");
    const problems = checkGuest(hung, EXPECTED);
    expect(problems.some((p) => p.includes("did not finish"))).toBeTrue();
    expect(problems.some((p) => p.includes("did not unload"))).toBeTrue();
  });

  it("fails on a failed bad-input check", () => {
    const bad = GOOD.replace("bad-input: check 3: ok", "bad-input: check 3: FAILED (got success, want Invalid argument)");
    expect(checkGuest(bad, EXPECTED).some((p) => p.includes("check 3: FAILED"))).toBeTrue();
  });
});
