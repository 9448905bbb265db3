"""tar_archive: a deterministic .tar.gz of a package_tree (//tools/archive)."""

load(":tree.bzl", "PackageTreeInfo")

def _tar_archive_impl(ctx):
    tree = ctx.attr.tree[PackageTreeInfo]
    out = ctx.actions.declare_file(ctx.attr.out or ctx.label.name + ".tar.gz")
    args = ctx.actions.args()
    args.add("--tree", tree.spec)
    args.add("--out", out)
    if ctx.attr.root:
        args.add("--root", ctx.attr.root)
    ctx.actions.run(
        executable = ctx.executable._tool,
        arguments = [args],
        inputs = depset([tree.spec], transitive = [tree.inputs]),
        outputs = [out],
        mnemonic = "TarArchive",
        progress_message = "Writing %s" % out.short_path,
    )
    return [DefaultInfo(files = depset([out]), runfiles = ctx.runfiles(files = [out]))]

tar_archive = rule(
    implementation = _tar_archive_impl,
    doc = "A gzip-compressed tar of a package_tree: root-owned, fixed mtime, sorted; byte-identical for the same tree.",
    attrs = {
        "out": attr.string(doc = "The file name (default: <name>.tar.gz)."),
        "root": attr.string(doc = "A folder every member goes under (e.g. falco-0.1.0-x86_64)."),
        "tree": attr.label(mandatory = True, providers = [PackageTreeInfo]),
        "_tool": attr.label(default = "//tools/archive:archive_tar", executable = True, cfg = "exec"),
    },
)
