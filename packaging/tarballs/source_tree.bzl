"""source_tree: the workspace's source files at their paths, as a tree for tar_archive (falco-src).

    source_tree(
        name = "falco_src_tree",
        srcs = ["//:srcs"],
        files = {"//packaging:install/falco-src-0.1.0-x86_64.tar.gz/INSTALL": "INSTALL"},
        repository_paths = {"platforms": "third_party/bazel/platforms"},
    )

gives a PackageTreeInfo (//tools/bazel/packaging:tree.bzl) placing every file of `srcs` at its
path in the workspace, plus `files`. Only source files are taken: a generated file in `srcs` is
an error, so no binary gets into the sources. Files of another repository (`@platforms//:srcs`)
go to the folder `repository_paths` gives for it (the local_repository's path in the WORKSPACE).

Modes come from the contents, as Bazel does not track a source file's mode: a file that starts
with `#!` is 0755, every other 0644.
"""

load("//tools/bazel/packaging:tree.bzl", "PackageTreeInfo")

def _workspace_path(ctx, f):
    path = f.short_path
    if not path.startswith("../"):
        return path
    repository, _, rest = path[len("../"):].partition("/")
    where = ctx.attr.repository_paths.get(repository)
    if where == None:
        fail("%s is from the repository @%s, which repository_paths does not place" % (f.short_path, repository), attr = "repository_paths")
    return where + "/" + rest

# Writes the tree spec ($1) of the `path<TAB>file` lines of $2: 0755 for files starting with #!.
_WRITE_SPEC = """\
set -eu
tab="$(printf '\\t')"
{
    printf '['
    separator=''
    while IFS="$tab" read -r path src; do
        case "$path$src" in
        *'"'* | *'\\'*)
            echo "source_tree: $path: a quote or backslash in a path" >&2
            exit 1
            ;;
        esac
        mode=420
        if [ "$(head -c 2 "$src" | tr -d '\\000')" = '#!' ]; then
            mode=493
        fi
        printf '%s\\n  {"kind": "file", "path": "%s", "src": "%s", "mode": %s}' "$separator" "$path" "$src" "$mode"
        separator=','
    done <"$2"
    printf '\\n]\\n'
} >"$1"
"""

def _source_tree_impl(ctx):
    placed = {}
    for f in ctx.files.srcs:
        if not f.is_source:
            fail("%s is built by %s, not a source file" % (f.short_path, f.owner), attr = "srcs")
        path = _workspace_path(ctx, f)
        if path in placed and placed[path] != f:
            fail("%s and %s both go to %s" % (placed[path].short_path, f.short_path, path), attr = "srcs")
        placed[path] = f
    for target, path in ctx.attr.files.items():
        files = target.files.to_list()
        if len(files) != 1:
            fail("%s must give exactly one file (it gives %d)" % (target.label, len(files)), attr = "files")
        if path in placed:
            fail("%s and %s both go to %s" % (placed[path].short_path, files[0].short_path, path), attr = "files")
        placed[path] = files[0]
    manifest = ctx.actions.declare_file(ctx.label.name + ".manifest")
    ctx.actions.write(manifest, "".join([
        "%s\t%s\n" % (path, f.path)
        for path, f in sorted(placed.items())
    ]))
    spec = ctx.actions.declare_file(ctx.label.name + ".tree.json")
    inputs = depset(placed.values())
    ctx.actions.run_shell(
        command = _WRITE_SPEC,
        arguments = [spec.path, manifest.path],
        inputs = depset([manifest], transitive = [inputs]),
        outputs = [spec],
        mnemonic = "SourceTree",
        progress_message = "Listing %d source files for %s" % (len(placed), ctx.label),
    )
    return [
        DefaultInfo(files = depset([spec])),
        PackageTreeInfo(spec = spec, inputs = inputs),
    ]

source_tree = rule(
    implementation = _source_tree_impl,
    doc = "The source files of `srcs` at their workspace paths, as a PackageTreeInfo (see the module doc).",
    attrs = {
        "files": attr.label_keyed_string_dict(
            doc = "More files (the INSTALL) -> their paths, 0644 unless they start with #!.",
            allow_files = True,
        ),
        "repository_paths": attr.string_dict(
            doc = "Repository name -> its folder in the workspace, for files of local repositories.",
        ),
        "srcs": attr.label_list(
            doc = "Source files (filegroups of them: `//:srcs`).",
            allow_files = True,
            mandatory = True,
        ),
    },
)
