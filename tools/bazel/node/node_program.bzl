"""Rules that run a JavaScript entry point with the Node.js toolchain: as a tool or as a test."""

load(":providers.bzl", "JsInfo")
load(":runfiles.bzl", "runfiles_path")

NODE_TOOLCHAIN = "@falco//tools/bazel/node:toolchain_type"

def _quote(text):
    return "'" + text.replace("'", "'\\''") + "'"

def _expand_arg(ctx, arg, files_by_label):
    """Expands `$(rootpath //label)` in one fixed argument into a runfiles path."""
    if not arg.startswith("$(rootpath ") or not arg.endswith(")"):
        return _quote(arg)
    label = str(ctx.label.relative(arg[len("$(rootpath "):-1]))
    files = files_by_label.get(label)
    if files == None or len(files) != 1:
        fail("argument %r must name exactly one file in `data`" % arg, attr = "fixed_args")
    return "\"$runfiles\"/" + _quote(runfiles_path(ctx, files[0]))

def _entry_file(ctx):
    """The one script file of entry_point, or the one named by entry_file."""
    scripts = [f for f in ctx.files.entry_point if f.extension in ["js", "cjs", "mjs"]]
    if ctx.attr.entry_file:
        scripts = [f for f in scripts if f.short_path.endswith("/" + ctx.attr.entry_file)]
    if len(scripts) != 1:
        fail("%s must yield exactly one script (set entry_file to pick one)" % ctx.attr.entry_point.label, attr = "entry_point")
    return scripts[0]

def _node_program_impl(ctx):
    node = ctx.toolchains[NODE_TOOLCHAIN].nodeinfo.node
    entry = _entry_file(ctx)
    files_by_label = {}
    for target in ctx.attr.data:
        files_by_label[str(target.label)] = target.files.to_list()
    launcher = ctx.actions.declare_file(ctx.label.name)
    ctx.actions.expand_template(
        template = ctx.file._launcher,
        output = launcher,
        is_executable = True,
        substitutions = {
            "{ARGS}": " ".join([_expand_arg(ctx, arg, files_by_label) for arg in ctx.attr.fixed_args] + [
                "\"$runfiles\"/" + _quote(runfiles_path(ctx, f))
                for target in ctx.attr.file_args
                for f in target.files.to_list()
                if not ctx.attr.file_args_extensions or f.extension in ctx.attr.file_args_extensions
            ]),
            "{ENTRY}": runfiles_path(ctx, entry),
            "{NODE}": runfiles_path(ctx, node),
            "{NPM_ROOT}": ctx.attr.npm_repository + "/node_modules",
        },
    )
    transitive = [dep[JsInfo].runtime for dep in ctx.attr.deps if JsInfo in dep]
    transitive += [dep[DefaultInfo].files for dep in ctx.attr.deps + ctx.attr.data + ctx.attr.file_args]
    if JsInfo in ctx.attr.entry_point:
        transitive.append(ctx.attr.entry_point[JsInfo].runtime)
    runfiles = ctx.runfiles(
        files = [node, entry],
        transitive_files = depset(transitive = transitive),
    )
    for target in ctx.attr.deps + ctx.attr.data:
        runfiles = runfiles.merge(target[DefaultInfo].default_runfiles)
    return [DefaultInfo(executable = launcher, runfiles = runfiles)]

_ATTRS = {
    "fixed_args": attr.string_list(
        doc = "Arguments placed before the caller's. `$(rootpath LABEL)` names a file in `data`.",
    ),
    "data": attr.label_list(
        doc = "Files the program reads at run time.",
        allow_files = True,
    ),
    "deps": attr.label_list(
        doc = "JavaScript the program loads: ts_project targets and npm packages (`@npm//:name`).",
    ),
    "entry_file": attr.string(
        doc = "Which script of entry_point to run, by its path in the package (`main.js`).",
    ),
    "entry_point": attr.label(
        doc = "The script node runs: a .js file, or a ts_project target with entry_file.",
        allow_files = [".js", ".cjs", ".mjs"],
        mandatory = True,
    ),
    "file_args": attr.label_list(
        doc = "Targets whose files are passed after fixed_args, as paths (jasmine's spec files).",
        allow_files = True,
    ),
    "file_args_extensions": attr.string_list(
        doc = "Only files of file_args with these extensions (`js`) are passed; all when empty.",
    ),
    "npm_repository": attr.string(
        doc = "The external repository holding node_modules, put on NODE_PATH.",
        default = "npm",
    ),
    "_launcher": attr.label(
        default = "//tools/bazel/node:launcher.sh.tpl",
        allow_single_file = True,
    ),
}

node_binary = rule(
    implementation = _node_program_impl,
    doc = """Wraps a JavaScript entry point as an executable: `bazel run` it, or use it as a tool.

Example:

    node_binary(
        name = "naming",
        entry_point = ":naming_lib",
        entry_file = "main.js",
    )
""",
    attrs = _ATTRS,
    executable = True,
    toolchains = [NODE_TOOLCHAIN],
)

node_test = rule(
    implementation = _node_program_impl,
    doc = "Like node_binary, but `bazel test` runs it and its exit code is the verdict.",
    attrs = _ATTRS,
    test = True,
    toolchains = [NODE_TOOLCHAIN],
)
