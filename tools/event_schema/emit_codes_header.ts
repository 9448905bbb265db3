import { eventCodeName, scapName } from "./c_names";
import { BANNER, docComment, enumDeclaration, fileText } from "./c_text";
import type { NamedValue, Schema } from "./schema";

/** Where libscap and the drivers include the header: `#include "driver_api/event_codes.h"`. */
export const CODES_HEADER_INCLUDE = "driver_api/event_codes.h";

function versionMacros(prefix: string, doc: string, version: string): string[] {
  const [major, minor, patch] = version.split(".");
  return [
    ...docComment([doc]),
    `#define ${prefix} "${version}"`,
    `#define ${prefix}_MAJOR ${major ?? "0"}`,
    `#define ${prefix}_MINOR ${minor ?? "0"}`,
    `#define ${prefix}_PATCH ${patch ?? "0"}`,
  ];
}

function symbols(values: readonly NamedValue[]): { name: string; value: number }[] {
  return values.map((v) => ({ name: scapName(v.name), value: v.value }));
}

/**
 * event_codes.h: the versions and the enums of the contract. Kernel-safe: no includes, only
 * macros and enums, so that the kernel module and the eBPF probe compile it too.
 */
export function emitCodesHeader(schema: Schema): string {
  const lastType = schema.enums.paramTypes.reduce((max, t) => Math.max(max, t.value), -1);
  return fileText([
    ...BANNER,
    "#ifndef SCAP_DRIVER_API_EVENT_CODES_H",
    "#define SCAP_DRIVER_API_EVENT_CODES_H",
    "",
    ...docComment([
      "The event codes and the enums of the kernel/userspace contract, shared by the drivers,",
      "libscap and libsinsp. Kernel-safe: no includes, only macros and enums.",
    ]),
    "",
    ...versionMacros("SCAP_SCHEMA_VERSION", "Version of the event schema: event codes, names and parameter layouts.", schema.versions.schema),
    "",
    ...versionMacros("SCAP_API_VERSION", "Version of the driver API: the ring buffer and ioctl contract.", schema.versions.api),
    "",
    ...enumDeclaration(
      [
        "Every event code. Even codes are enter events (`_E`), odd codes exit events (`_X`); the two",
        "events of a pair share a name in scap_event_table.",
      ],
      "scap_event_code",
      [...schema.events.map((e) => ({ name: eventCodeName(e.enumName), value: e.code })), { name: "SCAP_EVENT_COUNT", value: schema.events.length }],
    ),
    "",
    ...enumDeclaration(
      ["How a parameter is encoded in an event record. SCAP_PT_MAX is one past the last type."],
      "scap_param_type",
      [...symbols(schema.enums.paramTypes), { name: "SCAP_PT_MAX", value: lastType + 1 }],
    ),
    "",
    ...enumDeclaration(["How a numeric parameter is printed."], "scap_print_format", symbols(schema.enums.printFormats)),
    "",
    ...enumDeclaration(
      [
        "An event's category: what it is about (SCAP_EC_FILE, SCAP_EC_NET, ...) or'ed with where",
        "it comes from (SCAP_EC_SYSCALL, SCAP_EC_TRACEPOINT, ...).",
      ],
      "scap_event_category",
      symbols(schema.enums.categories),
    ),
    "",
    ...enumDeclaration(
      [
        "Properties of an event, as bits. An event with SCAP_EF_LARGE_PAYLOAD stores the lengths",
        "of its parameters on 4 bytes each in a capture; any other event on 2 bytes.",
      ],
      "scap_event_flags",
      symbols(schema.enums.eventFlags),
    ),
    "",
    "#endif /* SCAP_DRIVER_API_EVENT_CODES_H */",
  ]);
}
