"""Kernel modules: Debian kernels as repositories, module source trees, modules built against them.

- debian_kernel (WORKSPACE): a Debian kernel's headers (`@<name>//:build`, `:kernel_info`) and
  image (`@<name>//:vmlinuz`).
- kmod_source_tree: a module's files from several packages, in one directory for kbuild.
- kmod_module: `make M=... modules` against a kernel repository, deterministic.
- KernelInfo, KernelBuildInfo, KmodSourceInfo: the providers between them.

The kernels of the project are pinned in debian_kernels.bzl (DEBIAN_KERNELS, debian_kernels()
for the WORKSPACE, debian_kmod_matrix() for a module per kernel).
"""

load(":debian_kernel.bzl", _debian_kernel = "debian_kernel")
load(":kernel.bzl", _KernelBuildInfo = "KernelBuildInfo", _KernelInfo = "KernelInfo")
load(":kmod_module.bzl", _kmod_file_name = "kmod_file_name", _kmod_module = "kmod_module")
load(":kmod_source.bzl", _KmodSourceInfo = "KmodSourceInfo", _kmod_source_tree = "kmod_source_tree")

KernelBuildInfo = _KernelBuildInfo
KernelInfo = _KernelInfo
KmodSourceInfo = _KmodSourceInfo
debian_kernel = _debian_kernel
kmod_file_name = _kmod_file_name
kmod_module = _kmod_module
kmod_source_tree = _kmod_source_tree
