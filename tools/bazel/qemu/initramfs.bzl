"""initramfs: a gzip-compressed newc cpio archive of a package_tree, for a kernel to boot from (//tools/initramfs)."""

load("//tools/bazel/packaging:tree.bzl", "PackageTreeInfo")

def _initramfs_impl(ctx):
    tree = ctx.attr.tree[PackageTreeInfo]
    out = ctx.actions.declare_file(ctx.label.name + ".cpio.gz")
    ctx.actions.run(
        executable = ctx.executable._tool,
        arguments = ["--tree", tree.spec.path, "--out", out.path],
        inputs = depset([tree.spec], transitive = [tree.inputs]),
        outputs = [out],
        mnemonic = "Initramfs",
        progress_message = "Packing the initramfs %s" % ctx.label,
    )
    return [DefaultInfo(files = depset([out]))]

initramfs = rule(
    implementation = _initramfs_impl,
    doc = "An initramfs of a package_tree: root-owned, mtime 0, byte-identical for the same inputs.",
    attrs = {
        "tree": attr.label(mandatory = True, providers = [PackageTreeInfo]),
        "_tool": attr.label(
            default = "//tools/initramfs",
            executable = True,
            cfg = "exec",
        ),
    },
)
