import type { Location, Problems } from "./problem";
import { element, member } from "./problem";

/** The items when every one is defined, else undefined (some failed to decode). */
export function allDefined<T>(items: readonly (T | undefined)[]): T[] | undefined {
  const defined: T[] = [];
  for (const item of items) {
    if (item === undefined) {
      return undefined;
    }
    defined.push(item);
  }
  return defined;
}

/** A parsed JSON object whose members are not yet checked. */
export type JsonObject = Readonly<Record<string, unknown>>;

function describe(value: unknown): string {
  if (value === null) {
    return "null";
  }
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}

/**
 * Reads untyped JSON into typed values. Each reader returns undefined, after recording a problem
 * at the value's location, when the value has the wrong shape.
 */
export class JsonReader {
  constructor(private readonly problems: Problems) {}

  /** A JSON object with arbitrary keys (a map), as entries in file order. */
  map(value: unknown, loc: Location): [string, unknown][] | undefined {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.problems.add(loc, `expected an object, found ${describe(value)}`);
      return undefined;
    }
    return Object.entries(value);
  }

  /** A JSON object with the given keys: every required one, maybe some optional ones, no other. */
  record(value: unknown, loc: Location, required: readonly string[], optional: readonly string[] = []): JsonObject | undefined {
    const entries = this.map(value, loc);
    if (entries === undefined) {
      return undefined;
    }
    const object = Object.fromEntries(entries);
    let ok = true;
    for (const key of required) {
      if (!(key in object)) {
        this.problems.add(loc, `missing key "${key}"`);
        ok = false;
      }
    }
    for (const [key] of entries) {
      if (!required.includes(key) && !optional.includes(key)) {
        this.problems.add(member(loc, key), `unknown key (expected one of: ${[...required, ...optional].join(", ")})`);
        ok = false;
      }
    }
    return ok ? object : undefined;
  }

  array(value: unknown, loc: Location): readonly unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.problems.add(loc, `expected an array, found ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  string(value: unknown, loc: Location): string | undefined {
    if (typeof value !== "string") {
      this.problems.add(loc, `expected a string, found ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  /** One of a fixed set of strings. */
  oneOf<T extends string>(value: unknown, loc: Location, allowed: readonly T[]): T | undefined {
    const text = this.string(value, loc);
    if (text === undefined) {
      return undefined;
    }
    const found = allowed.find((a) => a === text);
    if (found === undefined) {
      this.problems.add(loc, `"${text}" is not one of: ${allowed.join(", ")}`);
    }
    return found;
  }

  integer(value: unknown, loc: Location): number | undefined {
    if (typeof value !== "number" || !Number.isSafeInteger(value)) {
      this.problems.add(loc, `expected an integer, found ${typeof value === "number" ? String(value) : describe(value)}`);
      return undefined;
    }
    return value;
  }

  /** An array of strings; undefined if the array or any element is not. */
  strings(value: unknown, loc: Location): string[] | undefined {
    const items = this.array(value, loc);
    if (items === undefined) {
      return undefined;
    }
    return allDefined(items.map((item, i) => this.string(item, element(loc, i))));
  }

  /** Decodes each element with `decode`; undefined if the value is not an array or any element fails. */
  each<T>(value: unknown, loc: Location, decode: (item: unknown, at: Location, index: number) => T | undefined): T[] | undefined {
    const items = this.array(value, loc);
    if (items === undefined) {
      return undefined;
    }
    return allDefined(items.map((item, i) => decode(item, element(loc, i), i)));
  }
}
