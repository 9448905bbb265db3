import { eventCodeName } from "./c_names";
import { BANNER, docComment, fileText } from "./c_text";
import { syscallRows } from "./driver_model";
import { CODES_HEADER_INCLUDE } from "./emit_codes_header";
import { OPAQUE_MACRO } from "./emit_fill_table";
import type { FillSpec } from "./fill_spec";
import type { Schema } from "./schema";

/** Where the drivers include the header: `#include "driver_api/syscall_table.h"`. */
export const SYSCALL_HEADER_INCLUDE = "driver_api/syscall_table.h";

/**
 * syscall_table.h: for every x86_64 system-call number, its PPM_SC code and the events a driver
 * emits for it. Kernel-safe: it includes event_codes.h only, and uses plain C types.
 */
export function emitSyscallTable(schema: Schema, spec: FillSpec): string {
  const rows = syscallRows(schema, spec);
  return fileText([
    ...BANNER,
    "#ifndef SCAP_DRIVER_API_SYSCALL_TABLE_H",
    "#define SCAP_DRIVER_API_SYSCALL_TABLE_H",
    "",
    `#include "${CODES_HEADER_INCLUDE}"`,
    "",
    ...docComment([
      "The x86_64 system calls: scap_syscall_table[nr] says which events a driver emits for system",
      "call number nr (asm/unistd_64.h) and gives its driver-neutral PPM_SC code (the ppm_sc_codes",
      "value table). System calls without dedicated events, and numbers no system call has, map to",
      "SCAP_EV_GENERIC_E/X, whose parameters are the PPM_SC code (0 when there is none) and nr.",
      "Kernel-safe: no system headers, only plain C types; fill_table.h says how to fill each event.",
    ]),
    "",
    ...OPAQUE_MACRO,
    "",
    ...docComment(["One past the highest system-call number: the size of scap_syscall_table."]),
    `#define SCAP_SYSCALL_NR_MAX ${rows.length}`,
    "",
    ...docComment(["What a driver emits for one system-call number."]),
    "struct scap_syscall_info {",
    "\t/** The PPM_SC code (a value of ppm_sc_codes), 0 for none. */",
    "\tunsigned short ppm_sc;",
    "\t/** The event emitted when the system call is entered: an enum scap_event_code. */",
    "\tunsigned short enter_event;",
    "\t/** The event emitted when it returns: an enum scap_event_code. */",
    "\tunsigned short exit_event;",
    "};",
    "",
    ...docComment(["Indexed by the x86_64 system-call number."]),
    "static const struct scap_syscall_info scap_syscall_table[SCAP_SYSCALL_NR_MAX] = {",
    ...rows.map((row) => `\t{ ${row.ppmSc}, ${eventCodeName(row.enter)}, ${eventCodeName(row.exit)} }, /* ${row.nr} ${row.name ?? "(none)"} */`),
    "};",
    "",
    "#endif /* SCAP_DRIVER_API_SYSCALL_TABLE_H */",
  ]);
}
