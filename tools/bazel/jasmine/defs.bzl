"""jasmine_test: compiles TypeScript specs and runs them with jasmine."""

load("//tools/bazel/node:node_program.bzl", "node_test")
load("//tools/bazel/typescript:defs.bzl", "ts_project")

def jasmine_test(name, srcs, deps = [], data = [], **kwargs):
    """Runs the jasmine specs in `srcs` (`*.spec.ts`); any failed or missing expectation fails the test.

    Example:

        jasmine_test(
            name = "cli_test",
            srcs = ["cli.spec.ts"],
            deps = [":cli"],
        )

    Args:
      name: the test's name.
      srcs: the spec files.
      deps: the ts_project targets under test, and npm packages the specs import.
      data: files the specs read at run time (fixtures).
      **kwargs: passed to the test (size, tags, timeout, visibility).
    """
    ts_project(
        name = name + "_specs",
        srcs = srcs,
        deps = deps,
        types = ["node", "jasmine"],
        data = data,
        testonly = True,
        tags = kwargs.get("tags", []),
    )
    node_test(
        name = name,
        entry_point = "@npm//:node_modules/jasmine/bin/jasmine.js",
        deps = [
            ":" + name + "_specs",
            "@npm//:jasmine",
        ],
        data = data,
        file_args = [":" + name + "_specs"],
        file_args_extensions = ["js"],
        size = kwargs.pop("size", "small"),
        **kwargs
    )
