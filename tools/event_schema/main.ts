import { writeFileAtomic } from "../common/atomic_write";
import { runCli } from "../common/run_cli";
import { UserError } from "../common/user_error";
import { generate, generateDriverTables } from "./emit";
import { loadSchema } from "./load";
import { loadFillSpec } from "./load_fills";
import type { Problem } from "./problem";
import { formatProblem } from "./problem";

const PROGRAM = "event_schema";
const FLAGS = [
  "--events",
  "--values",
  "--versions",
  "--syscalls",
  "--fillers",
  "--conversions",
  "--codes-header",
  "--table-header",
  "--table-source",
  "--syscall-header",
  "--fill-header",
] as const;
type Flag = (typeof FLAGS)[number];
const USAGE = `usage: generate ${FLAGS.map((f) => `${f} FILE`).join(" ")}`;

function parseFlags(argv: readonly string[]): Map<Flag, string> {
  const flags = new Map<Flag, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = FLAGS.find((f) => f === argv[i]);
    const value = argv[i + 1];
    if (flag === undefined || value === undefined) {
      throw new UserError(argv[i] ?? "", `unexpected argument\n${USAGE}`, 2);
    }
    flags.set(flag, value);
  }
  for (const flag of FLAGS) {
    if (!flags.has(flag)) {
      throw new UserError(flag, `is required\n${USAGE}`, 2);
    }
  }
  return flags;
}

function report(problems: readonly Problem[]): number {
  for (const problem of problems) {
    console.error(`${PROGRAM}: ${formatProblem(problem)}`);
  }
  return 1;
}

/**
 * Reads event_table.json, value_tables.json and versions.json, then syscalls_x86_64.json,
 * fillers.json and conversions.json, checks them, and writes event_codes.h, event_table.h,
 * event_table.c, syscall_table.h and fill_table.h. Each problem in the data is one line:
 * `event_schema: FILE: JSON-PATH: what is wrong`.
 */
function main(argv: readonly string[]): number {
  const flags = parseFlags(argv);
  const path = (flag: Flag): string => flags.get(flag) ?? "";
  const loaded = loadSchema({ events: path("--events"), values: path("--values"), versions: path("--versions") });
  if (loaded.schema === undefined) {
    return report(loaded.problems);
  }
  const fills = loadFillSpec(loaded.schema, { syscalls: path("--syscalls"), fillers: path("--fillers"), conversions: path("--conversions") });
  if (fills.spec === undefined) {
    return report(fills.problems);
  }
  const files = generate(loaded.schema);
  const driver = generateDriverTables(loaded.schema, fills.spec);
  writeFileAtomic(path("--codes-header"), files.codesHeader);
  writeFileAtomic(path("--table-header"), files.tableHeader);
  writeFileAtomic(path("--table-source"), files.tableSource);
  writeFileAtomic(path("--syscall-header"), driver.syscallHeader);
  writeFileAtomic(path("--fill-header"), driver.fillHeader);
  return 0;
}

void runCli(PROGRAM, main);
