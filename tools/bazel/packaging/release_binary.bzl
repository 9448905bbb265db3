"""release_binary and static_archive: binaries and libraries as packages ship them.

release_binary copies an executable or shared library, removes the RUNPATH Bazel gives it (it
points into bazel-bin's _solib folders; installed, the libraries are on the system search path)
and strips it. static_archive merges the static libraries behind a C/C++ library into one `.a` without debug
sections.
Both use the host's binutils and patchelf, whose output depends only on their input bytes.
"""

def _release_binary_impl(ctx):
    out = ctx.actions.declare_file(ctx.attr.out or ctx.label.name)
    ctx.actions.run_shell(
        inputs = [ctx.file.src],
        outputs = [out],
        command = 'cp "$1" "$2" && chmod u+w "$2" && patchelf --remove-rpath "$2" && strip --strip-unneeded "$2"',
        arguments = [ctx.file.src.path, out.path],
        mnemonic = "ReleaseBinary",
        progress_message = "Stripping %s" % out.short_path,
    )
    return [DefaultInfo(files = depset([out]), runfiles = ctx.runfiles(files = [out]))]

release_binary = rule(
    implementation = _release_binary_impl,
    doc = "An executable or shared library without RUNPATH and debug symbols, ready to install.",
    attrs = {
        "out": attr.string(doc = "The output's name (default: the target's name)."),
        "src": attr.label(mandatory = True, allow_single_file = True),
    },
)

def _archives(target):
    """The static libraries (position-independent where there is a choice) behind a CcInfo."""
    out = []
    for linker_input in target[CcInfo].linking_context.linker_inputs.to_list():
        for library in linker_input.libraries:
            archive = library.pic_static_library or library.static_library
            if archive:
                out.append(archive)
    return out

def _static_archive_impl(ctx):
    excluded = {}
    for target in ctx.attr.exclude:
        for archive in _archives(target):
            excluded[archive.path] = True
    archives = [a for a in _archives(ctx.attr.library) if a.path not in excluded]
    out = ctx.actions.declare_file(ctx.attr.out)

    # An MRI script: one archive holding every member of the inputs (deterministic: binutils' `D`).
    script = ["CREATE " + out.path] + ["ADDLIB " + a.path for a in archives] + ["SAVE", "END", ""]
    ctx.actions.run_shell(
        inputs = archives,
        outputs = [out],
        command = 'printf "%s" "$1" | ar -M && strip --strip-debug --enable-deterministic-archives "$2" && ranlib -D "$2"',
        arguments = ["\n".join(script), out.path],
        mnemonic = "StaticArchive",
        progress_message = "Merging %s" % out.short_path,
    )
    return [DefaultInfo(files = depset([out]), runfiles = ctx.runfiles(files = [out]))]

static_archive = rule(
    implementation = _static_archive_impl,
    doc = "One static library (`.a`) with the objects of `library` and of everything it links, minus those of `exclude`.",
    attrs = {
        "exclude": attr.label_list(
            doc = "Libraries whose objects another archive ships (libsinsp.a leaves libscap's to libscap.a).",
            providers = [CcInfo],
        ),
        "library": attr.label(mandatory = True, providers = [CcInfo]),
        "out": attr.string(mandatory = True),
    },
)
