#!/usr/bin/env bash
# The README's two commands: `run.sh build` builds every artifact, `run.sh test` runs every test.
# Both first install what the machine lacks (tools/setup/setup.sh). Extra arguments go to Bazel.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
command="${1:-}"
shift || true
case "$command" in
  build) targets=(//packaging:all) ;;
  test) targets=(//...) ;;
  *)
    echo "usage: tools/setup/run.sh build|test [BAZEL_ARGS...]" >&2
    exit 2
    ;;
esac
bash "$root/tools/setup/setup.sh"
cd "$root"
exec node_modules/.bin/bazelisk "$command" "$@" -- "${targets[@]}"
