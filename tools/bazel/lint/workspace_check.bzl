"""workspace_check_test: runs a checker over every matching file of the developer's working tree.

Formatting checks must see files that no BUILD target lists (a new BUILD file, a .bzl nobody
loads yet), so this test looks at the working tree itself rather than at declared inputs. It is
tagged `external` (never cached: it always reads the tree as it is now) and `local`.
"""

load("//tools/bazel/node:runfiles.bzl", "runfiles_path")

def _quote(text):
    return "'" + text.replace("'", "'\\''") + "'"

def _workspace_check_test_impl(ctx):
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.expand_template(
        template = ctx.file._template,
        output = script,
        is_executable = True,
        substitutions = {
            "{ARGS}": " ".join([_quote(a) for a in ctx.attr.checker_args]),
            "{CHECKER}": runfiles_path(ctx, ctx.executable.checker),
            "{MARKER}": runfiles_path(ctx, ctx.file.workspace_marker),
            "{NAME}": ctx.label.name,
            "{PATTERNS}": " ".join([_quote(p) for p in ctx.attr.patterns]),
        },
    )
    runfiles = ctx.runfiles(files = [ctx.file.workspace_marker, ctx.executable.checker])
    runfiles = runfiles.merge(ctx.attr.checker[DefaultInfo].default_runfiles)
    return [DefaultInfo(executable = script, runfiles = runfiles)]

_workspace_check_test = rule(
    implementation = _workspace_check_test_impl,
    test = True,
    attrs = {
        "checker": attr.label(
            doc = "The program that checks the files; a non-zero exit fails the test.",
            executable = True,
            allow_files = True,
            cfg = "target",
            mandatory = True,
        ),
        "checker_args": attr.string_list(doc = "Arguments placed before the file names."),
        "patterns": attr.string_list(
            doc = "git pathspecs (`*.bzl`, `*BUILD.bazel`) of the files to check.",
            mandatory = True,
        ),
        "workspace_marker": attr.label(
            doc = "A source file at the workspace root, whose real path locates the tree.",
            default = "//:WORKSPACE",
            allow_single_file = True,
        ),
        "_template": attr.label(
            default = "//tools/bazel/lint:workspace_check.sh.tpl",
            allow_single_file = True,
        ),
    },
)

def workspace_check_test(name, tags = [], **kwargs):
    """Declares a check over the working tree; see the module doc.

    Args:
      name: the test's name.
      tags: extra tags; `external` and `local` are always added.
      **kwargs: checker, checker_args, patterns, workspace_marker, size, visibility.
    """
    _workspace_check_test(
        name = name,
        tags = tags + ["external", "local"],
        size = kwargs.pop("size", "small"),
        **kwargs
    )
