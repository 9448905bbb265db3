"""install_doc: the INSTALL of one package or tarball, generated from the artifact manifest."""

def _install_doc_impl(ctx):
    text = ctx.outputs.text
    markdown = ctx.outputs.markdown
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

_install_doc = rule(
    implementation = _install_doc_impl,
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
        "markdown": attr.output(doc = "The Markdown INSTALL, for the docs site.", mandatory = True),
        "text": attr.output(doc = "The plain-text INSTALL that ships inside the artifact.", mandatory = True),
        "_generator": attr.label(
            default = "//tools/install_doc",
            executable = True,
            cfg = "exec",
        ),
    },
)

def install_doc(name, artifact, **kwargs):
    """Writes `install/<artifact>/INSTALL` (plain text, shipped in the artifact) and `INSTALL.md`.

    Both are labels of their own (`:install/<artifact>/INSTALL.md`) for packaging rules and docs.

    Example:

        install_doc(
            name = "falco-0.1.0-x86_64.deb_install",
            artifact = "falco-0.1.0-x86_64.deb",
        )

    Args:
      name: the target holding both documents.
      artifact: the artifact's file name, as the manifest gives it.
      **kwargs: manifest, visibility, tags.
    """
    _install_doc(
        name = name,
        artifact = artifact,
        text = "install/%s/INSTALL" % artifact,
        markdown = "install/%s/INSTALL.md" % artifact,
        **kwargs
    )
