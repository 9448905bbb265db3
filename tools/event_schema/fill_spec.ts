/**
 * The driver tables as the generator sees them, decoded from three more files of
 * driver/api/schema: the x86_64 system-call numbers, the Linux-to-PPM conversion tables, and the
 * fill specification (for each system call with dedicated events, where every parameter of its
 * enter and exit event comes from).
 */
import type { FillSource } from "./fill_source";

/** One x86_64 system call: its name in the kernel's unistd_64.h and its number. */
export interface SyscallDef {
  readonly name: string;
  readonly nr: number;
}

/** One row of a conversion: the Linux bits (or value) and the PPM value name they become. */
export interface ConversionEntry {
  readonly linux: number;
  /**
   * Bit sets only: the bits compared with `linux` (the entry matches when `input & mask == linux`);
   * `linux` itself when not given. An enum entry matches the exact value.
   */
  readonly mask?: number;
  /** A name of the conversion's value table. */
  readonly ppm: string;
}

export type ConversionKind = "bitset" | "enum";

/** A Linux-to-PPM conversion table, referenced by `flags(VALUE, NAME)` sources. */
export interface Conversion {
  readonly name: string;
  readonly kind: ConversionKind;
  /** The value table of value_tables.json the PPM names belong to. */
  readonly table: string;
  /** What it converts, for the generated comment. */
  readonly doc: string;
  /** Enums only: the PPM name given when no entry matches. */
  readonly unknown?: string;
  readonly entries: readonly ConversionEntry[];
}

/** One parameter's source: the text as written and what it was parsed into. */
export interface ParamFill {
  readonly param: string;
  readonly text: string;
  readonly source: FillSource;
}

/** The sources of every parameter of one event, in record order. */
export interface EventFills {
  /** The event's enum name, `PPME_SYSCALL_OPEN_X`. */
  readonly event: string;
  readonly params: readonly ParamFill[];
}

/** The dedicated events of one system call and the sources of their parameters. */
export interface SyscallFills {
  readonly syscall: string;
  /** Why the pair chosen is not the newest of its name, when it is not. */
  readonly notNewest?: string;
  readonly enter: EventFills;
  readonly exit: EventFills;
}

/** The paths of the three files, as given on the command line; problems name them. */
export interface FillSpecFiles {
  readonly syscalls: string;
  readonly fillers: string;
  readonly conversions: string;
}

export interface FillSpec {
  readonly files: FillSpecFiles;
  /** In file order (by number, as import_syscalls writes them). */
  readonly syscalls: readonly SyscallDef[];
  /** System call name -> the name its events carry in the schema, where the two differ. */
  readonly aliases: ReadonlyMap<string, string>;
  readonly conversions: readonly Conversion[];
  readonly fillers: readonly SyscallFills[];
}
