"""The contract between a kernel repository (debian_kernel) and the rules that build against it.

A kernel repository (see debian_kernel.bzl) declares, with the rules of this file:

- `:kernel_info`: KernelInfo (which kernel) and `kernel_info.json` with the same fields, for
  tests that need the kernel release as data (a qemu test compares it with `uname -r`).
- `:build`: KernelInfo and KernelBuildInfo (the kbuild tree: every file `make -C <build_dir>
  M=... modules` reads, and that directory), for kmod_module.
"""

KernelInfo = provider(
    doc = "Which kernel a repository holds.",
    fields = {
        "distro": "The distribution that built it (`debian`); the second part of a module's file name.",
        "kernelrelease": "`uname -r` of the kernel, e.g. `6.1.0-56-amd64`.",
        "kernelversion": "The build number of `uname -v` (`#1 ...`), e.g. `1`; Debian's is always 1.",
        "package_version": "The distribution's version of the kernel packages, e.g. `6.1.192-2`.",
    },
)

KernelBuildInfo = provider(
    doc = "A kernel's kbuild tree: what external modules are built against.",
    fields = {
        "build_dir": "Execroot-relative path of the directory for `make -C` (Debian: linux-headers-<kernelrelease>).",
        "files": "depset of every file of the tree (the actions' inputs).",
        "root": "Execroot-relative path of the repository root; absolute paths of the tree start below it.",
    },
)

def _kernel_info_impl(ctx):
    info = KernelInfo(
        distro = ctx.attr.distro,
        kernelrelease = ctx.attr.kernelrelease,
        kernelversion = ctx.attr.kernelversion,
        package_version = ctx.attr.package_version,
    )
    out = ctx.actions.declare_file(ctx.label.name + ".json")
    ctx.actions.write(out, json.encode_indent({
        "distro": info.distro,
        "kernelrelease": info.kernelrelease,
        "kernelversion": info.kernelversion,
        "package_version": info.package_version,
    }) + "\n")
    return [info, DefaultInfo(files = depset([out]), runfiles = ctx.runfiles(files = [out]))]

kernel_info = rule(
    implementation = _kernel_info_impl,
    doc = "Names a kernel: KernelInfo, and the same fields in `<name>.json`.",
    attrs = {
        "distro": attr.string(doc = "The distribution, e.g. `debian`.", mandatory = True),
        "kernelrelease": attr.string(doc = "`uname -r`.", mandatory = True),
        "kernelversion": attr.string(doc = "The build number of `uname -v`.", mandatory = True),
        "package_version": attr.string(doc = "The distribution's package version."),
    },
)

def _kernel_build_tree_impl(ctx):
    root = ctx.label.workspace_root or "."
    files = depset(ctx.files.srcs)
    return [
        ctx.attr.info[KernelInfo],
        KernelBuildInfo(
            build_dir = root + "/" + ctx.attr.build_dir,
            files = files,
            root = root,
        ),
        DefaultInfo(files = files),
    ]

kernel_build_tree = rule(
    implementation = _kernel_build_tree_impl,
    doc = "A kbuild tree for external modules: KernelBuildInfo plus the KernelInfo of `info`.",
    attrs = {
        "build_dir": attr.string(
            doc = "The directory for `make -C`, relative to the repository root.",
            mandatory = True,
        ),
        "info": attr.label(doc = "The kernel_info of this kernel.", providers = [KernelInfo], mandatory = True),
        "srcs": attr.label_list(doc = "Every file of the tree.", allow_files = True, mandatory = True),
    },
)
