#!/usr/bin/env bash
# Every tarball given holds what the artifact manifest says it installs (tar.gz paths) under the
# folder named after it, read with the real tar, with root-owned members; and shared libraries
# keep their soname.
# usage: tarball_contents_test.sh ARTIFACTS.json TARBALL...
set -euo pipefail
manifest=$1
shift
failures=0
scratch=$(mktemp -d "${TEST_TMPDIR:-/tmp}/tarball.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
for tarball in "$@"; do
	file=$(basename "$tarball")
	top=${file%.tar.gz}
	listing=$(tar -tzvf "$tarball")
	names=$(tar -tzf "$tarball")
	expected=$(node -e '
		const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
		const a = m.artifacts.find((x) => x.file === process.argv[2]);
		if (!a) { console.error(process.argv[2] + ": not in the manifest"); process.exit(1); }
		for (const c of a.contents) console.log(c.path.replace(/^\//, ""));
	' "$manifest" "$file" | sed "s|^|$top/|")
	while IFS= read -r path; do
		if ! grep -qxF "$path" <<<"$names"; then
			echo "FAIL $file: the manifest says it installs /$path, the tarball does not hold it"
			failures=$((failures + 1))
		fi
	done <<<"$expected"
	if grep -v "^$top/" <<<"$names" | grep -q .; then
		echo "FAIL $file: members outside $top/:"
		grep -v "^$top/" <<<"$names"
		failures=$((failures + 1))
	fi
	if grep -v ' root/root ' <<<"$listing" | grep -q .; then
		echo "FAIL $file: members not owned by root/root:"
		grep -v ' root/root ' <<<"$listing"
		failures=$((failures + 1))
	fi
	for so in $(grep -E '\.so\.[0-9]+$' <<<"$names"); do
		tar -xzOf "$tarball" "$so" >"$scratch/lib.so"
		soname=$(readelf -d "$scratch/lib.so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
		if [[ "$soname" != "$(basename "$so")" ]]; then
			echo "FAIL $file: $so has soname '$soname'"
			failures=$((failures + 1))
		fi
	done
	echo "checked $file: $(wc -l <<<"$names") members"
done
[[ $failures -eq 0 ]]
