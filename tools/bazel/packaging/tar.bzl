"""tar_archive: a deterministic .tar.gz of a package_tree (//tools/archive)."""

load(":tree.bzl", "PackageTreeInfo", "pack_tree")

def _tar_archive_impl(ctx):
    return pack_tree(ctx, ".tar.gz", flags = {"--root": ctx.attr.root} if ctx.attr.root else {}, mnemonic = "TarArchive")

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
