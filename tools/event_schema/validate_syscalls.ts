import type { FillSpec } from "./fill_spec";
import type { Problems } from "./problem";
import { member, rootOf } from "./problem";

const SYSCALL_NAME = /^[a-z_][a-z0-9_]*$/;
/** The syscall table is indexed by number: keep it small enough for a kernel array. */
export const MAX_SYSCALL_NR = 1023;

/** syscalls_x86_64.json: C-safe names, numbers in range, no number twice. */
export function validateSyscalls(spec: FillSpec, problems: Problems): void {
  const loc = member(rootOf(spec.files.syscalls), "syscalls");
  if (spec.syscalls.length === 0) {
    problems.add(loc, "must not be empty");
  }
  const seen = new Map<number, string>();
  for (const { name, nr } of spec.syscalls) {
    const at = member(loc, name);
    if (!SYSCALL_NAME.test(name)) {
      problems.add(at, "name must be lower-case letters, digits and underscores");
    }
    if (nr < 0 || nr > MAX_SYSCALL_NR) {
      problems.add(at, `number ${nr} out of range 0..${MAX_SYSCALL_NR}`);
    }
    const other = seen.get(nr);
    if (other !== undefined) {
      problems.add(at, `number ${nr} is already taken by ${other}`);
    }
    seen.set(nr, other ?? name);
  }
}
