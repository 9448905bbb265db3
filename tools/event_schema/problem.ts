/**
 * A mistake in the schema data: the file, a JSON path such as `$.events[3].params[0].type`, and
 * what is wrong. Printed as one line.
 */
export interface Problem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** A place in a JSON file, where problems found there are reported. */
export interface Location {
  readonly file: string;
  readonly path: string;
}

/** The root of `file`. */
export function rootOf(file: string): Location {
  return { file, path: "$" };
}

/** The member `key` of the object at `loc`. */
export function member(loc: Location, key: string): Location {
  const step = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  return { file: loc.file, path: loc.path + step };
}

/** Element `index` of the array at `loc`. */
export function element(loc: Location, index: number): Location {
  return { file: loc.file, path: `${loc.path}[${index}]` };
}

/** `file: path: message`. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.path}: ${problem.message}`;
}

/** Collects the problems of one run, in the order they are found. */
export class Problems {
  readonly list: Problem[] = [];

  add(loc: Location, message: string): void {
    this.list.push({ file: loc.file, path: loc.path, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}
