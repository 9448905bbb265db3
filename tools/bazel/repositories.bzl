"""Everything the WORKSPACE needs from the machine: Node.js and the npm packages."""

load("//tools/bazel/node:toolchain.bzl", "node_host_repository")
load("//tools/bazel/npm:npm_install.bzl", "npm_install")

def falco_repositories():
    """Declares @node_host (the machine's Node.js) and @npm (package-lock.json installed)."""
    node_host_repository(name = "node_host")
    npm_install(
        name = "npm",
        package_json = "//:package.json",
        package_lock = "//:package-lock.json",
    )
