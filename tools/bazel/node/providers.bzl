"""Providers shared by the project's Node.js rules."""

NodeInfo = provider(
    doc = "A Node.js interpreter that actions and launchers can run.",
    fields = {
        "node": "File: the node executable.",
    },
)

JsInfo = provider(
    doc = "JavaScript produced or shipped by a target, for running it under Node.js.",
    fields = {
        "declarations": "depset of File: .d.ts files that TypeScript compiles against.",
        "runtime": "depset of File: everything the code needs at run time (.js, npm files, data).",
    },
)
