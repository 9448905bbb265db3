"""Public TypeScript macros: compile a package's sources, wrap an entry point as a tool."""

load("//tools/bazel/lint:eslint.bzl", "eslint_test")
load("//tools/bazel/node:node_program.bzl", "node_binary")
load(":ts_compile.bzl", "ts_compile")

def ts_project(name, srcs, deps = [], types = ["node"], lint = True, **kwargs):
    """Compiles `srcs` with tsc (strict) and adds `<name>_lint`, an ESLint test over them.

    Args:
      name: the compile target; other ts_project targets list it in `deps`.
      srcs: the package's .ts files.
      deps: ts_project targets and npm packages (`@npm//:name`) the sources import.
      types: ambient @types packages (`node`, `jasmine`).
      lint: whether to add the `<name>_lint` test.
      **kwargs: passed to ts_compile (data, testonly, visibility, tags).
    """
    ts_compile(
        name = name,
        srcs = srcs,
        deps = deps + ["@npm//:@types/" + t for t in types],
        types = types,
        **kwargs
    )
    if lint:
        eslint_test(
            name = name + "_lint",
            srcs = srcs,
            tags = kwargs.get("tags", []),
        )

def ts_binary(name, entry_point, srcs, deps = [], data = [], **kwargs):
    """Compiles `srcs` and makes `entry_point` (one of them) runnable with `bazel run` or as a tool.

    Args:
      name: the executable target.
      entry_point: the .ts file whose compiled .js node runs.
      srcs: the package's .ts files, entry_point among them.
      deps: ts_project targets and npm packages the sources import.
      data: files the program reads at run time.
      **kwargs: passed to the executable (visibility, tags, testonly).
    """
    if entry_point not in srcs:
        fail("ts_binary %s: entry_point %s must be one of srcs" % (name, entry_point))
    ts_project(
        name = name + "_lib",
        srcs = srcs,
        deps = deps,
        data = data,
        testonly = kwargs.get("testonly", False),
    )
    node_binary(
        name = name,
        entry_point = ":" + name + "_lib",
        entry_file = entry_point[:-len(".ts")] + ".js",
        data = data,
        **kwargs
    )
