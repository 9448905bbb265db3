import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic_write";
import type { CliIo, Main } from "./run_cli";
import { INTERNAL_ERROR_EXIT, runCli } from "./run_cli";
import { UserError } from "./user_error";

interface Outcome {
  code: number | undefined;
  lines: string[];
}

async function run(main: Main): Promise<Outcome> {
  const outcome: Outcome = { code: undefined, lines: [] };
  const io: CliIo = {
    stderr: (line) => outcome.lines.push(line),
    exit: (code) => {
      outcome.code = code;
    },
  };
  await runCli("tool", main, ["a"], io);
  return outcome;
}

describe("runCli", () => {
  it("passes the arguments and returns main's exit code", async () => {
    let seen: readonly string[] = [];
    const outcome = await run((argv) => {
      seen = argv;
      return 3;
    });
    expect(seen).toEqual(["a"]);
    expect(outcome).toEqual({ code: 3, lines: [] });
  });

  it("prints a user error as one line naming the input, with its exit code", async () => {
    const outcome = await run(() => {
      throw new UserError("rules.yaml", "line 3: unknown key 'condtion'", 2);
    });
    expect(outcome).toEqual({ code: 2, lines: ["tool: rules.yaml: line 3: unknown key 'condtion'"] });
  });

  it("reports anything else as an internal error with its stack", async () => {
    const outcome = await run(async () => {
      throw new TypeError("boom");
    });
    expect(outcome.code).toBe(INTERNAL_ERROR_EXIT);
    expect(outcome.lines.length).toBe(1);
    expect(outcome.lines[0]).toMatch(/^tool: internal error: TypeError: boom\n\s+at /);
  });
});

describe("writeFileAtomic", () => {
  it("replaces the file whole and leaves no temporary file behind", () => {
    const dir = mkdtempSync(join(tmpdir(), "atomic-"));
    const target = join(dir, "out.txt");
    writeFileAtomic(target, "old");
    writeFileAtomic(target, "new", 0o755);
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(statSync(target).mode & 0o777).toBe(0o755);
    expect(readdirSync(dir)).toEqual(["out.txt"]);
  });

  it("leaves the old file untouched when the write fails", () => {
    const dir = mkdtempSync(join(tmpdir(), "atomic-"));
    const target = join(dir, "missing-dir", "out.txt");
    expect(() => writeFileAtomic(target, "x")).toThrowError(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
