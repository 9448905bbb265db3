import { lowercase } from "./lowercase";
import { markers } from "./markers";
import { misspelling } from "./misspelling";
import { oldNames } from "./old_names";
import type { Rule } from "./rule";
import { versionArch } from "./version_arch";

/** Every naming rule, in the order their findings are reported and their fixes applied. */
export const RULES: readonly Rule[] = [lowercase, oldNames, misspelling, markers, versionArch];
