import { UserError } from "./user_error";

/** What a tool's main function returns: the process exit code. */
export type Main = (argv: readonly string[]) => Promise<number> | number;

/** Where the harness writes; replaced in tests. */
export interface CliIo {
  stderr: (line: string) => void;
  exit: (code: number) => void;
}

const processIo: CliIo = {
  stderr: (line) => process.stderr.write(`${line}\n`),
  exit: (code) => {
    process.exitCode = code;
  },
};

/** Exit code for a bug in the tool itself (EX_SOFTWARE). */
export const INTERNAL_ERROR_EXIT = 70;

/**
 * Runs a tool's main function: a UserError becomes `program: input: problem` and its exit code;
 * any other failure is reported as an internal error with its stack.
 */
export async function runCli(program: string, main: Main, argv = process.argv.slice(2), io = processIo): Promise<void> {
  try {
    io.exit(await main(argv));
  } catch (error: unknown) {
    if (error instanceof UserError) {
      io.stderr(`${program}: ${error.message}`);
      io.exit(error.exitCode);
      return;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`${program}: internal error: ${detail}`);
    io.exit(INTERNAL_ERROR_EXIT);
  }
}
