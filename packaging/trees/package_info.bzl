"""What the deb and rpm rules need beyond the files: system dependencies, scripts, conffiles.

PACKAGE_INFO[name] for every deb/rpm of the manifest:
  system_depends  {"deb": [...], "rpm": [...]}: the distribution's packages (deb) or capabilities
                  (rpm) the binaries need; our own packages come from the manifest's `depends`.
  scripts         {"post_install": label, "pre_remove": label}: POSIX sh scripts that run as deb
                  postinst/prerm and as rpm %post/%preun. They take the package manager's first
                  argument (deb: configure, remove, upgrade; rpm: 1, 2, 0) and leave the host alone
                  when DPKG_ROOT says the install goes into another root.
  conffiles       the files under /etc that an upgrade must not overwrite once edited.
  license         the SPDX license of the package's files: GPL-2.0-only for the kernel module and
                  the eBPF probe (code that runs in the kernel), Apache-2.0 for the rest.
"""

# The libraries our binaries link, by package (Debian 12) and by soname capability (rpm).
_LIBC = {"deb": ["libc6 (>= 2.36)"], "rpm": ["libc.so.6()(64bit)"]}

_LIBSTDCXX = {"deb": ["libgcc-s1", "libstdc++6 (>= 12)"], "rpm": ["libstdc++.so.6()(64bit)"]}

_LIBSCAP_SYSTEM = {
    "deb": ["libbpf1", "libelf1", "zlib1g"],
    "rpm": ["libbpf.so.1()(64bit)", "libelf.so.1()(64bit)", "libz.so.1()(64bit)"],
}

def _system(*parts):
    return {kind: [d for part in parts for d in part[kind]] for kind in ["deb", "rpm"]}

_NONE = {"deb": [], "rpm": []}

_FALCO_SYSTEM = _system(_LIBC, _LIBSTDCXX, {
    "deb": ["libyaml-cpp0.7"],
    "rpm": ["libyaml-cpp.so.0.7()(64bit)"],
})

_FALCO_CONFFILES = ["/etc/falco/falco.yaml", "/etc/falco/falco_rules.yaml", "/etc/falco/falco_rules.local.yaml"]

def _scripts(name):
    return {
        "post_install": "//packaging/trees:%s.post_install" % name,
        "pre_remove": "//packaging/trees:%s.pre_remove" % name,
    }

PACKAGE_INFO = {
    "falco": {
        "license": "Apache-2.0",
        "conffiles": _FALCO_CONFFILES,
        "scripts": {},
        "system_depends": _FALCO_SYSTEM,
    },
    "falco-bpf": {
        "license": "GPL-2.0-only",
        "conffiles": [],
        "scripts": {},
        "system_depends": _NONE,
    },
    "falco-daemon": {
        "license": "Apache-2.0",
        "conffiles": _FALCO_CONFFILES + ["/etc/init.d/falco"],
        "scripts": _scripts("falco-daemon"),
        "system_depends": _FALCO_SYSTEM,
    },
    "falco-module": {
        "license": "GPL-2.0-only",
        "conffiles": [],
        "scripts": _scripts("falco-module"),
        # The loader builds the module (make, a compiler, the kernel's headers: the user's choice
        # of kernel, so recommended by the INSTALL rather than required) or downloads it.
        "system_depends": {"deb": ["kmod", "curl | wget"], "rpm": ["kmod", "(curl or wget)"]},
    },
    "falco-ptrace": {
        "license": "Apache-2.0",
        "conffiles": [],
        "scripts": {},
        "system_depends": _system(_LIBC, _LIBSTDCXX, _LIBSCAP_SYSTEM),
    },
    "libscap": {
        "license": "Apache-2.0",
        "conffiles": [],
        "scripts": {},
        "system_depends": _system(_LIBC, _LIBSTDCXX, _LIBSCAP_SYSTEM),
    },
    "libscap-static": {
        "license": "Apache-2.0",
        "conffiles": [],
        "scripts": {},
        "system_depends": {"deb": ["libbpf-dev", "libelf-dev", "zlib1g-dev"], "rpm": ["libbpf-devel", "elfutils-libelf-devel", "zlib-devel"]},
    },
    "libsinsp": {
        "license": "Apache-2.0",
        "conffiles": [],
        "scripts": {},
        "system_depends": _system(_LIBC, _LIBSTDCXX),
    },
    "libsinsp-static": {
        "license": "Apache-2.0",
        "conffiles": [],
        "scripts": {},
        "system_depends": _NONE,
    },
}
