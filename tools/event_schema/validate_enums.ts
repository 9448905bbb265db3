import type { Problems } from "./problem";
import { member, rootOf } from "./problem";
import type { NamedValue, Schema } from "./schema";

const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
const UINT32_MAX = 0xffffffff;

/** Both versions are MAJOR.MINOR.PATCH. */
export function validateVersions(schema: Schema, problems: Problems): void {
  const root = rootOf(schema.files.versions);
  for (const [key, version] of [
    ["api_version", schema.versions.api],
    ["schema_version", schema.versions.schema],
  ] as const) {
    if (!SEMVER.test(version)) {
      problems.add(member(root, key), `"${version}" is not a version MAJOR.MINOR.PATCH`);
    }
  }
}

interface EnumRule {
  readonly key: string;
  readonly prefix: string;
  readonly max: number;
  /** Stored as a field of a C struct: every value must differ. */
  readonly distinct: boolean;
  /** Bits to or together: every value must be 0 or one bit. */
  readonly bits: boolean;
}

const RULES: readonly [EnumRule, (schema: Schema) => readonly NamedValue[]][] = [
  [{ key: "param_types", prefix: "PT_", max: 254, distinct: true, bits: false }, (s) => s.enums.paramTypes],
  [{ key: "print_formats", prefix: "PF_", max: 255, distinct: true, bits: false }, (s) => s.enums.printFormats],
  [{ key: "categories", prefix: "EC_", max: UINT32_MAX, distinct: false, bits: false }, (s) => s.enums.categories],
  [{ key: "event_flags", prefix: "EF_", max: UINT32_MAX, distinct: true, bits: true }, (s) => s.enums.eventFlags],
];

/** Names with the enum's prefix, values in range of their C field, no clash with generated names. */
export function validateEnums(schema: Schema, problems: Problems): void {
  const enums = member(rootOf(schema.files.events), "enums");
  for (const [rule, select] of RULES) {
    const loc = member(enums, rule.key);
    const values = select(schema);
    if (values.length === 0) {
      problems.add(loc, "must not be empty");
    }
    const seen = new Map<number, string>();
    for (const { name, value } of values) {
      const at = member(loc, name);
      if (!new RegExp(`^${rule.prefix}[A-Z0-9_]+$`).test(name)) {
        problems.add(at, `name must be ${rule.prefix} followed by upper-case letters, digits and underscores`);
      }
      if (name === "PT_MAX") {
        problems.add(at, "PT_MAX is generated (one past the last type); do not list it");
      }
      if (value < 0 || value > rule.max) {
        problems.add(at, `value ${value} out of range 0..${rule.max}`);
      }
      if (rule.bits && value !== 0 && (value & (value - 1)) !== 0) {
        problems.add(at, `value ${value} is not a single bit`);
      }
      const other = seen.get(value);
      if (rule.distinct && other !== undefined) {
        problems.add(at, `value ${value} is already taken by ${other}`);
      }
      seen.set(value, other ?? name);
    }
  }
}
