"""kmod_source_tree: the files of an out-of-tree kernel module, laid out as kbuild wants them.

Kbuild builds an external module from one directory (`make M=<dir>`). This rule copies the
module's files from several packages into one tree artifact:

- a file below an include folder of its package (`include/`, `include_static/`, ...: the
  `strip_include_prefix` folders of the cc_library targets) keeps its path below it, under
  `include/` (`driver/api/include_static/driver_api/param_width.h` ->
  `include/driver_api/param_width.h`), so the module includes it as `"driver_api/..."` with
  `-I$(src)/include`;
- every other file goes flat at the top (`driver/fill/fill_open.c` -> `fill_open.c`).

Two files that land on the same path are an error. Beside the tree, `<name>.manifest` lists
`path-in-tree<TAB>origin` per file; kmod_module uses it to show compiler errors with the
workspace paths.

Example:

    kmod_source_tree(
        name = "module_source",
        srcs = ["Kbuild"] + glob(["*.c", "*.h"]) + [
            "include/falco_kmod/kmod_abi.h",          # -> include/falco_kmod/kmod_abi.h
            "//driver/fill:kernel_sources",           # fill_engine.c -> fill_engine.c, ...
        ],
    )
"""

KmodSourceInfo = provider(
    doc = "The source tree of an external kernel module.",
    fields = {
        "manifest": "File: `path-in-tree<TAB>origin` per line.",
        "tree": "The directory (a tree artifact) to build with `make M=`.",
    },
)

def _tree_path(f):
    """Where a file goes in the tree (see the module doc)."""
    package = f.owner.package
    path = f.short_path
    if f.owner.workspace_root:
        path = path[len("../" + f.owner.workspace_name) + 1:]
    if package and path.startswith(package + "/"):
        path = path[len(package) + 1:]
    parts = path.split("/")
    if len(parts) > 1 and parts[0].startswith("include"):
        return "/".join(["include"] + parts[1:])
    return parts[-1]

def _kmod_source_tree_impl(ctx):
    tree = ctx.actions.declare_directory(ctx.label.name)
    manifest = ctx.actions.declare_file(ctx.label.name + ".manifest")
    placed = {}
    args = ctx.actions.args()
    args.add(tree.path)
    for f in ctx.files.srcs:
        path = _tree_path(f)
        if path in placed:
            if placed[path] == f:
                continue
            fail("attribute srcs: %s and %s both go to %s of the module tree" % (placed[path].short_path, f.short_path, path))
        placed[path] = f
        args.add(f.path)
        args.add(path)
    ctx.actions.write(manifest, "".join([
        "%s\t%s\n" % (path, f.short_path if f.is_source else f.path)
        for path, f in sorted(placed.items())
    ]))
    ctx.actions.run_shell(
        command = """\
set -eu
out="$1"; shift
mkdir -p "$out"
while [ $# -gt 0 ]; do
    mkdir -p "$out/$(dirname "$2")"
    cp "$1" "$out/$2"
    chmod 0644 "$out/$2"
    shift 2
done
""",
        arguments = [args],
        inputs = ctx.files.srcs,
        outputs = [tree],
        mnemonic = "KmodSourceTree",
        progress_message = "Assembling the module tree %s" % ctx.label,
    )
    return [
        KmodSourceInfo(tree = tree, manifest = manifest),
        DefaultInfo(files = depset([tree]), runfiles = ctx.runfiles(files = [tree, manifest])),
        OutputGroupInfo(manifest = depset([manifest])),
    ]

kmod_source_tree = rule(
    implementation = _kmod_source_tree_impl,
    doc = "Copies a module's files into one directory for kbuild (see the module doc).",
    attrs = {
        "srcs": attr.label_list(
            doc = "The module's files: Kbuild/Makefile, sources, headers (from any package).",
            allow_files = True,
        ),
    },
)
