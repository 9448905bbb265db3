"""committed_files: generated files whose copies are committed, kept equal by a test.

Bazel 4 cannot write into the source tree, so generated documents that people read in the
repository (the docs site's INSTALL pages) are committed, and:

- `<name>_test` fails when a copy is missing, stale, or no longer generated;
- `bazel run <name>_update` rewrites the copies from the build.
"""

load("//tools/bazel/node:node_program.bzl", "node_binary", "node_test")

def committed_files(name, files, **kwargs):
    """Declares the test and the update command for the copies in this package's folder.

    Args:
      name: prefix of the two targets.
      files: dict from a generated file's label to the name of its copy in this folder.
      **kwargs: visibility, tags.
    """
    folder = native.package_name()
    present = native.glob(["*"], exclude = ["BUILD.bazel"])
    pairs = []
    for label, copy in files.items():
        pairs += ["$(rootpath %s)" % label, "%s/%s" % (folder, copy)]
    common = dict(
        entry_file = "main.js",
        entry_point = "//tools/source_files:source_files_lib",
        **kwargs
    )
    node_test(
        name = name + "_test",
        size = "small",
        data = list(files.keys()) + present,
        fixed_args = ["--check", "--folder", folder, "--update-target", "//%s:%s_update" % (folder, name)] +
                     [arg for copy in present for arg in ["--present", "%s/%s" % (folder, copy)]] + pairs,
        **common
    )
    node_binary(
        name = name + "_update",
        data = list(files.keys()),
        fixed_args = ["--update", "--folder", folder, "--update-target", "//%s:%s_update" % (folder, name)] + pairs,
        **common
    )
