"""Every release artifact of the project, described once.

The packaging targets in this folder are generated from ARTIFACTS, and the naming validator
(//tools/naming) and the INSTALL generator (//tools/install_doc) read the same list as JSON
(`//packaging:artifacts.json`), so the names built are the names validated.

Each artifact is a dict:

  name        base name (`falco-daemon`; images: `falcosecurity/dev-builder`)
  kind        `deb`, `rpm`, `tar.gz` or `oci`
  version     the release version
  arch        `x86_64`, the only architecture shipped
  file        the file `bazel build //packaging:all` writes for it
  summary     one line saying what it is
  contents    [{path, what}]: the files it installs (tarballs: paths inside the archive's folder)
  depends     base names of the packages it needs installed first
  conflicts   base names of packages that cannot be installed beside it
  properties  what it does; the names are checked against these (tools/manifest/manifest.ts lists
              them: daemon, kernel-module, ebpf-probe, ptrace-driver, privileged, development,
              installs-and-exits)
  driver      the driver falco uses with it (`kmod`, `bpf`, `ptrace`), or "" for none
  entrypoint  images only: the command the image runs
"""

VERSION = "0.1.0"

ARCH = "x86_64"

# Where shared objects go, per kind of package.
_LIBDIR = {
    "deb": "/usr/lib/x86_64-linux-gnu",
    "rpm": "/usr/lib64",
    "tar.gz": "/usr/lib",
}

# Where systemd units go: Debian 12 keeps them in /lib, rpm distributions (whose /lib is a symlink
# that an rpm must not own files through) in /usr/lib.
_UNITDIR = {
    "deb": "/lib/systemd/system",
    "rpm": "/usr/lib/systemd/system",
}

def libdir(kind):
    """The folder shared and static libraries go in, for a kind of package."""
    return _LIBDIR.get(kind, "/usr/lib")

def unitdir(kind):
    """The folder systemd units go in, for a kind of package."""
    return _UNITDIR.get(kind, "/lib/systemd/system")

def _file_name(name, kind):
    short = name.split("/")[-1]
    extension = "oci.tar" if kind == "oci" else kind
    return "%s-%s-%s.%s" % (short, VERSION, ARCH, extension)

def _resolve_path(path, name, kind):
    """Fills in `{libdir}`, `{unitdir}` and `{doc}` (where the INSTALL goes: the top of a tarball, else the doc folder)."""
    doc = "/INSTALL" if kind == "tar.gz" else "/usr/share/doc/%s/INSTALL" % name
    return path.replace("{libdir}", libdir(kind)).replace("{unitdir}", unitdir(kind)).replace("{doc}", doc)

def _artifacts(name, kinds, summary, contents, depends = [], conflicts = [], properties = [], driver = "", entrypoint = []):
    """One artifact per kind, with `{libdir}` in content paths resolved for that kind."""
    return [
        {
            "arch": ARCH,
            "conflicts": conflicts,
            "contents": [
                {"path": _resolve_path(path, name, kind), "what": what}
                for path, what in contents
            ],
            "depends": depends,
            "driver": driver,
            "entrypoint": entrypoint,
            "file": _file_name(name, kind),
            "kind": kind,
            "name": name,
            "properties": properties,
            "summary": summary,
            "version": VERSION,
        }
        for kind in kinds
    ]

_PACKAGE_KINDS = ["deb", "rpm"]

_LIBRARY_KINDS = ["deb", "rpm", "tar.gz"]

_FALCO_FILES = [
    ("/usr/bin/falco", "the falco rules engine"),
    ("/etc/falco/falco.yaml", "falco's configuration"),
    ("/etc/falco/falco_rules.yaml", "the default rules"),
    ("/etc/falco/falco_rules.local.yaml", "your own rules and overrides, kept across upgrades"),
    ("/etc/falco/rules.d/", "a folder for more rules files"),
]

_LOADER = ("/usr/bin/falco-driver-loader", "installs a driver: builds it for this kernel, else downloads a prebuilt one")

_DOC = [("{doc}", "how to install, verify and remove it")]

# falco's own libraries, in the tarballs that carry falco (packages depend on the libs packages).
_FALCO_LIBS = [
    ("{libdir}/libscap.so.0", "libscap, the shared library falco links"),
    ("{libdir}/libsinsp.so.0", "libsinsp, the shared library falco links"),
]

def _library(name, language, what, depends = []):
    headers = ("/usr/include/falcosecurity/%s/" % name, "the public C%s headers" % ("++" if language == "C++" else ""))
    pkgconfig = ("{libdir}/pkgconfig/%s.pc" % name, "pkg-config metadata for compiling and linking")
    return _artifacts(
        name = name,
        kinds = _LIBRARY_KINDS,
        summary = "%s (%s): %s, as a shared library with headers" % (name, language, what),
        contents = [
            ("{libdir}/%s.so.0" % name, "the shared library (soname %s.so.0)" % name),
            ("{libdir}/%s.so" % name, "link-time name of the shared library"),
            headers,
            pkgconfig,
        ] + _DOC,
        depends = depends,
        conflicts = [name + "-static"],
    ) + _artifacts(
        name = name + "-static",
        kinds = _LIBRARY_KINDS,
        summary = "%s (%s): %s, as a static library with headers" % (name, language, what),
        contents = [
            ("{libdir}/%s.a" % name, "the static library"),
            headers,
            pkgconfig,
        ] + _DOC,
        depends = [d + "-static" for d in depends],
        conflicts = [name],
    )

ARTIFACTS = (
    _artifacts(
        name = "falco",
        kinds = _PACKAGE_KINDS,
        summary = "falco, the runtime security rules engine, with its default rules",
        contents = _FALCO_FILES + _DOC,
        depends = ["falco-module", "libscap", "libsinsp"],
        conflicts = ["falco-daemon"],
        driver = "kmod",
    ) +
    _artifacts(
        name = "falco-daemon",
        kinds = _PACKAGE_KINDS,
        summary = "falco run as a systemd service, alerting to a Unix socket",
        contents = _FALCO_FILES + [
            ("{unitdir}/falco.service", "the systemd unit that runs falco"),
            ("/etc/init.d/falco", "the init script, for systems without systemd"),
        ] + _DOC,
        depends = ["falco-module", "libscap", "libsinsp"],
        conflicts = ["falco"],
        properties = ["daemon"],
        driver = "kmod",
    ) +
    _artifacts(
        name = "falco-module",
        kinds = _PACKAGE_KINDS,
        summary = "the falco kernel module, as source built for the running kernel on install",
        contents = [
            ("/usr/src/falco-%s/" % VERSION, "the kernel module source, with its Makefile and dkms.conf"),
            _LOADER,
        ] + _DOC,
        properties = ["kernel-module"],
        driver = "kmod",
    ) +
    _artifacts(
        name = "falco-bpf",
        kinds = _PACKAGE_KINDS,
        summary = "the falco eBPF probe, a CO-RE object that loads on kernels with BTF",
        contents = [
            ("/usr/share/falco/bpf/falco.bpf.o", "the eBPF probe"),
        ] + _DOC,
        properties = ["ebpf-probe"],
        driver = "bpf",
    ) +
    _artifacts(
        name = "falco-ptrace",
        kinds = _PACKAGE_KINDS,
        summary = "the falco ptrace driver, which traces one program without kernel support",
        contents = [
            ("/usr/bin/falco-ptrace", "runs a program under ptrace and seccomp and captures its system calls"),
        ] + _DOC,
        properties = ["ptrace-driver"],
        driver = "ptrace",
    ) +
    _library("libscap", "C", "opens capture sources and reads and writes .scap files") +
    _library("libsinsp", "C++", "process and file-descriptor state, fields, filters and formatting", depends = ["libscap"]) +
    _artifacts(
        name = "falco-src",
        kinds = ["tar.gz"],
        summary = "the sources of falco, its libraries and drivers, without binaries",
        contents = [
            ("/", "the source tree: WORKSPACE, driver/, userspace/, tools/, packaging/"),
            ("/INSTALL", "how to build and install from source"),
        ],
    ) +
    _artifacts(
        name = "falco-driver-src",
        kinds = ["tar.gz"],
        summary = "falco with the driver sources and a Makefile to build them",
        contents = [
            ("/usr/bin/falco", "the falco rules engine"),
        ] + _FALCO_LIBS + [
            ("/driver/", "the kernel module and eBPF probe sources"),
            ("/driver/Makefile", "builds the kernel module (kbuild) and the eBPF probe (clang)"),
            ("/INSTALL", "how to build the drivers and install falco"),
        ],
        driver = "kmod",
    ) +
    _artifacts(
        name = "falco-driver-download",
        kinds = ["tar.gz"],
        summary = "falco and the driver loader, which downloads a prebuilt driver for the kernel",
        contents = [
            ("/usr/bin/falco", "the falco rules engine"),
        ] + _FALCO_LIBS + [
            ("/usr/bin/falco-driver-loader", "downloads a prebuilt driver named after the kernel (download-only)"),
            ("/etc/falco/falco.yaml", "falco's configuration"),
            ("/etc/falco/falco_rules.yaml", "the default rules"),
            ("/INSTALL", "how to install falco and its driver"),
        ],
        driver = "kmod",
    ) +
    _artifacts(
        name = "falco-driver-full",
        kinds = ["tar.gz"],
        summary = "falco and the driver loader, which builds the driver for the kernel, else downloads a prebuilt one",
        contents = [
            ("/usr/bin/falco", "the falco rules engine"),
        ] + _FALCO_LIBS + [
            ("/usr/bin/falco-driver-loader", "builds the driver for this kernel, else downloads a prebuilt one"),
            ("/usr/src/falco-%s/" % VERSION, "the kernel module source, for compiling"),
            ("/etc/falco/falco.yaml", "falco's configuration"),
            ("/etc/falco/falco_rules.yaml", "the default rules"),
            ("/INSTALL", "how to install falco and its driver"),
        ],
        driver = "kmod",
    ) +
    _artifacts(
        name = "falcosecurity/falco",
        kinds = ["oci"],
        summary = "falco alone (userspace only): the host provides the driver",
        contents = _FALCO_FILES,
        entrypoint = ["/usr/bin/falco"],
        driver = "bpf",
    ) +
    _artifacts(
        name = "falcosecurity/privileged-driver-install",
        kinds = ["oci"],
        summary = "runs the driver loader on the host kernel, then exits",
        contents = [_LOADER],
        entrypoint = ["/usr/bin/falco-driver-loader"],
        properties = ["privileged", "installs-and-exits"],
        driver = "kmod",
    ) +
    _artifacts(
        name = "falcosecurity/privileged-driver-install-falco",
        kinds = ["oci"],
        summary = "runs the driver loader, then falco",
        contents = _FALCO_FILES + [_LOADER],
        entrypoint = ["/usr/bin/falco-driver-loader", "--then-run", "/usr/bin/falco"],
        properties = ["privileged"],
        driver = "kmod",
    ) +
    _artifacts(
        name = "falcosecurity/privileged-host-systemd-driver-falco",
        kinds = ["oci"],
        summary = "installs the falco packages on the host for its architecture and sets up systemd and the Unix socket",
        contents = [("/usr/share/falco/packages/", "the falco, falco-daemon and driver packages to install on the host")],
        entrypoint = ["/usr/bin/falco-host-install"],
        properties = ["privileged"],
        driver = "kmod",
    ) +
    _artifacts(
        name = "falcosecurity/dev-tester",
        kinds = ["oci"],
        summary = "runs the project's test suite",
        contents = [("/usr/bin/falco-test", "runs the tests")],
        entrypoint = ["/usr/bin/falco-test"],
        properties = ["development"],
    ) +
    _artifacts(
        name = "falcosecurity/dev-builder",
        kinds = ["oci"],
        summary = "the toolchain that builds the project: Bazel, Node.js, gcc, clang and kernel headers",
        contents = [("/usr/bin/bazel", "Bazel, to build the workspace")],
        entrypoint = ["/bin/bash"],
        properties = ["development"],
    )
)
