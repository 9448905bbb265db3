"""install_doc: the INSTALL of one package or tarball, generated from the artifact manifest."""

def _install_doc_impl(ctx):
    folder = "install/%s/" % ctx.attr.artifact
    text = ctx.actions.declare_file(folder + "INSTALL")
    markdown = ctx.actions.declare_file(folder + "INSTALL.md")
    ctx.actions.run(
        executable = ctx.executable._generator,
        arguments = [
            "--manifest",
            ctx.file.manifest.path,
            "--artifact",
            ctx.attr.artifact,
            "--text",
            text.path,
            "--markdown",
            markdown.path,
        ],
        inputs = [ctx.file.manifest],
        outputs = [text, markdown],
        mnemonic = "InstallDoc",
        progress_message = "Writing the INSTALL of %s" % ctx.attr.artifact,
    )
    return [DefaultInfo(files = depset([text, markdown]))]

install_doc = rule(
    implementation = _install_doc_impl,
    doc = """Writes `install/<artifact>/INSTALL` (plain text, shipped in the artifact) and `INSTALL.md`.

Example:

    install_doc(
        name = "falco-0.1.0-x86_64.deb_install",
        artifact = "falco-0.1.0-x86_64.deb",
    )
""",
    attrs = {
        "artifact": attr.string(
            doc = "The artifact's file name, as the manifest gives it.",
            mandatory = True,
        ),
        "manifest": attr.label(
            doc = "The artifact manifest as JSON.",
            default = "//packaging:artifacts.json",
            allow_single_file = [".json"],
        ),
        "_generator": attr.label(
            default = "//tools/install_doc",
            executable = True,
            cfg = "exec",
        ),
    },
)
