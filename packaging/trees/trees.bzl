"""The files of every deb and rpm, at their install paths: one package_tree per package and kind.

`//packaging/trees:<name>_deb` and `:<name>_rpm` are what the deb and rpm rules pack, and
`:<name>_tar.gz` (the libraries only) what their tarballs hold. The kinds differ only where the
distributions do (libdir, systemd's unit folder, where the INSTALL goes); what goes in each package
follows the manifest's contents (packaging/artifacts.bzl), which the package tests compare with.
"""

load("//packaging:artifacts.bzl", "VERSION", "libdir", "unitdir")
load("//tools/bazel/packaging:tree.bzl", "package_tree")
load(":package_info.bzl", "PACKAGE_INFO")

# What every package's copyright file says (Debian's machine-readable format; rpm ships it too).
def _copyright(license_name, license_text):
    return "\n".join([
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/",
        "Upstream-Name: falco",
        "",
        "Files: *",
        "Copyright: 2026 the contributors to this repository",
        "License: %s" % license_name,
        " %s" % license_text,
        "",
    ])

# Where Debian keeps the text of each license a package can have (PACKAGE_INFO's `license`).
_LICENSE_TEXTS = {
    "Apache-2.0": "/usr/share/common-licenses/Apache-2.0",
    "GPL-2.0-only": "/usr/share/common-licenses/GPL-2",
}

def _copyright_of(name):
    license = PACKAGE_INFO[name]["license"]
    return _copyright(license, "On Debian systems the full text of the license is in %s." % _LICENSE_TEXTS[license])

def _install_doc(name, kind):
    return "//packaging:install/%s-%s-x86_64.%s/INSTALL" % (name, VERSION, kind)

def _pkg_config(name, description, kind, link_name, requires, static):
    # A tarball's usr/ is copied to /usr/local (its INSTALL says so); packages install in /usr.
    prefix = "/usr/local" if kind == "tar.gz" else "/usr"
    return "\n".join([
        "prefix=%s" % prefix,
        "libdir=%s" % libdir(kind).replace("/usr", "${prefix}", 1),
        "includedir=${prefix}/include/falcosecurity/%s" % name,
        "",
        "Name: %s" % name,
        "Description: %s" % description,
        "Version: %s" % VERSION,
    ] + (["Requires%s: %s" % (".private" if static else "", requires)] if requires else []) + [
        "Libs: -L${libdir} -l%s" % link_name,
    ] + (["Libs.private: -lbpf -lelf -lz -lstdc++"] if static else []) + [
        "Cflags: -I${includedir}",
        "",
    ])

def _tree(name, kind, files = {}, contents = {}, **kwargs):
    """The package_tree `<name>_<kind>`, with the INSTALL (and a package's copyright file) added."""
    if kind == "tar.gz":
        doc_files = {_install_doc(name, kind): "INSTALL"}
        doc_contents = {}
    else:
        doc = "usr/share/doc/%s/" % name
        doc_files = {_install_doc(name, kind): doc + "INSTALL"}
        doc_contents = {doc + "copyright": _copyright_of(name)}
    package_tree(
        name = "%s_%s" % (name, kind),
        files = dict(files, **doc_files),
        contents = dict(contents, **doc_contents),
        **kwargs
    )

# The places falco.yaml's rules_file names for the user's own rules, beside the default rules:
# every install of falco (packages, images) ships them, or falco would not start as configured.
FALCO_LOCAL_RULES = {
    "etc/falco/falco_rules.local.yaml": "# Your own rules and overrides, loaded after falco_rules.yaml (and before rules.d/).\n",
}

FALCO_RULES_DIR = "etc/falco/rules.d"

def _falco_files():
    return {
        ":falco_bin": "usr/bin/falco:0755",
        "//userspace/falco/config:falco.yaml": "etc/falco/falco.yaml",
        "//userspace/falco/rules:falco_rules.yaml": "etc/falco/falco_rules.yaml",
    }

# The libraries: what each ships, shared (<name>) and static (<name>-static).
_LIBRARIES = {
    "libscap": struct(
        archive = ":libscap_archive",
        description = "opens capture sources and reads and writes .scap files",
        headers = "//userspace/libscap:public_headers",
        link_name = "scap",
        requires = "",
        shared = ":libscap_so",
    ),
    "libsinsp": struct(
        archive = ":libsinsp_archive",
        description = "process and file-descriptor state, fields, filters and formatting",
        headers = "//userspace/libsinsp:public_headers",
        link_name = "sinsp",
        requires = "libscap",
        shared = ":libsinsp_so",
    ),
}

def _library_trees(name, lib, kind):
    headers = {lib.headers: "usr/include/falcosecurity/" + name}
    lib_path = libdir(kind).lstrip("/") + "/"
    pc = lib_path + "pkgconfig/%s.pc" % name
    _tree(
        name,
        kind,
        files = {lib.shared: lib_path + name + ".so.0"},
        file_groups = headers,
        contents = {pc: _pkg_config(name, lib.description, kind, lib.link_name, lib.requires, False)},
        symlinks = {lib_path + name + ".so": name + ".so.0"},
    )
    _tree(
        name + "-static",
        kind,
        files = {lib.archive: lib_path + name + ".a"},
        file_groups = headers,
        contents = {pc: _pkg_config(name, lib.description, kind, lib.link_name, lib.requires, True)},
    )

# buildifier: disable=unnamed-macro (it declares one target per library, each named <library>_<kind>)
def library_trees(kind):
    """Declares the package_trees of libscap and libsinsp, shared and static, for one kind.

    Args:
      kind: "deb", "rpm" or "tar.gz".
    """
    for name, lib in _LIBRARIES.items():
        _library_trees(name, lib, kind)

# buildifier: disable=unnamed-macro (it declares one target per package, each named <package>_<kind>)
def package_trees(kind):
    """Declares the package_tree of every deb or rpm of the manifest.

    Args:
      kind: "deb" or "rpm".
    """
    _tree("falco", kind, files = _falco_files(), contents = FALCO_LOCAL_RULES, dirs = [FALCO_RULES_DIR])
    _tree(
        "falco-daemon",
        kind,
        contents = FALCO_LOCAL_RULES,
        dirs = [FALCO_RULES_DIR],
        files = dict(_falco_files(), **{
            ":falco.service": unitdir(kind).lstrip("/") + "/falco.service",
            ":falco.init": "etc/init.d/falco:0755",
        }),
    )
    _tree(
        "falco-module",
        kind,
        files = {
            "//scripts:falco-driver-loader": "usr/bin/falco-driver-loader:0755",
            "//scripts:dkms.conf": "usr/src/falco-%s/dkms.conf" % VERSION,
        },
        trees = {"//driver/kmod:module_source": "usr/src/falco-%s" % VERSION},
    )
    _tree("falco-bpf", kind, files = {"//driver/bpf:probe": "usr/share/falco/bpf/falco.bpf.o"})
    _tree("falco-ptrace", kind, files = {":falco-ptrace_bin": "usr/bin/falco-ptrace:0755"})
    library_trees(kind)
