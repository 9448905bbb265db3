/**
 * How schema names become C identifiers. The data keeps the symbolic names of the contract
 * (`PPME_SYSCALL_OPEN_X`, `PT_FD`, `file_flags`); the generated C puts everything under `SCAP_`.
 */

/** `PPME_SYSCALL_OPEN_X` -> `SCAP_EV_SYSCALL_OPEN_X`. */
export function eventCodeName(enumName: string): string {
  return `SCAP_EV_${stripPrefix(enumName, "PPME_")}`;
}

/** `PT_FD` -> `SCAP_PT_FD`, `PF_DEC` -> `SCAP_PF_DEC`, `EC_FILE` -> `SCAP_EC_FILE`, `EF_WAITS` -> `SCAP_EF_WAITS`. */
export function scapName(symbol: string): string {
  return `SCAP_${symbol}`;
}

/** `file_flags` -> `SCAP_VT_FILE_FLAGS`. */
export function valueTableId(table: string): string {
  return `SCAP_VT_${table.toUpperCase()}`;
}

/** `sockopt_dynamic_param` -> `SCAP_DT_SOCKOPT_DYNAMIC_PARAM`. */
export function dynamicTableId(table: string): string {
  return `SCAP_DT_${table.toUpperCase()}`;
}

/** The static array holding an event's parameters: `PPME_SYSCALL_OPEN_X` -> `params_syscall_open_x`. */
export function paramsArrayName(enumName: string): string {
  return `params_${stripPrefix(enumName, "PPME_").toLowerCase()}`;
}

/** The static array holding a value table's entries: `file_flags` -> `values_file_flags`. */
export function valuesArrayName(table: string): string {
  return `values_${table}`;
}

/** The static array holding a dynamic table's variants. */
export function variantsArrayName(table: string): string {
  return `variants_${table}`;
}

/** The bits of a category or flags value as a C expression: `SCAP_EC_FILE | SCAP_EC_SYSCALL`. */
export function bitsExpression(symbols: readonly string[], none: string): string {
  return symbols.length === 0 ? scapName(none) : symbols.map(scapName).join(" | ");
}

function stripPrefix(name: string, prefix: string): string {
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}
