"""ts_compile: compiles TypeScript with tsc in strict mode, one .js and one .d.ts per source."""

load("//tools/bazel/node:providers.bzl", "JsInfo")

NODE_TOOLCHAIN = "@falco//tools/bazel/node:toolchain_type"

def _strip_ts(path):
    if path.endswith(".d.ts") or not path.endswith(".ts"):
        fail("%s: ts_compile takes .ts sources only" % path, attr = "srcs")
    return path[:-len(".ts")]

def _ts_compile_impl(ctx):
    node = ctx.toolchains[NODE_TOOLCHAIN].nodeinfo.node
    package_prefix = ctx.label.package + "/" if ctx.label.package else ""
    js_files = []
    dts_files = []
    for src in ctx.files.srcs:
        if src.owner.workspace_root or not src.short_path.startswith(package_prefix):
            fail("%s: sources must belong to package %s" % (src.short_path, ctx.label.package), attr = "srcs")
        stem = _strip_ts(src.short_path[len(package_prefix):])
        js_files.append(ctx.actions.declare_file(stem + ".js"))
        dts_files.append(ctx.actions.declare_file(stem + ".d.ts"))

    dep_declarations = depset(transitive = [dep[JsInfo].declarations for dep in ctx.attr.deps if JsInfo in dep])
    npm_files = depset(transitive = [dep[DefaultInfo].files for dep in ctx.attr.deps if JsInfo not in dep])

    # The generated tsconfig sits in the output tree; every path in it climbs back to the execroot.
    tsconfig = ctx.actions.declare_file(ctx.label.name + ".tsconfig.json")
    up = "/".join([".."] * len(tsconfig.dirname.split("/")))
    npm_root = up + "/external/" + ctx.attr.npm_repository + "/node_modules"
    config = {
        "compilerOptions": {
            "declaration": True,
            "noEmitOnError": True,
            "outDir": up + "/" + ctx.bin_dir.path,
            "paths": {"*": [npm_root + "/*", npm_root + "/@types/*"]},
            "preserveSymlinks": True,
            "rootDir": up,
            "rootDirs": [up, up + "/" + ctx.bin_dir.path],
            "typeRoots": [npm_root + "/@types"],
            "types": ctx.attr.types,
        },
        "extends": up + "/" + ctx.file.tsconfig.path,
        "files": [up + "/" + src.path for src in ctx.files.srcs],
    }
    ctx.actions.write(tsconfig, json.encode_indent(config, indent = "  "))

    ctx.actions.run(
        executable = node,
        arguments = [ctx.file._tsc.path, "--project", tsconfig.path, "--pretty", "false"],
        inputs = depset(
            direct = ctx.files.srcs + [tsconfig, ctx.file.tsconfig],
            transitive = [dep_declarations, npm_files, ctx.attr._typescript[DefaultInfo].files],
        ),
        outputs = js_files + dts_files,
        mnemonic = "TsCompile",
        progress_message = "Compiling TypeScript %s" % ctx.label,
    )

    runtime = depset(
        direct = js_files + ctx.files.data,
        transitive = [npm_files] + [dep[JsInfo].runtime for dep in ctx.attr.deps if JsInfo in dep],
    )
    return [
        DefaultInfo(
            files = depset(js_files + dts_files),
            runfiles = ctx.runfiles(transitive_files = runtime),
        ),
        JsInfo(
            declarations = depset(dts_files, transitive = [dep_declarations, npm_files]),
            runtime = runtime,
        ),
    ]

ts_compile = rule(
    implementation = _ts_compile_impl,
    doc = """Compiles the .ts files of one package with tsc under the workspace's strict tsconfig.json.

A type error fails the build with tsc's own `file.ts(line,col): error TSxxxx` message.

Example:

    ts_compile(
        name = "naming_lib",
        srcs = ["rules.ts", "suggest.ts"],
        deps = ["//tools/common:cli", "@npm//:yaml"],
    )
""",
    attrs = {
        "data": attr.label_list(
            doc = "Files the compiled code reads at run time.",
            allow_files = True,
        ),
        "deps": attr.label_list(
            doc = "Other ts_compile targets, and npm packages (`@npm//:name`) the sources import.",
        ),
        "npm_repository": attr.string(
            doc = "The external repository that holds node_modules.",
            default = "npm",
        ),
        "srcs": attr.label_list(
            doc = "The .ts sources, all in this package.",
            allow_files = [".ts"],
            mandatory = True,
        ),
        "tsconfig": attr.label(
            doc = "The shared compiler settings that the generated tsconfig extends.",
            default = "//:tsconfig.json",
            allow_single_file = [".json"],
        ),
        "types": attr.string_list(
            doc = "The @types packages visible without an import (`node`, `jasmine`).",
            default = ["node"],
        ),
        "_tsc": attr.label(
            default = "@npm//:node_modules/typescript/lib/tsc.js",
            allow_single_file = True,
        ),
        "_typescript": attr.label(default = "@npm//:typescript"),
    },
    toolchains = [NODE_TOOLCHAIN],
)
