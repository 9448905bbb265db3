"""write_file: a file whose content is computed in Starlark (a manifest exported as JSON, say)."""

def _write_file_impl(ctx):
    ctx.actions.write(ctx.outputs.out, ctx.attr.content, is_executable = ctx.attr.is_executable)
    return [DefaultInfo(files = depset([ctx.outputs.out]))]

write_file = rule(
    implementation = _write_file_impl,
    doc = """Writes `content` to `out`.

Example:

    write_file(
        name = "artifacts_json",
        out = "artifacts.json",
        content = json.encode_indent({"artifacts": ARTIFACTS}),
    )
""",
    attrs = {
        "content": attr.string(doc = "The exact text to write.", mandatory = True),
        "is_executable": attr.bool(doc = "Whether the file is executable."),
        "out": attr.output(doc = "The file to write.", mandatory = True),
    },
)
