"""A Node.js toolchain that uses the interpreter already installed on the machine."""

load(":providers.bzl", "NodeInfo")

def _node_toolchain_impl(ctx):
    return [platform_common.ToolchainInfo(nodeinfo = NodeInfo(node = ctx.file.node))]

node_toolchain = rule(
    implementation = _node_toolchain_impl,
    doc = "Declares a node executable as a toolchain of type //tools/bazel/node:toolchain_type.",
    attrs = {
        "node": attr.label(
            doc = "The node executable.",
            allow_single_file = True,
            mandatory = True,
            cfg = "exec",
        ),
    },
)

_HOST_BUILD = """\
load("@falco//tools/bazel/node:toolchain.bzl", "node_toolchain")

package(default_visibility = ["//visibility:public"])

exports_files(["bin/node"])

node_toolchain(
    name = "node",
    node = "bin/node",
)

toolchain(
    name = "toolchain",
    exec_compatible_with = ["@platforms//os:linux"],
    toolchain = ":node",
    toolchain_type = "@falco//tools/bazel/node:toolchain_type",
)
"""

def _node_host_repository_impl(rctx):
    node = rctx.which("node")
    if not node:
        fail("node_host_repository: no `node` on PATH; install Node.js (tools/setup/setup.sh does)")
    version = rctx.execute([node, "--version"]).stdout.strip()
    major = int(version.lstrip("v").split(".")[0]) if version.startswith("v") else 0
    if major < rctx.attr.min_major_version:
        fail("node_host_repository: %s is Node.js %s; this project needs %d or newer" % (
            node,
            version,
            rctx.attr.min_major_version,
        ))
    rctx.symlink(node.realpath, "bin/node")
    rctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % rctx.name)
    rctx.file("BUILD.bazel", _HOST_BUILD)
    rctx.file("VERSION", version + "\n")

node_host_repository = repository_rule(
    implementation = _node_host_repository_impl,
    doc = "Wraps the machine's `node` in a repository with a registered-ready toolchain.",
    environ = ["PATH"],
    local = True,
    attrs = {
        "min_major_version": attr.int(
            doc = "The oldest Node.js major version accepted.",
            default = 18,
        ),
    },
)
