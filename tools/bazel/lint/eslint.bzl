"""eslint_test: lints TypeScript sources with ESLint and the workspace's eslint.config.cjs."""

load("//tools/bazel/node:node_program.bzl", "node_test")

def eslint_test(name, srcs, config = "//:eslint.config.cjs", **kwargs):
    """Fails when ESLint reports any problem, warnings included, in `srcs`.

    Args:
      name: the test's name.
      srcs: the .ts files to lint.
      config: the flat ESLint configuration.
      **kwargs: passed to the test (tags, size, visibility).
    """
    node_test(
        name = name,
        entry_point = "@npm//:node_modules/eslint/bin/eslint.js",
        data = srcs + [config],
        deps = [
            "@npm//:eslint",
            "@npm//:typescript-eslint",
        ],
        fixed_args = [
            "--config",
            "$(rootpath %s)" % config,
            "--max-warnings",
            "0",
        ] + ["$(rootpath %s)" % src for src in srcs],
        size = kwargs.pop("size", "small"),
        **kwargs
    )
