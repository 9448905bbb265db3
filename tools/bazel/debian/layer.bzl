"""debian_layer: Debian packages unpacked as one image layer (an uncompressed tar), with dpkg's database.

The packages are unpacked with dpkg-deb at build time by //tools/oci:debian_layer_writer: /bin, /sbin
and /lib* go below /usr (merged /usr, as bookworm installs), owners are root, mtimes fixed, and
/var/lib/dpkg/status lists these packages and those of every `base` layer as installed (the
status file of the top layer is the one an image sees), so `dpkg -l` works in the image.
Maintainer scripts are not run. Man pages and info manuals are left out.
"""

DebianLayerInfo = provider(
    doc = "The Debian packages an image has up to and including this layer.",
    fields = {"debs": "depset of .deb Files"},
)

_EXCLUDES = [
    "usr/share/info/",
    "usr/share/man/",
]

def _debian_layer_impl(ctx):
    out = ctx.actions.declare_file(ctx.label.name + ".tar")
    base = depset(transitive = [b[DebianLayerInfo].debs for b in ctx.attr.base])
    args = ctx.actions.args()
    args.add("--out", out)
    args.add_all(ctx.files.debs, before_each = "--deb")
    args.add_all(base, before_each = "--base-deb")
    args.add_all(ctx.attr.excludes, before_each = "--exclude")
    ctx.actions.run(
        executable = ctx.executable._tool,
        arguments = [args],
        inputs = depset(ctx.files.debs, transitive = [base]),
        outputs = [out],
        mnemonic = "DebianLayer",
        progress_message = "Unpacking %d Debian packages into %s" % (len(ctx.files.debs), out.short_path),
    )
    return [
        DefaultInfo(files = depset([out]), runfiles = ctx.runfiles(files = [out])),
        DebianLayerInfo(debs = depset(ctx.files.debs, transitive = [base])),
    ]

debian_layer = rule(
    implementation = _debian_layer_impl,
    doc = "Debian packages (.deb files) as one uncompressed layer tar, for oci_image.",
    attrs = {
        "base": attr.label_list(doc = "The debian_layer targets below this one in an image.", providers = [DebianLayerInfo]),
        "debs": attr.label_list(doc = "The .deb files whose contents go into the layer.", allow_files = [".deb"], mandatory = True),
        "excludes": attr.string_list(doc = "Path prefixes left out.", default = _EXCLUDES),
        "_tool": attr.label(default = "//tools/oci:debian_layer_writer", executable = True, cfg = "exec"),
    },
)
