"""rpm_package: a binary .rpm of a package_tree, written by //tools/rpm.

Why the rpm file is written directly (TypeScript, //tools/rpm) instead of by Debian's rpmbuild:

- Determinism by construction. Every byte comes from the tree, the metadata and the fixed mtime:
  no build host, build time, cookie, optflags or platform string to pin with SOURCE_DATE_EPOCH,
  _buildhost and friends, and no macro whose default differs between rpm versions.
- Nothing is added behind our back. rpmbuild runs its post-install steps (strip, build-id links
  under /usr/lib/.build-id, debuginfo sub-packages, its dependency generators over every file)
  unless each is turned off, and it needs a spec with %install copying the tree into a buildroot.
  The files of the package are the package_tree's, exactly as the deb and the tarballs have them.
- The action needs only Node.js; rpm is needed by the tests, where the real rpm, rpm2cpio and
  cpio read what was written (digests, file list, dependencies, scriptlets, an install into a
  scratch root), which is the check that the format is right.
- The format is small and stable: a 96-byte lead, a signature header (header SHA-1 and SHA-256,
  header+payload MD5 and size, payload size), the immutable header (name, versions, file list
  with SHA-256 digests, dependencies, scriptlets, payload SHA-256) and a gzip'd newc cpio payload.

Dependencies: `requires` (our packages pinned `= version`, the system packages by name) plus
what rpmbuild's generator would add from the ELF files: `<soname>()(64bit)` Provides for the
shared libraries and Requires for the sonames they and the programs need (not those the package
provides itself), so dnf resolves the libraries whatever their package is called, and a Requires
on the interpreter of each executable script (/bin/bash for the driver loader).
"""

load(":tree.bzl", "PackageTreeInfo", "pack_tree", "package_scripts")

_SCRIPT_KINDS = ["pre_install", "post_install", "pre_remove", "post_remove"]

def _rpm_package_impl(ctx):
    scripts, script_files = package_scripts(ctx.attr.scripts, _SCRIPT_KINDS)
    metadata = ctx.actions.declare_file(ctx.label.name + ".metadata.json")
    ctx.actions.write(metadata, json.encode_indent({
        "arch": "x86_64",
        "automatic_dependencies": ctx.attr.automatic_dependencies,
        "conffiles": ctx.attr.conffiles,
        "conflicts": ctx.attr.conflicts,
        "description": ctx.attr.description,
        "license": ctx.attr.license,
        "name": ctx.attr.package,
        "provides": ctx.attr.provides,
        "release": ctx.attr.release,
        "requires": ctx.attr.requires,
        "scripts": scripts,
        "summary": ctx.attr.summary,
        "url": ctx.attr.url,
        "version": ctx.attr.version,
    }, indent = "  ") + "\n")
    return pack_tree(ctx, ".rpm", flags = {"--metadata": metadata}, inputs = [metadata] + script_files, mnemonic = "RpmPackage")

_rpm_package = rule(
    implementation = _rpm_package_impl,
    doc = "A binary x86_64 rpm of a package_tree, byte-identical for the same inputs (//tools/rpm).",
    attrs = {
        "automatic_dependencies": attr.bool(default = True, doc = "Add soname Provides/Requires read from the ELF files and script interpreters."),
        "conffiles": attr.string_list(doc = "Absolute paths marked %config(noreplace)."),
        "conflicts": attr.string_list(doc = "`name` or `name OP version`."),
        "description": attr.string(doc = "Several lines; the summary when empty."),
        "license": attr.string(mandatory = True),
        "out": attr.string(doc = "The file name (default: <name>.rpm)."),
        "package": attr.string(mandatory = True, doc = "The package name rpm knows it by."),
        "provides": attr.string_list(doc = "Extra capabilities (it always provides its own name = version-release)."),
        "release": attr.string(default = "1"),
        "requires": attr.string_list(doc = "`name` or `name OP version` (OP: < <= = >= >)."),
        "scripts": attr.label_keyed_string_dict(allow_files = True, doc = "Scriptlet file -> kind (pre_install, post_install, pre_remove, post_remove)."),
        "summary": attr.string(mandatory = True),
        "tree": attr.label(mandatory = True, providers = [PackageTreeInfo]),
        "url": attr.string(),
        "version": attr.string(mandatory = True),
        "_tool": attr.label(default = "//tools/rpm:rpm_package", executable = True, cfg = "exec"),
    },
)

def rpm_package(
        name,
        tree,
        package,
        version,
        summary,
        license,
        release = "1",
        requires = [],
        conflicts = [],
        description = "",
        scripts = {},
        conffiles = [],
        out = None,
        **kwargs):
    """A binary rpm of `tree`.

    Args:
      name: the target name.
      tree: a package_tree target.
      package: the package name (rpm -q NAME).
      version: the version.
      summary: one line.
      license: the license (SPDX).
      release: the release.
      requires: `name` or `name OP version` each.
      conflicts: the same form.
      description: the long description (default: the summary).
      scripts: {kind: label} with kind pre_install, post_install (%post), pre_remove (%preun) or
        post_remove; each a POSIX sh script run with rpm's instance count as $1.
      conffiles: absolute paths of configuration files (%config(noreplace)).
      out: the file name (default: NAME.rpm).
      **kwargs: provides, url, automatic_dependencies, and the common attributes.
    """
    by_label = {}
    for kind, label in scripts.items():
        if label in by_label:
            fail("%s: %s is given for both %s and %s" % (name, label, by_label[label], kind))
        by_label[label] = kind
    _rpm_package(
        name = name,
        tree = tree,
        package = package,
        version = version,
        release = release,
        summary = summary,
        description = description,
        license = license,
        requires = requires,
        conflicts = conflicts,
        conffiles = conffiles,
        scripts = by_label,
        out = out,
        **kwargs
    )
