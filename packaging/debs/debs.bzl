"""The .deb of every deb entry of the manifest (packaging/artifacts.bzl), from its package tree.

Everything a package says comes from the manifest and PACKAGE_INFO: the file name, the summary,
the contents (listed in the long description), our own dependencies pinned to this exact
version, the conflicts, the distribution's dependencies, maintainer scripts and conffiles.
"""

load("//packaging:artifacts.bzl", "ARTIFACTS", "VERSION")
load("//packaging/trees:package_info.bzl", "PACKAGE_INFO")
load("//tools/bazel/packaging:deb.bzl", "deb_package")

# The Debian version of every package: the release, Debian revision 1.
DEB_VERSION = VERSION + "-1"

MAINTAINER = "Falco Bazel Packagers <packagers@falco-bazel.example.org>"

HOMEPAGE = "https://falco-bazel.example.org/"

# PACKAGE_INFO's script roles (shared with rpm) -> dpkg's maintainer scripts.
_SCRIPT_NAMES = {
    "post_install": "postinst",
    "post_remove": "postrm",
    "pre_install": "preinst",
    "pre_remove": "prerm",
}

# The manifest's library summaries ("libscap (C): ..., as a shared library with headers") are too
# long for a Debian synopsis (under 80 columns, not starting with the package name); these say the
# same in short. The full summary still opens the long description.
_SYNOPSIS = {
    "libscap": "C library for capture sources and .scap files (shared library)",
    "libscap-static": "C library for capture sources and .scap files (static library)",
    "libsinsp": "C++ library for process state, fields and filters (shared library)",
    "libsinsp-static": "C++ library for process state, fields and filters (static library)",
}

# The lintian tags that do not apply to these packages, each with the reason; shipped as
# usr/share/lintian/overrides/<package>. Everything else lintian says is left visible.
_EVERY_PACKAGE = [
    ("initial-upload-closes-no-bugs", "These packages are released by the project, not uploaded to Debian: there is no ITP bug to close."),
    ("package-contains-upstream-installation-documentation", "The INSTALL is the project's own guide to installing, verifying and removing this package; the artifact manifest ships one in every package."),
]

_SHARED_LIBRARY = [
    ("package-name-doesnt-match-sonames", "The artifact manifest names the package after the library (not libNAME0) and ships its headers, pkg-config file and link-time name with it: there is no separate -dev package."),
    ("link-to-shared-library-in-wrong-package", "The link-time name belongs here: the manifest ships the development files with the shared library."),
]

_EBPF_PROBE = [
    ("binary-from-other-architecture", "falco.bpf.o is eBPF bytecode (ELF machine BPF) for the kernel's BPF virtual machine, not code for the host CPU."),
    ("arch-dependent-file-in-usr-share", "/usr/share/falco/bpf/falco.bpf.o is where libscap looks for the probe by default (SCAP_DEFAULT_BPF_PROBE) and where the artifact manifest puts it."),
]

def _overrides(name, reasons):
    return "\n".join(["# %s\n%s: %s" % (why, name, tag) for tag, why in reasons]) + "\n"

def _deb_lintian_overrides(artifact):
    """The lintian overrides of one package, each after a comment saying why."""
    reasons = list(_EVERY_PACKAGE)
    if artifact["name"].startswith("lib") and not artifact["name"].endswith("-static"):
        reasons += _SHARED_LIBRARY
    if "ebpf-probe" in artifact["properties"]:
        reasons += _EBPF_PROBE
    return _overrides(artifact["name"], reasons)

def _deb_section(artifact):
    """The archive section: libdevel for static libraries, libs, kernel for drivers, else admin."""
    name = artifact["name"]
    if name.startswith("lib"):
        return "libdevel" if name.endswith("-static") else "libs"
    if "kernel-module" in artifact["properties"] or "ebpf-probe" in artifact["properties"]:
        return "kernel"
    return "admin"

def _deb_depends(artifact):
    """Our packages at exactly this version, then the distribution's."""
    own = ["%s (= %s)" % (d, DEB_VERSION) for d in artifact["depends"]]
    return own + PACKAGE_INFO[artifact["name"]]["system_depends"]["deb"]

def _deb_description(artifact):
    """The long description: the manifest's summary, then what the package installs."""
    lines = [artifact["summary"] + ".", "", "It installs:"]
    for item in artifact["contents"]:
        lines.append("- %s: %s" % (item["path"], item["what"]))
    return "\n".join(lines)

# buildifier: disable=unnamed-macro (it declares one target per package of the manifest, each named after it)
def deb_packages(suffix = "", out_dir = ""):
    """Declares `<name><suffix>` writing the manifest's file (under out_dir) for every deb of the manifest.

    Args:
      suffix: appended to each target name (a second set, for the determinism test).
      out_dir: a folder for the files, so that a second set does not clash with the first.
    """
    for artifact in ARTIFACTS:
        if artifact["kind"] != "deb":
            continue
        name = artifact["name"]
        info = PACKAGE_INFO[name]
        deb_package(
            name = name + suffix,
            out = out_dir + artifact["file"],
            tree = "//packaging/trees:%s_deb" % name,
            package = name,
            version = DEB_VERSION,
            summary = _SYNOPSIS.get(name, artifact["summary"]),
            description = _deb_description(artifact),
            section = _deb_section(artifact),
            depends = _deb_depends(artifact),
            conflicts = artifact["conflicts"],
            conffiles = info["conffiles"],
            scripts = {label: _SCRIPT_NAMES[role] for role, label in info["scripts"].items()},
            lintian_overrides = _deb_lintian_overrides(artifact),
            maintainer = MAINTAINER,
            homepage = HOMEPAGE,
        )
