"""initramfs: a gzip-compressed newc cpio archive for a kernel to boot from, built by //tools/initramfs."""

def _initramfs_impl(ctx):
    out = ctx.actions.declare_file(ctx.label.name + ".cpio.gz")
    args = ctx.actions.args()
    args.add("--out", out)
    inputs = []
    for target, guest in ctx.attr.files.items():
        files = target.files.to_list()
        if len(files) != 1:
            fail("%s must be exactly one file (it gives %d)" % (target.label, len(files)), attr = "files")
        inputs.append(files[0])
        path, _, mode = guest.partition(":")
        args.add("--file", "%s=%s%s" % (path, files[0].path, ":" + mode if mode else ""))
    for guest, target in sorted(ctx.attr.symlinks.items()):
        args.add("--symlink", "%s=%s" % (guest, target))
    for guest, spec in sorted(ctx.attr.chardevs.items()):
        args.add("--chardev", "%s=%s" % (guest, spec))
    for guest in ctx.attr.dirs:
        args.add("--dir", guest)
    ctx.actions.run(
        executable = ctx.executable._tool,
        arguments = [args],
        inputs = inputs,
        outputs = [out],
        mnemonic = "Initramfs",
        progress_message = "Packing the initramfs %s" % ctx.label,
    )
    return [DefaultInfo(files = depset([out]))]

initramfs = rule(
    implementation = _initramfs_impl,
    doc = "An initramfs: files from the build placed at guest paths, symlinks, device nodes and directories; root-owned, mtime 0, byte-identical for the same inputs.",
    attrs = {
        "chardevs": attr.string_dict(doc = "Guest path -> MAJOR:MINOR[:MODE] of a character device node."),
        "dirs": attr.string_list(doc = "Empty directories to create (parents of files are created anyway)."),
        "files": attr.label_keyed_string_dict(
            doc = "Each file (one file per label) -> its guest path, optionally with :MODE (octal; 0644 when absent).",
            allow_files = True,
        ),
        "symlinks": attr.string_dict(doc = "Guest path -> symlink target."),
        "_tool": attr.label(
            default = "//tools/initramfs",
            executable = True,
            cfg = "exec",
        ),
    },
)
