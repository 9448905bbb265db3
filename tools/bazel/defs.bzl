"""The project's Bazel rules, in one place. Load from here, not from the private files.

- ts_project: compile TypeScript (strict), with an ESLint test.
- ts_binary: a TypeScript program to `bazel run` or use as a tool in other rules.
- node_binary / node_test: run any JavaScript entry point with the Node.js toolchain.
- jasmine_test: TypeScript specs run by jasmine.
- eslint_test, buildifier_test, workspace_check_test: lint as tests.
- C and C++: //tools/bazel/cc:defs.bzl (c_library, cxx_library, gtest_test, cc_fuzz_test).
"""

load("//tools/bazel/jasmine:defs.bzl", _jasmine_test = "jasmine_test")
load("//tools/bazel/lint:buildifier.bzl", _buildifier_test = "buildifier_test")
load("//tools/bazel/lint:eslint.bzl", _eslint_test = "eslint_test")
load("//tools/bazel/lint:workspace_check.bzl", _workspace_check_test = "workspace_check_test")
load("//tools/bazel/node:node_program.bzl", _node_binary = "node_binary", _node_test = "node_test")
load("//tools/bazel/typescript:defs.bzl", _ts_binary = "ts_binary", _ts_project = "ts_project")

buildifier_test = _buildifier_test
eslint_test = _eslint_test
jasmine_test = _jasmine_test
node_binary = _node_binary
node_test = _node_test
ts_binary = _ts_binary
ts_project = _ts_project
workspace_check_test = _workspace_check_test
