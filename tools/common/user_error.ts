/**
 * A problem with what the user gave a tool (a file, a name, an argument), as opposed to a bug in
 * the tool. The CLI harness prints it as one line and exits non-zero; anything else is internal.
 */
export class UserError extends Error {
  /** @param input what the problem is in: a path, a name, an argument. */
  constructor(
    readonly input: string,
    readonly problem: string,
    readonly exitCode = 1,
  ) {
    super(`${input}: ${problem}`);
    this.name = "UserError";
  }
}
