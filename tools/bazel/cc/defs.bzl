"""C and C++ targets with the project's language levels and warnings (errors, not warnings).

C is C11 (libscap, the drivers' userspace parts), C++ is C++17 (libsinsp, falco). Symbols are
hidden unless a library exports them on purpose (see userspace/libscap for the export list).
"""

load("@rules_cc//cc:defs.bzl", "cc_binary", "cc_library", "cc_test")

C_COPTS = [
    "-std=c11",
    "-D_GNU_SOURCE",
    "-Wall",
    "-Wextra",
    "-Werror",
    "-Wshadow",
    "-Wstrict-prototypes",
    "-Wmissing-prototypes",
    # Error messages are cut to their buffer on purpose.
    "-Wno-format-truncation",
    "-fvisibility=hidden",
]

CXX_COPTS = [
    "-std=c++17",
    "-Wall",
    "-Wextra",
    "-Werror",
    "-Wshadow",
    "-fvisibility=hidden",
]

def c_library(name, copts = [], **kwargs):
    """A C11 library with the project's warnings."""
    cc_library(name = name, copts = C_COPTS + copts, **kwargs)

def c_binary(name, copts = [], **kwargs):
    """A C11 program with the project's warnings."""
    cc_binary(name = name, copts = C_COPTS + copts, **kwargs)

def c_test(name, copts = [], **kwargs):
    """A C11 test program with the project's warnings: exit status 0 passes."""
    cc_test(name = name, copts = C_COPTS + copts, **kwargs)

def cxx_library(name, copts = [], **kwargs):
    """A C++17 library with the project's warnings."""
    cc_library(name = name, copts = CXX_COPTS + copts, **kwargs)

def cxx_binary(name, copts = [], **kwargs):
    """A C++17 program with the project's warnings."""
    cc_binary(name = name, copts = CXX_COPTS + copts, **kwargs)

def gtest_test(name, copts = [], deps = [], **kwargs):
    """A C++17 GoogleTest test (Debian's libgtest), with gtest's own main."""
    cc_test(
        name = name,
        copts = CXX_COPTS + copts,
        deps = deps + ["//third_party/system:gtest_main"],
        **kwargs
    )
