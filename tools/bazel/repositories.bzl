"""Everything the WORKSPACE needs from the machine: Node.js and the npm packages."""

load("//tools/bazel/node:toolchain.bzl", "node_host_repository")
load("//tools/bazel/npm:npm_install.bzl", "npm_install")
load("//tools/bazel/qemu:host_busybox.bzl", "host_busybox")
load("//tools/bazel/testdata:shared_testdata.bzl", "shared_testdata_repository")

def falco_repositories():
    """Declares the repositories the build needs from the machine.

    They are @node_host (the machine's Node.js), @npm (package-lock.json installed),
    @shared_testdata (the upstream captures beside the repository, if any) and @host_busybox
    (the static busybox that guest initramfs images run).
    """
    node_host_repository(name = "node_host")
    npm_install(
        name = "npm",
        package_json = "//:package.json",
        package_lock = "//:package-lock.json",
    )
    shared_testdata_repository(name = "shared_testdata")
    host_busybox(name = "host_busybox")
