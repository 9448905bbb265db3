/**
 * Reads the x86_64 system-call numbers out of the kernel's asm/unistd_64.h (`#define __NR_read 0`)
 * and writes them as driver/api/schema/syscalls_x86_64.json.
 */
import { UserError } from "../common/user_error";
import type { SyscallDef } from "./fill_spec";

const DEFINE = /^\s*#\s*define\s+__NR_([A-Za-z0-9_]+)\s+(.*?)\s*$/;

/** Every `#define __NR_<name> <number>` of the header, in file order; anything odd is a UserError naming the line. */
export function parseUnistd(text: string, file: string): SyscallDef[] {
  const syscalls: SyscallDef[] = [];
  const names = new Map<string, number>();
  const numbers = new Map<number, string>();
  text.split("\n").forEach((line, i) => {
    const match = DEFINE.exec(line);
    if (match === null) {
      return;
    }
    const at = `${file}:${i + 1}`;
    const name = match[1] ?? "";
    const value = match[2] ?? "";
    if (!/^[0-9]+$/.test(value)) {
      throw new UserError(at, `__NR_${name} is "${value}", not a plain number`);
    }
    const nr = Number(value);
    const sameName = names.get(name);
    if (sameName !== undefined) {
      throw new UserError(at, `__NR_${name} is defined again (first on line ${sameName})`);
    }
    const sameNumber = numbers.get(nr);
    if (sameNumber !== undefined) {
      throw new UserError(at, `__NR_${name} has number ${nr}, already taken by __NR_${sameNumber}`);
    }
    names.set(name, i + 1);
    numbers.set(nr, name);
    syscalls.push({ name, nr });
  });
  if (syscalls.length === 0) {
    throw new UserError(file, "has no #define __NR_<name> <number> lines: is it asm/unistd_64.h?");
  }
  return syscalls;
}

/** The text of syscalls_x86_64.json: where the numbers come from, then every system call by number. */
export function syscallsJson(syscalls: readonly SyscallDef[], source: string): string {
  const sorted = [...syscalls].sort((a, b) => a.nr - b.nr);
  const json = { source, syscalls: Object.fromEntries(sorted.map((s) => [s.name, s.nr])) };
  return `${JSON.stringify(json, null, 2)}\n`;
}
