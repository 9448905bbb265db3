"""package_tree: the files of one artifact at their install paths, as the JSON the archive tools read.

Every packaging rule (tar_archive, and the deb, rpm and OCI rules) takes a package_tree, so the
contents of a package are described once.
"""

PackageTreeInfo = provider(
    doc = "A tree of files at install paths.",
    fields = {
        "spec": "File: the JSON list of entries (//tools/archive:tree.ts TreeSpecEntry)",
        "inputs": "depset of Files the spec refers to",
    },
)

def _single_file(target, attr):
    files = target.files.to_list()
    if len(files) != 1:
        fail("%s must give exactly one file (it gives %d)" % (target.label, len(files)), attr = attr)
    return files[0]

def package_scripts(scripts, kinds):
    """The scripts of a package rule's `scripts` attribute, checked.

    Args:
      scripts: the attribute's value, label -> kind.
      kinds: the kinds the package format has.

    Returns:
      (dict of kind -> path, list of the Files), for the packaging tool's JSON and inputs.
    """
    paths = {}
    files = []
    for target, kind in scripts.items():
        if kind not in kinds:
            fail("%s: %r is not one of %s" % (target.label, kind, ", ".join(kinds)), attr = "scripts")
        if kind in paths:
            fail("two scripts for %s" % kind, attr = "scripts")
        f = _single_file(target, "scripts")
        paths[kind] = f.path
        files.append(f)
    return paths, files

def pack_tree(ctx, extension, flags = {}, inputs = [], mnemonic = "PackTree"):
    """Runs a packaging rule's `_tool` over its `tree`: `--tree SPEC [FLAG VALUE]... --out OUT`.

    Args:
      ctx: the rule's context; it has the attributes `tree`, `out` and `_tool`.
      extension: the output's extension when `out` is empty (`.deb`: <name>.deb).
      flags: more flags for the tool, flag -> value (a string or a File).
      inputs: Files the flags refer to, besides the tree's.
      mnemonic: the action's mnemonic.

    Returns:
      The rule's providers: the file, also as runfiles (tests take packages as data).
    """
    tree = ctx.attr.tree[PackageTreeInfo]
    out = ctx.actions.declare_file(ctx.attr.out or ctx.label.name + extension)
    args = ctx.actions.args()
    args.add("--tree", tree.spec)
    for flag, value in flags.items():
        args.add(flag, value)
    args.add("--out", out)
    ctx.actions.run(
        executable = ctx.executable._tool,
        arguments = [args],
        inputs = depset([tree.spec] + inputs, transitive = [tree.inputs]),
        outputs = [out],
        mnemonic = mnemonic,
        progress_message = "Writing %s" % out.short_path,
    )
    return [DefaultInfo(files = depset([out]), runfiles = ctx.runfiles(files = [out]))]

def _package_tree_impl(ctx):
    entries = []
    inputs = []
    for target, where in ctx.attr.files.items():
        f = _single_file(target, "files")
        path, _, mode = where.partition(":")
        entry = {"kind": "file", "path": path, "src": f.path}
        if mode:
            entry["mode"] = int(mode, 8)
        entries.append(entry)
        inputs.append(f)
    for target, where in ctx.attr.file_groups.items():
        for f in target.files.to_list():
            # The file's path below its include/ folder (headers keep their subfolders), else its name.
            relative = f.short_path.split("include/")[-1] if "include/" in f.short_path else f.basename
            entries.append({"kind": "file", "path": where.rstrip("/") + "/" + relative, "src": f.path})
            inputs.append(f)
    for target, path in ctx.attr.trees.items():
        for f in target.files.to_list():
            if not f.is_directory:
                fail("%s must be a directory (a tree artifact)" % target.label, attr = "trees")
            entries.append({"kind": "tree", "path": path, "src": f.path})
            inputs.append(f)
    for path, content in sorted(ctx.attr.contents.items()):
        entries.append({"content": content, "kind": "file", "path": path})
    for path, target in sorted(ctx.attr.symlinks.items()):
        entries.append({"kind": "symlink", "path": path, "target": target})
    for path in ctx.attr.dirs:
        entries.append({"kind": "dir", "path": path})
    spec = ctx.actions.declare_file(ctx.label.name + ".tree.json")
    ctx.actions.write(spec, json.encode_indent(entries, indent = "  ") + "\n")
    return [
        DefaultInfo(files = depset([spec])),
        PackageTreeInfo(spec = spec, inputs = depset(inputs)),
    ]

package_tree = rule(
    implementation = _package_tree_impl,
    doc = "Files, directories of files, inline files, symlinks and empty directories at their paths in a package.",
    attrs = {
        "contents": attr.string_dict(doc = "Path -> the text of a small generated file."),
        "dirs": attr.string_list(doc = "Empty directories to create."),
        "file_groups": attr.label_keyed_string_dict(
            doc = "Groups of files (headers) -> the folder they go in, each at its path below its include/ folder (else by name), mode 0644.",
            allow_files = True,
        ),
        "files": attr.label_keyed_string_dict(
            doc = "Each file (one per label) -> its path, optionally with :MODE (octal; 0644 when absent, so give programs :0755).",
            allow_files = True,
        ),
        "symlinks": attr.string_dict(doc = "Path -> symlink target."),
        "trees": attr.label_keyed_string_dict(doc = "Directory outputs (tree artifacts) -> the path their files go under."),
    },
)
