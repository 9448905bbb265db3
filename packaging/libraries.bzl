"""The libscap and libsinsp tarballs: shared library, link-time name, headers, pkg-config, INSTALL."""

load("//tools/bazel/packaging:tar.bzl", "tar_archive")
load("//tools/bazel/packaging:tree.bzl", "package_tree")
load(":artifacts.bzl", "ARCH", "VERSION")

def _pkg_config(name, description, libs, requires):
    return "\n".join([
        "prefix=/usr",
        "libdir=${prefix}/lib",
        "includedir=${prefix}/include/falcosecurity/%s" % name,
        "",
        "Name: %s" % name,
        "Description: %s" % description,
        "Version: %s" % VERSION,
    ] + (["Requires: %s" % requires] if requires else []) + [
        "Libs: -L${libdir} %s" % libs,
        "Cflags: -I${includedir}",
        "",
    ])

def library_tarball(name, shared_library, headers, description, link_name, requires = ""):
    """`<name>-<version>-<arch>.tar.gz`: the files of the manifest's tar.gz entry for the shared library.

    Args:
      name: the library (libscap, libsinsp).
      shared_library: the label of <name>.so.0.
      headers: a filegroup of the public headers (their paths below include/ are kept).
      description: one line for the pkg-config file.
      link_name: the -l name (scap, sinsp).
      requires: pkg-config Requires (libsinsp needs libscap).
    """
    file = "%s-%s-%s.tar.gz" % (name, VERSION, ARCH)
    package_tree(
        name = name + "_tar_tree",
        contents = {
            "usr/lib/pkgconfig/%s.pc" % name: _pkg_config(name, description, "-l" + link_name, requires),
        },
        file_groups = {headers: "usr/include/falcosecurity/" + name},
        files = {
            shared_library: "usr/lib/%s.so.0:0755" % name,
            ":install/%s/INSTALL" % file: "INSTALL",
        },
        symlinks = {"usr/lib/%s.so" % name: name + ".so.0"},
    )
    tar_archive(
        name = file,
        out = file,
        tree = ":%s_tar_tree" % name,
    )
