import { statSync } from "node:fs";
import { writeFileAtomic } from "../../tools/common/atomic_write";
import { runCli } from "../../tools/common/run_cli";
import { UserError } from "../../tools/common/user_error";
import { serveDirectory } from "./serve";

const USAGE = "usage: http_server --root DIR [--url-file FILE] [--timeout SECONDS]";

interface Flags {
  readonly root: string;
  readonly urlFile?: string;
  readonly timeoutSeconds: number;
}

function parseFlags(argv: readonly string[]): Flags {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] ?? "";
    const value = argv[i + 1];
    if (!["--root", "--url-file", "--timeout"].includes(flag) || value === undefined) {
      throw new UserError(flag, `unexpected argument\n${USAGE}`, 2);
    }
    values.set(flag, value);
  }
  const root = values.get("--root");
  if (root === undefined) {
    throw new UserError("--root", `is required\n${USAGE}`, 2);
  }
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    isDirectory = false;
  }
  if (!isDirectory) {
    throw new UserError(root, "not a directory (--root)", 2);
  }
  const timeout = Number(values.get("--timeout") ?? "900");
  if (!Number.isInteger(timeout) || timeout <= 0) {
    throw new UserError(values.get("--timeout") ?? "", "--timeout takes a positive number of seconds", 2);
  }
  const urlFile = values.get("--url-file");
  return { root, timeoutSeconds: timeout, ...(urlFile !== undefined ? { urlFile } : {}) };
}

/**
 * Serves a directory on 127.0.0.1 at a free port: prints the base URL on stdout (and writes it to
 * --url-file, atomically, for scripts that wait for it), logs `METHOD PATH STATUS` per request on
 * stderr, and stops on SIGTERM or SIGINT, or after --timeout seconds (so a test that dies never
 * leaves it running).
 */
async function main(argv: readonly string[]): Promise<number> {
  const flags = parseFlags(argv);
  const server = await serveDirectory({
    root: flags.root,
    onRequest: (r) => process.stderr.write(`http_server: ${r.method} ${r.path} ${r.status}\n`),
  });
  process.stdout.write(`${server.url}\n`);
  if (flags.urlFile !== undefined) {
    writeFileAtomic(flags.urlFile, `${server.url}\n`);
  }
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, flags.timeoutSeconds * 1000);
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => {
        clearTimeout(timer);
        resolve();
      });
    }
  });
  await server.close();
  return 0;
}

void runCli("http_server", main);
