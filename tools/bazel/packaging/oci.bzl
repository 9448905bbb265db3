"""oci_image: an OCI image (an oci-archive tar) from package trees and Debian layers, no Docker daemon.

    load("//tools/bazel/packaging:oci.bzl", "oci_image")

    oci_image(
        name = "falco_image",
        out = "falco-0.1.0-x86_64.oci.tar",
        layers = [
            "@debian_runtime//:layer",  # Debian packages (//tools/bazel/debian)
            ":falco_tree",  # a package_tree
        ],
        entrypoint = ["/usr/bin/falco"],
        title = "falcosecurity/falco",
        version = "0.1.0",
        source = "https://github.com/falcosecurity/falco",
    )

The output is the image layout of the OCI image spec 1.0 (`oci-layout`, `index.json`,
`blobs/sha256/...`) as one tar, what `skopeo inspect oci-archive:FILE` and `skopeo copy` read;
extracted, `umoci unpack --image DIR:<version>` makes a runc bundle of it. index.json names the
manifest by `version`. The image's labels are `labels` plus org.opencontainers.image.version,
.title, .source and .revision: the source revision, which comes from Bazel's stable workspace
status (STABLE_SOURCE_REVISION, printed by tools/workspace/status.sh), so it is there without
--stamp. Everything else is fixed (mtimes, owners, the `created` time), so one commit gives
byte-identical images. The program that writes it is //tools/oci:oci_image.
"""

load(":tree.bzl", "PackageTreeInfo")

# The `created` time of every image: the archives' fixed mtime (//tools/archive:tar.ts FIXED_MTIME).
_CREATED = "2026-01-01T00:00:00Z"

# The key of stable-status.txt the revision is read from.
_REVISION_KEY = "STABLE_SOURCE_REVISION"

def _write_revision(ctx, out):
    """An action writing the source revision of the workspace status (or `unknown`) to `out`."""
    ctx.actions.run_shell(
        inputs = [ctx.info_file],
        outputs = [out],
        command = "awk -v key=%s '$1 == key { value = $2 } END { print (value == \"\" ? \"unknown\" : value) }' %s > %s" % (
            _REVISION_KEY,
            ctx.info_file.path,
            out.path,
        ),
        mnemonic = "SourceRevision",
        progress_message = "Reading the source revision for %s" % ctx.label,
    )

def _layer_args(args, target):
    """Adds `--layer tree|tar PATH DESCRIPTION` for one layer; returns the files it needs."""
    if PackageTreeInfo in target:
        tree = target[PackageTreeInfo]
        args.add_all("--layer", ["tree", tree.spec.path, str(target.label)])
        return depset([tree.spec], transitive = [tree.inputs])
    files = target.files.to_list()
    if len(files) != 1 or not files[0].basename.endswith(".tar"):
        fail("layers: %s must be a package_tree or give exactly one uncompressed .tar (it gives %s)" % (
            target.label,
            [f.basename for f in files],
        ), attr = "layers")
    args.add_all("--layer", ["tar", files[0].path, str(target.label)])
    return depset(files)

def _oci_image_impl(ctx):
    if not ctx.attr.out.endswith(".oci.tar"):
        fail("out must end with .oci.tar, got %r" % ctx.attr.out, attr = "out")
    if not ctx.attr.layers:
        fail("an image needs at least one layer", attr = "layers")
    out = ctx.actions.declare_file(ctx.attr.out)

    # Only the revision out of stable-status.txt (which also has the host and user name), so that
    # the image's action is keyed on the revision alone.
    revision = ctx.actions.declare_file(ctx.label.name + ".revision")
    _write_revision(ctx, revision)

    labels = dict(ctx.attr.labels)
    labels.update({
        "org.opencontainers.image.source": ctx.attr.source,
        "org.opencontainers.image.title": ctx.attr.title or str(ctx.label),
        "org.opencontainers.image.version": ctx.attr.version,
    })
    config = ctx.actions.declare_file(ctx.label.name + ".config.json")
    ctx.actions.write(config, json.encode_indent({
        "cmd": ctx.attr.cmd,
        "created": _CREATED,
        "entrypoint": ctx.attr.entrypoint,
        "env": ["%s=%s" % (k, v) for k, v in sorted(ctx.attr.env.items())],
        "labels": labels,
        "ref_name": ctx.attr.version,
        "workdir": ctx.attr.workdir,
    }, indent = "  ") + "\n")

    args = ctx.actions.args()
    args.add("--config", config)
    args.add("--revision-file", revision)
    args.add("--out", out)
    inputs = [_layer_args(args, layer) for layer in ctx.attr.layers]
    ctx.actions.run(
        executable = ctx.executable._tool,
        arguments = [args],
        inputs = depset([config, revision], transitive = inputs),
        outputs = [out],
        mnemonic = "OciImage",
        progress_message = "Writing the image %s" % out.short_path,
    )
    return [DefaultInfo(files = depset([out]), runfiles = ctx.runfiles(files = [out]))]

oci_image = rule(
    implementation = _oci_image_impl,
    doc = "An OCI image as an oci-archive tar (see the module doc for an example).",
    attrs = {
        "cmd": attr.string_list(doc = "Arguments after the entrypoint (the image's Cmd)."),
        "entrypoint": attr.string_list(doc = "The program a container runs, absolute path first (the image's Entrypoint)."),
        "env": attr.string_dict(doc = "Environment variables of the container (sorted by name)."),
        "labels": attr.string_dict(doc = "More labels; the org.opencontainers.image.* ones the rule sets win."),
        "layers": attr.label_list(
            doc = "Bottom first: package_tree targets, or targets giving one uncompressed .tar (debian_layer).",
            allow_files = True,
            mandatory = True,
        ),
        "out": attr.string(doc = "The file name, `<base>-<version>-x86_64.oci.tar`.", mandatory = True),
        "source": attr.string(doc = "Where the sources are (org.opencontainers.image.source).", mandatory = True),
        "title": attr.string(doc = "The image's name (org.opencontainers.image.title); default: the label."),
        "version": attr.string(doc = "The version: org.opencontainers.image.version and the manifest's name in index.json.", mandatory = True),
        "workdir": attr.string(doc = "The container's working directory.", default = "/"),
        "_tool": attr.label(default = "//tools/oci:oci_image", executable = True, cfg = "exec"),
    },
)

def _source_revision_impl(ctx):
    out = ctx.actions.declare_file(ctx.label.name + ".txt")
    _write_revision(ctx, out)
    return [DefaultInfo(files = depset([out]), runfiles = ctx.runfiles(files = [out]))]

source_revision = rule(
    implementation = _source_revision_impl,
    doc = "A file holding the source revision oci_image puts in its labels (for tests).",
)
