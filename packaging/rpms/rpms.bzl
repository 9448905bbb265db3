"""One rpm_package per rpm of the manifest (packaging/artifacts.bzl), from its package tree.

The metadata comes from the manifest (name, version, summary, contents for the description,
depends pinned to `= version`, conflicts) and from PACKAGE_INFO (system dependencies as rpm
capabilities, scriptlets, conffiles). The rpm rule adds the soname Provides/Requires of the ELF
files, so falco requires libscap.so.0()(64bit), which the libscap rpm provides.
"""

load("//packaging:artifacts.bzl", "ARTIFACTS", "VERSION")
load("//packaging/trees:package_info.bzl", "PACKAGE_INFO")
load("//tools/bazel/files:write_file.bzl", "write_file")
load("//tools/bazel/packaging:rpm.bzl", "rpm_package")

RELEASE = "1"

def rpm_artifacts():
    """The manifest's rpm artifacts, in manifest order."""
    return [a for a in ARTIFACTS if a["kind"] == "rpm"]

def _description(artifact):
    lines = [artifact["summary"] + ".", "", "It installs:"]
    for content in artifact["contents"]:
        lines.append("  %s  %s" % (content["path"], content["what"]))
    return "\n".join(lines)

def requires_of(artifact):
    """Our own packages pinned to this version, then the system's capabilities."""
    return ["%s = %s" % (d, VERSION) for d in artifact["depends"]] + PACKAGE_INFO[artifact["name"]]["system_depends"]["rpm"]

def script_labels():
    """Every scriptlet file of every rpm (the tests compare the packages' scriptlets with them)."""
    return sorted({
        label: True
        for artifact in rpm_artifacts()
        for label in PACKAGE_INFO[artifact["name"]]["scripts"].values()
    }.keys())

def _rpm(artifact, name):
    info = PACKAGE_INFO[artifact["name"]]
    rpm_package(
        name = name,
        out = name,
        tree = "//packaging/trees:%s_rpm" % artifact["name"],
        package = artifact["name"],
        version = VERSION,
        release = RELEASE,
        summary = artifact["summary"],
        description = _description(artifact),
        license = PACKAGE_INFO[artifact["name"]]["license"],
        requires = requires_of(artifact),
        conflicts = artifact["conflicts"],
        conffiles = info["conffiles"],
        scripts = info["scripts"],
    )

# buildifier: disable=unnamed-macro (it declares one target per rpm of the manifest, each named by its file)
def rpm_packages(again = []):
    """Declares every rpm of the manifest and `expected.json`.

    Each rpm is named as the manifest's `file` says; expected.json is what the tests check each
    rpm against.

    Args:
      again: names of packages to write a second time, by another action, as `again/<file>`
        (the determinism test compares the two).
    """
    expected = {}
    for artifact in rpm_artifacts():
        name = artifact["name"]
        info = PACKAGE_INFO[name]
        _rpm(artifact, artifact["file"])
        if name in again:
            _rpm(artifact, "again/" + artifact["file"])
        expected[artifact["file"]] = {
            "conffiles": info["conffiles"],
            "conflicts": artifact["conflicts"],
            "license": info["license"],
            "name": name,
            "release": RELEASE,
            "requires": requires_of(artifact),
            "scripts": info["scripts"],
            "summary": artifact["summary"],
            "version": VERSION,
        }
    write_file(
        name = "expected_json",
        out = "expected.json",
        content = json.encode_indent(expected, indent = "  ") + "\n",
    )
