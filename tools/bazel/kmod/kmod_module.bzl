"""kmod_module: builds an external kernel module against a kernel repository's kbuild tree.

    kmod_module(
        name = "falco_debian_6.1.0-56-amd64_1",
        src = ":module_source",                          # a kmod_source_tree
        kernel = "@debian_kernel_6_1_0_56_amd64//:build", # KernelInfo + KernelBuildInfo
    )

runs `make -C <kernel build dir> M=<scratch copy of src> modules` with the machine's gcc (the one
the kernel's headers name: gcc-12 for Debian bookworm) and writes
`<module_name>_<distro>_<kernelrelease>_<kernelversion>.ko`, driverkit's name
(`falco_debian_6.1.0-56-amd64_1.ko`). The build is deterministic: the same sources and kernel
give the same bytes wherever they are built (see kmod_build.sh). When make fails, its output
(the compiler's errors, with the workspace's file names) is shown.
"""

load(":kernel.bzl", "KernelBuildInfo", "KernelInfo")
load(":kmod_source.bzl", "KmodSourceInfo")

def kmod_file_name(module_name, info):
    """driverkit's file name of a module: `<module>_<distro>_<kernelrelease>_<kernelversion>.ko`."""
    return "%s_%s_%s_%s.ko" % (module_name, info.distro, info.kernelrelease, info.kernelversion)

def _kmod_module_impl(ctx):
    info = ctx.attr.kernel[KernelInfo]
    tree = ctx.attr.kernel[KernelBuildInfo]
    src = ctx.attr.src[KmodSourceInfo]
    name = kmod_file_name(ctx.attr.module_name, info)
    out = ctx.actions.declare_file(ctx.attr.out_dir + "/" + name if ctx.attr.out_dir else name)
    what = "%s for %s %s (%s)" % (ctx.attr.module_name, info.distro, info.kernelrelease, ctx.label)
    ctx.actions.run(
        executable = ctx.executable._build,
        arguments = [
            out.path,
            src.tree.path,
            src.manifest.path,
            tree.root,
            tree.build_dir,
            ctx.attr.module_name,
            what,
        ],
        inputs = depset([src.tree, src.manifest], transitive = [tree.files]),
        outputs = [out],
        mnemonic = "KmodBuild",
        progress_message = "Building kernel module %s" % what,
        use_default_shell_env = True,
    )
    return [DefaultInfo(files = depset([out]), runfiles = ctx.runfiles(files = [out]))]

kmod_module = rule(
    implementation = _kmod_module_impl,
    doc = "Builds `<module_name>_<distro>_<kernelrelease>_<kernelversion>.ko` (see the module doc).",
    attrs = {
        "kernel": attr.label(
            doc = "The kernel's kbuild tree: `@<debian_kernel repository>//:build`.",
            providers = [KernelInfo, KernelBuildInfo],
            mandatory = True,
        ),
        "module_name": attr.string(
            doc = "The module's name: its Kbuild's `obj-m := <module_name>.o`.",
            default = "falco",
        ),
        "out_dir": attr.string(
            doc = "A folder of the package to write the .ko in, for a second build of the same module.",
        ),
        "src": attr.label(
            doc = "The module's source tree.",
            providers = [KmodSourceInfo],
            mandatory = True,
        ),
        "_build": attr.label(
            default = "//tools/bazel/kmod:kmod_build.sh",
            allow_single_file = True,
            executable = True,
            cfg = "exec",
        ),
    },
)
