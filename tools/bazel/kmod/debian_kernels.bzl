"""The Debian kernels the module is built for: one pin table, read by the WORKSPACE and the matrix.

To add a kernel, add an entry to DEBIAN_KERNELS with its packages; take each URL path and sha256
from `apt-get download --print-uris <package>` on a machine whose apt sources have the suite:

    apt-get download --print-uris linux-headers-6.1.0-56-amd64 linux-headers-6.1.0-56-common \\
        linux-kbuild-6.1 linux-image-6.1.0-56-amd64

(the image of a Debian kernel is in the linux-signed-* source package's pool folder). The
WORKSPACE then has `@debian_kernel_<kernelrelease with _>` (and `_image`), and
`//driver/kmod:matrix` a module for it.

The security archive keeps only the current update of a package: when Debian publishes the next
one, these URLs stop working (machines whose repository cache has the files keep building). Move
the pins to the new version then.
"""

load(":debian_kernel.bzl", "debian_kernel")
load(":kmod_module.bzl", "kmod_module")

_SECURITY = "debian-security/pool/updates/main/l/"

def _package(name, version, path, sha256):
    return {"name": name, "path": path, "sha256": sha256, "version": version}

# bookworm-security, linux 6.1.192-2.
_LINUX_6_1_COMMON = _package(
    "linux-headers-6.1.0-56-common",
    "6.1.192-2",
    _SECURITY + "linux/linux-headers-6.1.0-56-common_6.1.192-2_all.deb",
    "509e776de8353799a53f4b14d29e87863aac2b7ee9264544bc2821461a853930",
)
_LINUX_6_1_KBUILD = _package(
    "linux-kbuild-6.1",
    "6.1.192-2",
    _SECURITY + "linux/linux-kbuild-6.1_6.1.192-2_amd64.deb",
    "7e852381f1c455a439230ea3261e3669f2307afdbed57db0fc08ed8ffa689f60",
)

# Each kernel: kernelrelease (`uname -r`), kernelversion (the `#N` of `uname -v`; Debian's is
# always 1), and its packages: linux-headers-<kernelrelease>, its -common package, the matching
# linux-kbuild, and the linux-image (only the qemu test downloads that one).
DEBIAN_KERNELS = [
    {
        "kernelrelease": "6.1.0-56-amd64",
        "kernelversion": "1",
        "packages": [
            _package(
                "linux-headers-6.1.0-56-amd64",
                "6.1.192-2",
                _SECURITY + "linux/linux-headers-6.1.0-56-amd64_6.1.192-2_amd64.deb",
                "796a7b4584d7a57f97913e34e80a2fcce96b6c5016fa9d4fc2212a93e4868677",
            ),
            _LINUX_6_1_COMMON,
            _LINUX_6_1_KBUILD,
            _package(
                "linux-image-6.1.0-56-amd64",
                "6.1.192-2",
                _SECURITY + "linux-signed-amd64/linux-image-6.1.0-56-amd64_6.1.192-2_amd64.deb",
                "a86e2049672f52354c4536a089203b6c82639420424d31c91cf31a181fd4d8f1",
            ),
        ],
    },
    {
        "kernelrelease": "6.1.0-56-cloud-amd64",
        "kernelversion": "1",
        "packages": [
            _package(
                "linux-headers-6.1.0-56-cloud-amd64",
                "6.1.192-2",
                _SECURITY + "linux/linux-headers-6.1.0-56-cloud-amd64_6.1.192-2_amd64.deb",
                "66b3332567754d46edbe47f2e424db28a7bb28afedd5f51867b17f8af0d41191",
            ),
            _LINUX_6_1_COMMON,
            _LINUX_6_1_KBUILD,
            _package(
                "linux-image-6.1.0-56-cloud-amd64",
                "6.1.192-2",
                _SECURITY + "linux-signed-amd64/linux-image-6.1.0-56-cloud-amd64_6.1.192-2_amd64.deb",
                "e7d02b943971edcb8790e256c02cfab3bca6c3d37c1bf25392a57c71300615ee",
            ),
        ],
    },
    # bookworm-security, linux-6.12 6.12.117-1~deb12u1 (`+` is %2b and `~` is %7e in the URLs).
    {
        "kernelrelease": "6.12.117+deb12-amd64",
        "kernelversion": "1",
        "packages": [
            _package(
                "linux-headers-6.12.117+deb12-amd64",
                "6.12.117-1~deb12u1",
                _SECURITY + "linux-6.12/linux-headers-6.12.117%2bdeb12-amd64_6.12.117-1%7edeb12u1_amd64.deb",
                "8ee4c67f8399bc6f9aa1c5256d9d1b1b7eace76c7acca519e63f1b7df5fc4bd0",
            ),
            _package(
                "linux-headers-6.12.117+deb12-common",
                "6.12.117-1~deb12u1",
                _SECURITY + "linux-6.12/linux-headers-6.12.117%2bdeb12-common_6.12.117-1%7edeb12u1_all.deb",
                "0c70107dda266a9d26dc119d80a71589202b17fbf4d4ddf544681c89e2002742",
            ),
            _package(
                "linux-kbuild-6.12.117+deb12",
                "6.12.117-1~deb12u1",
                _SECURITY + "linux-6.12/linux-kbuild-6.12.117%2bdeb12_6.12.117-1%7edeb12u1_amd64.deb",
                "69761d1daf39e43485d278cc7066f77c15edc3b881d6e47afd61cf0da0985677",
            ),
            _package(
                "linux-image-6.12.117+deb12-amd64",
                "6.12.117-1~deb12u1",
                _SECURITY + "linux-signed-6.12-amd64/linux-image-6.12.117%2bdeb12-amd64_6.12.117-1%7edeb12u1_amd64.deb",
                "803d36a7cda13355ae8152122470288b2636f19f1cb58162dd9d8b408af9b1b4",
            ),
        ],
    },
]

def debian_kernel_repository(kernelrelease):
    """The repository of a kernel's headers: `debian_kernel_` + kernelrelease, `.-+` as `_`."""
    return "debian_kernel_" + kernelrelease.replace(".", "_").replace("-", "_").replace("+", "_")

def debian_kernels():
    """Declares the repositories of every kernel of DEBIAN_KERNELS (call from the WORKSPACE)."""
    for kernel in DEBIAN_KERNELS:
        debian_kernel(
            name = debian_kernel_repository(kernel["kernelrelease"]),
            kernelrelease = kernel["kernelrelease"],
            kernelversion = kernel["kernelversion"],
            packages = kernel["packages"],
        )

def debian_kmod_module_name(module_name, kernel):
    """The driverkit name of a module: `<module>_debian_<kernelrelease>_<kernelversion>`."""
    return "%s_debian_%s_%s" % (module_name, kernel["kernelrelease"], kernel["kernelversion"])

def debian_kmod_matrix(name, src, module_name = "falco", **kwargs):
    """One kmod_module per kernel of DEBIAN_KERNELS, and a filegroup `name` of them all.

    Each module is a target `<module_name>_debian_<kernelrelease>_<kernelversion>` whose output
    has that name plus `.ko`.

    Args:
      name: the filegroup of every module.
      src: the module's source tree (a kmod_source_tree).
      module_name: the module's name (its Kbuild's obj-m).
      **kwargs: passed to every target (tags, visibility).
    """
    modules = []
    for kernel in DEBIAN_KERNELS:
        target = debian_kmod_module_name(module_name, kernel)
        kmod_module(
            name = target,
            src = src,
            kernel = "@%s//:build" % debian_kernel_repository(kernel["kernelrelease"]),
            module_name = module_name,
            **kwargs
        )
        modules.append(":" + target)
    native.filegroup(
        name = name,
        srcs = modules,
        **kwargs
    )
