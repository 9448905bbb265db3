/**
 * The facts a driver works out itself, named by `proc(FIELD)` and `file(FIELD, FD)` sources: what
 * each one is, the C enum member the generated fill_table.h gives it, and what kind of value it
 * is (which decides the parameter types it may fill).
 */

/** What a fact is, as far as parameter types go. */
export type ValueClass =
  /** A number: fits any integer-like type (PT_UINT64, PT_PID, PT_UID, ...). */
  | { readonly class: "integer" }
  /** A NUL-terminated string: PT_CHARBUF or PT_FSPATH. */
  | { readonly class: "string" }
  /** NUL-terminated strings one after the other: PT_BYTEBUF. */
  | { readonly class: "list" }
  /**
   * PPM flag bits of one value table: a flags parameter naming that table. `conversion` names the
   * conversion of conversions.json a driver puts the Linux value through (onto the same table);
   * `driverBits` the names of the table whose bits a driver works out itself, which fill_table.h
   * gives as constants (SCAP_<TABLE>_<NAME>) for drivers without the userspace value tables.
   */
  | { readonly class: "flags"; readonly table: string; readonly conversion?: string; readonly driverBits?: readonly string[] };

export interface FieldDef {
  /** As written in a source: `proc(exe)`. */
  readonly name: string;
  readonly value: ValueClass;
  /** One sentence for the header and the README. */
  readonly doc: string;
}

const INTEGER: ValueClass = { class: "integer" };
const STRING: ValueClass = { class: "string" };
const LIST: ValueClass = { class: "list" };

/**
 * `proc(FIELD)`: facts of the calling task (for the exit of a clone-style call in the child, of
 * the child; after an execve, of the new program). Their order is the C enum's.
 */
export const PROC_FIELDS: readonly FieldDef[] = [
  { name: "exe", value: STRING, doc: "argv[0] of the program the task runs: the first string of its argument area" },
  { name: "args", value: LIST, doc: "the arguments after argv[0], each NUL-terminated, one after the other" },
  { name: "env", value: LIST, doc: "the environment strings, each NUL-terminated, one after the other" },
  { name: "cwd", value: STRING, doc: "the current working directory, an absolute path" },
  { name: "comm", value: STRING, doc: "the task's command name (up to 15 characters)" },
  { name: "cgroups", value: LIST, doc: '"subsystem=path" of each cgroup the task is in, each NUL-terminated' },
  { name: "tid", value: INTEGER, doc: "the thread id, in the initial pid namespace" },
  { name: "pid", value: INTEGER, doc: "the process id (thread-group id), in the initial pid namespace" },
  { name: "ptid", value: INTEGER, doc: "the process id of the parent, in the initial pid namespace" },
  { name: "vtid", value: INTEGER, doc: "the thread id in the task's own pid namespace" },
  { name: "vpid", value: INTEGER, doc: "the process id in the task's own pid namespace" },
  { name: "pgid", value: INTEGER, doc: "the process group id, in the initial pid namespace" },
  { name: "vpgid", value: INTEGER, doc: "the process group id in the task's own pid namespace" },
  { name: "uid", value: INTEGER, doc: "the effective user id" },
  { name: "gid", value: INTEGER, doc: "the effective group id" },
  { name: "loginuid", value: INTEGER, doc: "the audit login user id (0xFFFFFFFF when not set)" },
  { name: "tty", value: INTEGER, doc: "the device number of the controlling terminal, 0 when none" },
  { name: "fdlimit", value: INTEGER, doc: "the soft limit on open files (RLIMIT_NOFILE)" },
  { name: "pgft_maj", value: INTEGER, doc: "major page faults of the process so far" },
  { name: "pgft_min", value: INTEGER, doc: "minor page faults of the process so far" },
  { name: "vm_size", value: INTEGER, doc: "total virtual memory of the process, in KiB" },
  { name: "vm_rss", value: INTEGER, doc: "resident memory of the process, in KiB" },
  { name: "vm_swap", value: INTEGER, doc: "swapped-out memory of the process, in KiB" },
  { name: "cap_inheritable", value: INTEGER, doc: "the inheritable capability set, bit n for capability n" },
  { name: "cap_permitted", value: INTEGER, doc: "the permitted capability set, bit n for capability n" },
  { name: "cap_effective", value: INTEGER, doc: "the effective capability set, bit n for capability n" },
  { name: "exe_ino", value: INTEGER, doc: "the inode number of the executable file" },
  { name: "exe_ino_ctime", value: INTEGER, doc: "the change time of the executable file's inode, ns since the epoch" },
  { name: "exe_ino_mtime", value: INTEGER, doc: "the modification time of the executable file's inode, ns since the epoch" },
  { name: "trusted_exepath", value: STRING, doc: "the path of the executable file as the kernel resolves it (not argv[0])" },
  { name: "pidns_init_start_ts", value: INTEGER, doc: "the start time of the first process of the task's pid namespace, ns" },
  {
    name: "exe_flags",
    value: { class: "flags", table: "execve_flags", driverBits: ["EXE_WRITABLE", "EXE_UPPER_LAYER", "EXE_LOWER_LAYER", "EXE_FROM_MEMFD"] },
    doc: "facts of the executable: EXE_WRITABLE (by the caller), EXE_UPPER_LAYER / EXE_LOWER_LAYER (overlayfs), EXE_FROM_MEMFD",
  },
  {
    name: "clone_flags",
    value: { class: "flags", table: "clone_flags", conversion: "clone_flags", driverBits: ["CLONE_INVERTED", "NAME_CHANGED", "CLOSED", "CLONE_CHILD_IN_PIDNS"] },
    doc: "the flags the task was created with, through the clone_flags conversion (clone: arg0, clone3: clone_args.flags, fork: none, vfork: CLONE_VM|CLONE_VFORK), plus the PPM-only bits CLONE_INVERTED (in the child), NAME_CHANGED, CLOSED and CLONE_CHILD_IN_PIDNS",
  },
];

/** `file(FIELD, FD)`: facts of the open file (or socket) behind an fd. Their order is the C enum's. */
export const FILE_FIELDS: readonly FieldDef[] = [
  { name: "dev", value: INTEGER, doc: "the device of the file's filesystem, as the kernel encodes it (major << 20 | minor)" },
  { name: "ino", value: INTEGER, doc: "the file's inode number" },
  {
    name: "layer",
    value: { class: "flags", table: "creat_flags", driverBits: ["FD_UPPER_LAYER_CREAT", "FD_LOWER_LAYER_CREAT"] },
    doc: "on overlayfs, the layer the file is on: FD_UPPER_LAYER_CREAT or FD_LOWER_LAYER_CREAT; 0 elsewhere",
  },
  { name: "queuelen", value: INTEGER, doc: "a listening socket: connections waiting to be accepted" },
  { name: "queuemax", value: INTEGER, doc: "a listening socket: the most connections that may wait (the backlog)" },
  { name: "queuepct", value: INTEGER, doc: "a listening socket: queuelen as a percentage of queuemax" },
  { name: "sock", value: INTEGER, doc: "a socket: the kernel address of its struct sock (identifies Unix sockets)" },
  { name: "peer", value: INTEGER, doc: "a connected socket: the kernel address of its peer's struct sock" },
];

/** `PROC_EXE`, `FILE_DEV`: the C enum member of a field, after `SCAP_`. */
export function fieldEnumName(prefix: "PROC" | "FILE", field: string): string {
  return `SCAP_${prefix}_${field.toUpperCase()}`;
}
