#!/usr/bin/env bash
echo "bazel coverage: this offline workspace has no coverage merger (remote_coverage_tools is a local stand-in)" >&2
exit 1
