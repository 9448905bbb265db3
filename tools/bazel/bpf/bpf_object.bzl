"""bpf_object: compiles an eBPF program with clang (`-target bpf`) into a relocatable object.

The object keeps its BTF (`-g`) so that libbpf can relocate field accesses (CO-RE) on the kernel
it is loaded into. Headers come from `hdrs` and from the cc_library targets in `deps` (their
include folders), plus libbpf's headers from the machine (/usr/include/bpf).

Example:

    bpf_object(
        name = "probe",
        src = "probe.bpf.c",
        hdrs = ["vmlinux_min.h"],
        deps = ["//driver/api:event_codes"],
    )
"""

def _bpf_object_impl(ctx):
    out = ctx.actions.declare_file(ctx.label.name + ".bpf.o")
    headers = []
    includes = []
    for dep in ctx.attr.deps:
        cc = dep[CcInfo].compilation_context
        headers.append(cc.headers)
        includes += cc.includes.to_list() + cc.quote_includes.to_list() + cc.system_includes.to_list()
    args = ctx.actions.args()

    # The compile directory (a sandbox path that differs between builds) stays out of the debug info.
    args.add_all(["-target", "bpf", "-O2", "-g", "-fdebug-compilation-dir=.", "-D__TARGET_ARCH_x86", "-Wall", "-Werror"])
    args.add_all(ctx.attr.copts)
    args.add_all(includes, before_each = "-I")
    args.add("-I" + ctx.file.src.dirname)
    args.add_all(["-c", ctx.file.src.path, "-o", out.path])
    ctx.actions.run_shell(
        command = "clang \"$@\"",
        arguments = [args],
        inputs = depset([ctx.file.src] + ctx.files.hdrs, transitive = headers),
        outputs = [out],
        mnemonic = "BpfCompile",
        progress_message = "Compiling eBPF %s" % ctx.label,
        use_default_shell_env = True,
    )
    return [DefaultInfo(files = depset([out]), runfiles = ctx.runfiles(files = [out]))]

bpf_object = rule(
    implementation = _bpf_object_impl,
    doc = "Compiles one .bpf.c into `<name>.bpf.o` with clang -target bpf -O2 -g (see module doc).",
    attrs = {
        "copts": attr.string_list(doc = "Extra clang flags."),
        "deps": attr.label_list(doc = "cc_library targets whose headers the program includes.", providers = [CcInfo]),
        "hdrs": attr.label_list(doc = "Headers beside the source.", allow_files = [".h"]),
        "src": attr.label(doc = "The eBPF program.", allow_single_file = [".c"], mandatory = True),
    },
)
