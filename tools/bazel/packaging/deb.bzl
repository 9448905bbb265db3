"""deb_package: a Debian binary package (.deb) of a package_tree, written by //tools/deb.

Example:

    deb_package(
        name = "falco_deb",
        out = "falco-0.1.0-x86_64.deb",
        tree = "//packaging/trees:falco_deb",
        package = "falco",
        version = "0.1.0-1",
        summary = "falco, the runtime security rules engine",
        description = "Reads system calls and alerts on rules.",
        depends = ["libscap (= 0.1.0-1)", "libc6"],
        scripts = {"//packaging/trees/scripts:falco_postinst.sh": "postinst"},
        maintainer = "Packagers <packagers@example.org>",
        homepage = "https://example.org/falco",
    )

The tool adds what every Debian package carries (usr/share/doc/<package>/changelog.Debian.gz,
md5sums, conffiles, and shlibs plus the ldconfig trigger when the tree holds shared libraries),
refuses an ELF file with a RUNPATH, and writes the same bytes for the same inputs (gzip-compressed
members, root-owned, fixed times).
"""

load(":tree.bzl", "PackageTreeInfo", "pack_tree", "package_scripts")

_SCRIPTS = ["preinst", "postinst", "prerm", "postrm"]

def _deb_package_impl(ctx):
    scripts, script_files = package_scripts(ctx.attr.scripts, _SCRIPTS)
    spec = {
        "architecture": ctx.attr.architecture,
        "conflicts": ctx.attr.conflicts,
        "depends": ctx.attr.depends,
        "description": ctx.attr.description,
        "homepage": ctx.attr.homepage,
        "lintian_overrides": ctx.attr.lintian_overrides,
        "maintainer": ctx.attr.maintainer,
        "package": ctx.attr.package,
        "priority": ctx.attr.priority,
        "provides": ctx.attr.provides,
        "scripts": scripts,
        "section": ctx.attr.section,
        "summary": ctx.attr.summary,
        "version": ctx.attr.version,
    }
    if ctx.attr.conffiles:
        spec["conffiles"] = ctx.attr.conffiles
    spec_file = ctx.actions.declare_file(ctx.label.name + ".deb.json")
    ctx.actions.write(spec_file, json.encode_indent(spec, indent = "  ") + "\n")
    return pack_tree(ctx, ".deb", flags = {"--package": spec_file}, inputs = [spec_file] + script_files, mnemonic = "DebPackage")

deb_package = rule(
    implementation = _deb_package_impl,
    doc = "A .deb of a package_tree: control, md5sums, conffiles, shlibs/triggers, maintainer scripts, changelog; deterministic.",
    attrs = {
        "architecture": attr.string(default = "amd64", doc = "Debian architecture."),
        "conffiles": attr.string_list(doc = "Absolute paths of the configuration files; empty: every file under /etc."),
        "conflicts": attr.string_list(doc = "Conflicts: relations (`falco-daemon`)."),
        "depends": attr.string_list(doc = "Depends: relations (`libscap (= 0.1.0-1)`, `libc6 (>= 2.36)`, `a | b`)."),
        "description": attr.string(mandatory = True, doc = "The long description: paragraphs, `- ` list items; wrapped at 80 columns."),
        "homepage": attr.string(mandatory = True, doc = "Homepage: an https:// address."),
        "lintian_overrides": attr.string(doc = "Shipped as usr/share/lintian/overrides/<package>; each override with a comment saying why."),
        "maintainer": attr.string(mandatory = True, doc = "Maintainer: `Name <address>`."),
        "out": attr.string(doc = "The file name (default: <name>.deb)."),
        "package": attr.string(mandatory = True, doc = "The package name."),
        "priority": attr.string(default = "optional", doc = "Priority."),
        "provides": attr.string_list(doc = "Provides: relations."),
        "scripts": attr.label_keyed_string_dict(
            allow_files = True,
            doc = "Maintainer script file -> its name: preinst, postinst, prerm or postrm (mode 0755 in the package).",
        ),
        "section": attr.string(mandatory = True, doc = "Section: admin, kernel, libs, libdevel, ..."),
        "summary": attr.string(mandatory = True, doc = "One line; a leading package name and article are dropped for the synopsis."),
        "tree": attr.label(mandatory = True, providers = [PackageTreeInfo], doc = "The package_tree of the files at their install paths."),
        "version": attr.string(mandatory = True, doc = "The Debian version (`0.1.0-1`)."),
        "_tool": attr.label(default = "//tools/deb", executable = True, cfg = "exec"),
    },
)
