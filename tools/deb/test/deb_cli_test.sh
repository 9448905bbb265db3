#!/usr/bin/env bash
# The deb tool as the build runs it: a good spec gives a package dpkg-deb reads; bad input gives one
# line naming the input and a non-zero exit, and leaves no output file behind.
# usage: deb_cli_test.sh DEB_TOOL
set -euo pipefail
tool=$(realpath "$1")
work=$(mktemp -d "${TEST_TMPDIR:-/tmp}/deb-cli.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0

printf '#!/bin/sh\necho demo\n' >demo.sh
printf 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n' >copyright
cat >tree.json <<'JSON'
[
  {"kind": "file", "path": "usr/bin/demo", "src": "demo.sh", "mode": 493},
  {"kind": "file", "path": "usr/share/doc/demo/copyright", "src": "copyright"}
]
JSON
cat >nocopyright.json <<'JSON'
[{"kind": "file", "path": "usr/bin/demo", "src": "demo.sh", "mode": 493}]
JSON
spec() {
	cat <<JSON
{"package": "demo", "version": "0.1.0-1", "maintainer": "Demo <demo@example.org>", "section": "admin",
 "homepage": "https://example.org/demo", "summary": "program for the test",
 "description": "A program.", "depends": ["libc6"] $1}
JSON
}
spec "" >good.json
spec ', "pacakge": "x"' >typo.json
spec ', "scripts": {"postinst": "missing.sh"}' >noscript.json

# expect NAME EXIT PATTERN ARGS...: the tool exits with EXIT, prints one line matching PATTERN, writes no OUT.
expect() {
	local name=$1 code=$2 pattern=$3
	shift 3
	rm -f out.deb
	local status=0
	"$tool" "$@" 2>err.txt >/dev/null || status=$?
	if [[ $status -ne $code ]]; then
		echo "FAIL $name: exit $status, expected $code: $(cat err.txt)"
		failures=$((failures + 1))
	elif [[ $(wc -l <err.txt) -ne 1 ]] || ! grep -qE "$pattern" err.txt; then
		echo "FAIL $name: expected one line matching '$pattern', got: $(cat err.txt)"
		failures=$((failures + 1))
	elif [[ -e out.deb ]] || compgen -G '.out.deb.*' >/dev/null; then
		echo "FAIL $name: left an output file behind"
		failures=$((failures + 1))
	else
		echo "ok $name: $(cat err.txt)"
	fi
}

expect "unknown key" 1 '^deb: typo\.json: unknown key "pacakge"' --tree tree.json --package typo.json --out out.deb
expect "missing script" 1 '^deb: missing\.sh: cannot read the postinst script' --tree tree.json --package noscript.json --out out.deb
expect "no copyright" 1 '^deb: demo \(nocopyright\.json\): usr/share/doc/demo/copyright: missing' --tree nocopyright.json --package good.json --out out.deb
expect "missing tree" 1 '^deb: absent\.json: cannot read the tree' --tree absent.json --package good.json --out out.deb
expect "no --out" 2 '^deb: --tree/--package/--out: are required' --tree tree.json --package good.json
expect "bad flag" 2 "^deb: --output: unexpected argument; usage: deb --tree" --tree tree.json --package good.json --output out.deb

"$tool" --tree tree.json --package good.json --out out.deb
[[ "$(dpkg-deb --field out.deb Package Version)" == $'Package: demo\nVersion: 0.1.0-1' ]] || {
	echo "FAIL good spec: dpkg-deb reads $(dpkg-deb --field out.deb Package Version)"
	failures=$((failures + 1))
}
[[ $failures -eq 0 ]]
