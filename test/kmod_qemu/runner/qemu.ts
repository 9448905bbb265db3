import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** How to boot the guest. */
export interface BootSpec {
  readonly kernel: string;
  readonly initrd: string;
  /** "tcg" (software emulation, the default) or "kvm". */
  readonly accel: string;
  readonly memoryMiB: number;
  readonly cpus: number;
  readonly timeoutSeconds: number;
}

/** The qemu binary on PATH, or undefined when it is not installed. */
export function findQemu(path = process.env["PATH"] ?? ""): string | undefined {
  for (const dir of path.split(delimiter)) {
    const candidate = join(dir, "qemu-system-x86_64");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** The command line: serial console on stdout, no display, no reboot; an oops panics and ends the run. */
export function qemuArgs(spec: BootSpec): string[] {
  return [
    "-machine", `q35,accel=${spec.accel}`,
    "-cpu", spec.accel === "kvm" ? "host" : "max",
    "-smp", String(spec.cpus),
    "-m", String(spec.memoryMiB),
    "-kernel", spec.kernel,
    "-initrd", spec.initrd,
    "-append", "console=ttyS0 panic=-1 oops=panic loglevel=4 rdinit=/init",
    "-nographic", "-no-reboot", "-nodefaults", "-serial", "stdio",
  ];
}

/** What a boot produced. */
export interface BootResult {
  readonly console: string;
  readonly timedOut: boolean;
  readonly seconds: number;
}

/** Boots the guest and returns everything it printed on its console, killing it after the timeout. */
export function boot(qemu: string, spec: BootSpec, onLine: (line: string) => void): Promise<BootResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(qemu, qemuArgs(spec), { stdio: ["ignore", "pipe", "pipe"] });
    let console = "";
    let pending = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, spec.timeoutSeconds * 1000);
    const take = (chunk: Buffer): void => {
      const text = chunk.toString("utf8");
      console += text;
      pending += text;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      lines.forEach(onLine);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", () => {
      clearTimeout(timer);
      if (pending !== "") {
        onLine(pending);
      }
      resolve({ console, timedOut, seconds: (Date.now() - started) / 1000 });
    });
  });
}
