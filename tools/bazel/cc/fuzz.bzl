"""cc_fuzz_test: a libFuzzer target (clang, ASan + UBSan) run for a bounded time as a test.

The fuzzer is compiled by clang outside Bazel's C++ toolchain (which is gcc), so the code under
test is listed as sources, not as cc_library deps.

Example:

    cc_fuzz_test(
        name = "reader_fuzz_test",
        srcs = ["fuzz/reader_fuzz.c", ":scap_sources"],
        includes = ["userspace/libscap/include"],
        linkopts = ["-lz"],
        seeds = ["//testdata:captures"],
        seconds = 60,
    )
"""

load("//tools/bazel/node:runfiles.bzl", "runfiles_path")

_SANITIZERS = ["-fsanitize=fuzzer,address,undefined", "-fno-sanitize-recover=all"]

def _shell_words(words):
    return " ".join(["'%s'" % w.replace("'", "'\\''") for w in words])

def _cc_fuzz_binary_impl(ctx):
    binary = ctx.actions.declare_file(ctx.label.name)
    c_sources = [f.path for f in ctx.files.srcs if f.extension == "c"]
    cxx_sources = [f.path for f in ctx.files.srcs if f.extension in ["cc", "cpp"]]
    includes = []
    for directory in ctx.attr.includes:
        includes += ["-I" + directory, "-I" + ctx.bin_dir.path + "/" + directory]
    flags = _SANITIZERS + ["-g", "-O1", "-D_GNU_SOURCE"] + ctx.attr.copts + includes

    # C sources as C11 and C++ sources as C++17, each to an object; then one link.
    command = """
set -e
objects=$(mktemp -d)
trap 'rm -rf "$objects"' EXIT
n=0
for source in {c_sources}; do
  n=$((n + 1)); clang {flags} -std=c11 -c "$source" -o "$objects/$n.o"
done
for source in {cxx_sources}; do
  n=$((n + 1)); clang++ {flags} -std=c++17 -c "$source" -o "$objects/$n.o"
done
{linker} {sanitizers} "$objects"/*.o -o {output} {linkopts}
""".format(
        c_sources = _shell_words(c_sources),
        cxx_sources = _shell_words(cxx_sources),
        flags = _shell_words(flags),
        linker = "clang++" if cxx_sources else "clang",
        sanitizers = _shell_words(_SANITIZERS),
        output = binary.path,
        linkopts = _shell_words(ctx.attr.linkopts),
    )
    ctx.actions.run_shell(
        command = command,
        inputs = ctx.files.srcs,
        outputs = [binary],
        mnemonic = "FuzzLink",
        use_default_shell_env = True,
        progress_message = "Building the fuzzer %s" % ctx.label,
    )
    return [DefaultInfo(executable = binary, files = depset([binary]))]

cc_fuzz_binary = rule(
    implementation = _cc_fuzz_binary_impl,
    doc = "Compiles and links a libFuzzer target with clang, ASan and UBSan.",
    executable = True,
    attrs = {
        "copts": attr.string_list(doc = "Extra compiler flags."),
        "includes": attr.string_list(doc = "Include folders, relative to the workspace (also looked up in the output tree)."),
        "linkopts": attr.string_list(doc = "Extra linker flags (`-lz`)."),
        "srcs": attr.label_list(
            doc = "The fuzz target and every source and header of the code under test.",
            allow_files = [".c", ".cc", ".cpp", ".h", ".hh", ".hpp", ".inc"],
            mandatory = True,
        ),
    },
)

def _cc_fuzz_test_impl(ctx):
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.expand_template(
        template = ctx.file._template,
        output = script,
        is_executable = True,
        substitutions = {
            "{FUZZER}": runfiles_path(ctx, ctx.executable.fuzzer),
            "{SECONDS}": str(ctx.attr.seconds),
            "{SEEDS}": " ".join(["'%s'" % runfiles_path(ctx, f) for f in ctx.files.seeds]),
        },
    )
    return [DefaultInfo(
        executable = script,
        runfiles = ctx.runfiles(files = [ctx.executable.fuzzer] + ctx.files.seeds),
    )]

_cc_fuzz_test = rule(
    implementation = _cc_fuzz_test_impl,
    test = True,
    attrs = {
        "fuzzer": attr.label(executable = True, cfg = "target", mandatory = True),
        "seconds": attr.int(default = 30),
        "seeds": attr.label_list(allow_files = True),
        "_template": attr.label(default = "//tools/bazel/cc:fuzz_test.sh.tpl", allow_single_file = True),
    },
)

def cc_fuzz_test(name, srcs, seeds = [], seconds = 30, includes = [], copts = [], linkopts = [], **kwargs):
    """A fuzzer (`<name>_bin`, runnable by hand for longer runs) and a test that runs it for `seconds`.

    Args:
      name: the test.
      srcs: the fuzz target (defining LLVMFuzzerTestOneInput) and the code under test.
      seeds: files that start the corpus.
      seconds: how long the test fuzzes.
      includes: include folders, relative to the workspace.
      copts: extra compiler flags.
      linkopts: extra linker flags.
      **kwargs: passed to the test (size, tags, timeout).
    """
    cc_fuzz_binary(
        name = name + "_bin",
        srcs = srcs,
        includes = includes,
        copts = copts,
        linkopts = linkopts,
        testonly = True,
    )
    _cc_fuzz_test(
        name = name,
        fuzzer = ":" + name + "_bin",
        seeds = seeds,
        seconds = seconds,
        size = kwargs.pop("size", "medium"),
        **kwargs
    )
