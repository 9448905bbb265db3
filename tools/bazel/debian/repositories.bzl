"""debian_package_sets: one debian_packages repository per set of pins.bzl (call from the WORKSPACE).

Set `x` is `@debian_x`: `@debian_x//:layer` is its image layer, `@debian_x//:debs` its files.
"""

load(":debian_packages.bzl", "debian_packages")
load(":pins.bzl", "DEBIAN_PACKAGE_SETS")

def debian_package_sets():
    """Declares @debian_<set> for every set of DEBIAN_PACKAGE_SETS."""
    for package_set in DEBIAN_PACKAGE_SETS:
        debian_packages(
            name = "debian_" + package_set["name"],
            base = ["@debian_%s//:layer" % below for below in package_set["on"]],
            packages = {
                p["name"]: [p["version"], p["path"], p["sha256"]]
                for p in package_set["packages"]
            },
        )
