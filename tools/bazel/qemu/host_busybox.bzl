"""host_busybox: the machine's static busybox (Debian package busybox-static), for guest initramfs images."""

_MISSING_BUILD = """
genrule(
    name = "missing",
    outs = ["busybox"],
    cmd = "echo '{path} is not a static busybox: install the Debian package busybox-static (tools/setup/run.sh does)' >&2; exit 1",
    visibility = ["//visibility:public"],
)
"""

def _host_busybox_impl(rctx):
    path = rctx.attr.path
    probe = rctx.execute(["file", "-L", path]) if rctx.which("file") else None
    usable = rctx.path(path).exists and (probe == None or "statically linked" in probe.stdout)
    if usable:
        rctx.symlink(path, "busybox")
        rctx.file("BUILD.bazel", 'exports_files(["busybox"])\n')
    else:
        rctx.file("BUILD.bazel", _MISSING_BUILD.format(path = path))

host_busybox = repository_rule(
    implementation = _host_busybox_impl,
    doc = "Exposes //:busybox, the machine's static busybox; building it fails with a clear message when it is missing.",
    attrs = {"path": attr.string(default = "/bin/busybox")},
    local = True,
)
