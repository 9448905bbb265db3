"""shared_testdata_repository: the captures in ../shared/testdata, when that folder exists.

The real captures recorded by upstream tools live beside the repository, not in it. This rule
makes them Bazel inputs (`@shared_testdata//:captures`) when the folder is there, and an empty
filegroup otherwise, so tests can say they skipped instead of failing to build.
"""

_BUILD = """\
package(default_visibility = ["//visibility:public"])

filegroup(
    name = "captures",
    srcs = glob(["captures/*.scap"]),
)
"""

def _shared_testdata_repository_impl(rctx):
    workspace = rctx.path(Label("@//:WORKSPACE")).dirname
    source = rctx.path("%s/%s" % (workspace, rctx.attr.path))
    if source.exists:
        for child in source.readdir():
            rctx.symlink(child, child.basename)
    rctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % rctx.name)
    rctx.file("BUILD.bazel", _BUILD)

shared_testdata_repository = repository_rule(
    implementation = _shared_testdata_repository_impl,
    local = True,
    attrs = {
        "path": attr.string(
            doc = "The folder, relative to the workspace root.",
            default = "../shared/testdata",
        ),
    },
)
