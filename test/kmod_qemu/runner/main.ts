import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../../../tools/common/run_cli";
import { UserError } from "../../../tools/common/user_error";
import { benchFigures, checkGuest, splitSteps } from "./guest_log";
import { boot, findQemu } from "./qemu";

const USAGE = "usage: kmod_qemu_test --kernel VMLINUZ --initrd INITRD.cpio.gz --expected EVENTS.txt --name KERNELRELEASE";

function flags(argv: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] ?? "";
    const value = argv[i + 1];
    if (!["--kernel", "--initrd", "--expected", "--name"].includes(flag) || value === undefined) {
      throw new UserError(flag, `unexpected argument\n${USAGE}`, 2);
    }
    out.set(flag, value);
  }
  return out;
}

/**
 * Boots a Debian kernel under qemu with the module and kmod-guest in its initramfs, then checks
 * what the guest printed: the exact events, the answers to bad input, the stress run, a clean
 * unload and a kernel log without warnings. Prints the guest's benchmark figures.
 */
async function main(argv: readonly string[]): Promise<number> {
  const f = flags(argv);
  const need = (flag: string): string => {
    const value = f.get(flag);
    if (value === undefined) {
      throw new UserError(flag, `is required\n${USAGE}`, 2);
    }
    return value;
  };
  const name = need("--name");
  const qemu = findQemu();
  if (qemu === undefined) {
    process.stdout.write(`SKIPPED ${name}: qemu-system-x86_64 is not installed (Debian package qemu-system-x86)\n`);
    return 0;
  }
  const expected = readFileSync(need("--expected"), "utf8").split("\n").filter((l) => l !== "" && !l.startsWith("#"));
  const accel = process.env["KMOD_QEMU_ACCEL"] ?? "tcg";
  const spec = { kernel: need("--kernel"), initrd: need("--initrd"), accel, memoryMiB: 768, cpus: 2, timeoutSeconds: 600 };
  const result = await boot(qemu, spec, () => undefined);
  const outputs = process.env["TEST_UNDECLARED_OUTPUTS_DIR"];
  if (outputs !== undefined) {
    writeFileSync(join(outputs, `console-${name}.log`), result.console);
  }
  const steps = splitSteps(result.console);
  process.stdout.write(`${name}: booted with ${accel} in ${result.seconds.toFixed(1)} s${result.timedOut ? " (timed out)" : ""}\n`);
  for (const line of [...(steps.get("guest") ?? []).filter((l) => l.startsWith("kernel") || l.startsWith("cpus")), ...(steps.get("stress") ?? []), ...(steps.get("bad-input") ?? []).filter((l) => l.startsWith("stalled"))]) {
    process.stdout.write(`${name}: ${line}\n`);
  }
  const figures = benchFigures(steps);
  const none = figures.find((b) => b.driver === "none");
  for (const b of figures) {
    const overhead = none !== undefined && b !== none ? ` (+${b.getpidNs - none.getpidNs} ns getpid, +${b.openCloseNs - none.openCloseNs} ns open/close)` : "";
    process.stdout.write(`${name}: bench ${b.driver}: ${b.openCloseNs} ns per open/close call, ${b.getpidNs} ns per getpid${overhead} ${b.extra}\n`);
  }
  const problems = checkGuest(result.console, expected);
  if (problems.length > 0) {
    process.stdout.write(`--- guest console ---\n${result.console}\n--- end of console ---\n`);
    for (const p of problems) {
      process.stdout.write(`FAIL ${name}: ${p}\n`);
    }
    return 1;
  }
  process.stdout.write(`PASS ${name}: ${(steps.get("events") ?? []).length} event lines as expected, bad input rejected, stress and unload clean\n`);
  return 0;
}

void runCli("kmod_qemu_test", main);
