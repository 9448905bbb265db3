#!/usr/bin/env bash
# The rpm_package tool run as the build runs it: a package the real rpm reads; on bad input one
# line naming the input, a non-zero exit and no output file (nor a temporary one) left behind.
# usage: rpm_cli_test.sh RPM_PACKAGE
set -euo pipefail
tool=$(realpath "$1")
work=$(mktemp -d "${TEST_TMPDIR:-/tmp}/rpmcli.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}
printf '#!/bin/sh\necho hi\n' >hello.sh
echo 'echo "post $1"' >post.sh
echo '[{"path": "usr/bin/hello", "kind": "file", "src": "hello.sh", "mode": 493}, {"path": "etc/hello.conf", "kind": "file", "content": "a=1\n"}]' >tree.json
echo '{"name": "hello", "version": "1.0", "summary": "says hello", "license": "MIT", "requires": ["bash >= 5"], "conffiles": ["/etc/hello.conf"], "scripts": {"post_install": "post.sh"}}' >good.json

# expect_error CODE PATTERN ARGS...: the tool exits CODE with one line matching PATTERN, writes nothing.
expect_error() {
	local code=$1 pattern=$2
	shift 2
	local out status=0
	out=$("$tool" "$@" 2>&1) || status=$?
	[[ $status -eq $code ]] || fail "exit $status (not $code) for: $*"
	[[ $(wc -l <<<"$out") -eq 1 ]] || fail "more than one line for: $*: $out"
	grep -qE "$pattern" <<<"$out" || fail "'$out' does not match '$pattern'"
	[[ -z "$(ls -A out 2>/dev/null)" ]] || fail "output left behind for: $*: $(ls -A out)"
}
mkdir out

"$tool" --tree tree.json --metadata good.json --out out/hello.rpm || fail "the good package failed"
listing=$(rpm --dbpath "$work/db" -qpl out/hello.rpm)
[[ "$listing" == $'/etc/hello.conf\n/usr/bin/hello' ]] || fail "rpm -qpl: $listing"
rpm --dbpath "$work/db" -qp --requires out/hello.rpm | grep -qx 'bash >= 5' || fail "the requirement is missing"
rpm --dbpath "$work/db" -qp --scripts out/hello.rpm | grep -qxF 'echo "post $1"' || fail "the scriptlet is missing"
rm -f out/hello.rpm

echo '{"name": "hello", "version": "1.0", "summary": "s", "license": "MIT", "conffiles": ["/etc/other.conf"]}' >conf.json
expect_error 1 '^rpm_package: conf\.json with tree\.json: conffile /etc/other\.conf is not a file of the tree$' --tree tree.json --metadata conf.json --out out/x.rpm
echo '{"name": "hello", "version": "1.0", "summary": "s", "license": "MIT", "requires": ["bash => 5"]}' >dep.json
expect_error 1 '^rpm_package: dep\.json with tree\.json: dependency "bash => 5": expected' --tree tree.json --metadata dep.json --out out/x.rpm
echo '{"name": "hello", "version": "1.0", "summary": "s", "license": "MIT", "scripts": {"post_install": "missing.sh"}}' >script.json
expect_error 1 '^rpm_package: missing\.sh: cannot read the scriptlet: ENOENT' --tree tree.json --metadata script.json --out out/x.rpm
echo '{"name": "hello",' >broken.json
expect_error 1 '^rpm_package: broken\.json: not JSON' --tree tree.json --metadata broken.json --out out/x.rpm
echo '[{"path": "usr/bin/hello", "kind": "file", "src": "absent"}]' >absent.json
expect_error 1 '^rpm_package: absent\.json: .*absent' --tree absent.json --metadata good.json --out out/x.rpm
expect_error 1 '^rpm_package: nothing\.json: cannot read the tree' --tree nothing.json --metadata good.json --out out/x.rpm
expect_error 2 '^rpm_package: --colour: unexpected argument \(usage: ' --colour --tree tree.json
expect_error 2 '^rpm_package: --tree/--metadata/--out: are required' --tree tree.json

[[ $failures -eq 0 ]] && echo "PASS: the package, and 8 kinds of bad input"
[[ $failures -eq 0 ]]
