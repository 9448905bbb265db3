"""falco_tarball: one of falco's tarballs, `<name>-<version>-<arch>.tar.gz`.

Every member is under the folder `<name>-<version>-<arch>/`, and the INSTALL of the artifact
(//packaging:install/<file>/INSTALL) is at the top of that folder.
"""

load("//packaging:artifacts.bzl", "ARCH", "VERSION")
load("//tools/bazel/packaging:tar.bzl", "tar_archive")
load("//tools/bazel/packaging:tree.bzl", "package_tree")

def merged(*dicts):
    """One dict of several (BUILD files cannot write `dict(a, **b)`); a key given twice is an error.

    Args:
      *dicts: the dicts to merge.

    Returns:
      A dict with every key of every dict.
    """
    out = {}
    for d in dicts:
        for key, value in d.items():
            if key in out:
                fail("%s is given twice" % key)
            out[key] = value
    return out

def tarball_file(name):
    """The file name of the tarball of `name`.

    Args:
      name: the artifact's base name.

    Returns:
      `<name>-<version>-<arch>.tar.gz`.
    """
    return "%s-%s-%s.tar.gz" % (name, VERSION, ARCH)

def falco_tarball(name, files = {}, trees = {}, file_groups = {}, **kwargs):
    """Declares `<name>_tree` (a package_tree) and the tarball `<name>-<version>-<arch>.tar.gz`.

    Args:
      name: the artifact's base name (`falco-driver-full`).
      files: package_tree's files (label -> path[:mode]), without the INSTALL.
      trees: package_tree's trees (directory label -> path).
      file_groups: package_tree's file_groups.
      **kwargs: passed to both targets (visibility, tags).
    """
    file = tarball_file(name)
    package_tree(
        name = name + "_tree",
        files = dict(files, **{"//packaging:install/%s/INSTALL" % file: "INSTALL"}),
        trees = trees,
        file_groups = file_groups,
        **kwargs
    )
    tar_archive(
        name = file,
        out = file,
        root = file[:-len(".tar.gz")],
        tree = ":%s_tree" % name,
        **kwargs
    )
