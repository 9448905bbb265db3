// ESLint settings for every TypeScript file; run by the `<target>_lint` tests that ts_project adds.
// CommonJS on purpose: under Bazel, packages are found through NODE_PATH, which only require() reads.
const tseslint = require("typescript-eslint");

module.exports = [
  ...tseslint.configs.strict,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/explicit-module-boundary-types": "error",
      eqeqeq: "error",
      "no-var": "error",
      "prefer-const": "error",
    },
  },
];
