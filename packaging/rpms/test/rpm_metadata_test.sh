#!/usr/bin/env bash
# Every rpm, read with the real rpm: its digests pass; name, version, release, arch, summary and
# license are the expected ones; its files are the manifest's contents (packaging/artifacts.json)
# with their folders, owned by root; requires, conflicts, conffiles and scriptlets are those of the
# manifest and PACKAGE_INFO (expected.json); and every soname one of them requires is provided by
# one of our rpms or by a library this machine has.
# usage: rpm_metadata_test.sh EXPECTED.json ARTIFACTS.json [//LABEL=SCRIPT...] RPM...
set -euo pipefail
expected_json=$1
manifest=$2
shift 2
declare -A script_files=()
while [[ $# -gt 0 && $1 == //* ]]; do
	script_files[${1%%=*}]=${1#*=}
	shift
done
scratch=$(mktemp -d "${TEST_TMPDIR:-/tmp}/rpmmeta.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
q() { rpm --dbpath "$scratch/db" -qp "$@"; }
failures=0
fail() {
	echo "FAIL $file: $*"
	failures=$((failures + 1))
}
# expect KEY: the expected value (a string, or a list one per line, or an object as KEY<TAB>VALUE).
expect() {
	node -e '
		const [expectedPath, manifestPath, file, key] = process.argv.slice(1);
		const fs = require("fs");
		if (key === "contents") {
			const a = JSON.parse(fs.readFileSync(manifestPath, "utf8")).artifacts.find((x) => x.file === file);
			if (!a) { console.error(file + ": not in the manifest"); process.exit(1); }
			for (const c of a.contents) console.log(c.path);
			process.exit(0);
		}
		const e = JSON.parse(fs.readFileSync(expectedPath, "utf8"))[file];
		if (!e) { console.error(file + ": not in " + expectedPath); process.exit(1); }
		const v = e[key];
		if (typeof v === "string") console.log(v);
		else if (Array.isArray(v)) v.forEach((x) => console.log(x));
		else Object.entries(v).forEach(([k, x]) => console.log(k + "\t" + x));
	' "$expected_json" "$manifest" "$file" "$1"
}

provided_sonames=""
for rpm_file in "$@"; do
	provided_sonames+=$(q --provides "$rpm_file" | grep '()(64bit)$' || true)$'\n'
done
machine_sonames=$(/sbin/ldconfig -p | sed -n 's/^\t\([^ ]*\) (libc6,x86-64.*/\1()(64bit)/p')

for rpm_file in "$@"; do
	file=$(basename "$rpm_file")
	digests=$(rpm --dbpath "$scratch/db" -K --nosignature "$rpm_file") || true
	[[ "$digests" == "$rpm_file: digests OK" ]] || fail "rpm -K: $digests"

	info=$(q -i "$rpm_file")
	for field in "Name:$(expect name)" "Version:$(expect version)" "Release:$(expect release)" "Architecture:x86_64" "Summary:$(expect summary)" "License:$(expect license)"; do
		grep -qxF "$(printf '%-12s: %s' "${field%%:*}" "${field#*:}")" <<<"$info" ||
			fail "rpm -qpi does not say '${field%%:*}: ${field#*:}'"
	done

	# Files: each manifest path (a folder when it ends with /; rules.d/ starts empty), nothing else but
	# the folders leading to them and the package's doc folder, all root-owned.
	listing=$(q --qf '[%{FILEMODES:perms} %{FILEUSERNAME}:%{FILEGROUPNAME} %{FILENAMES}\n]' "$rpm_file")
	paths=$(awk '{print $3}' <<<"$listing")
	name=$(expect name)
	allowed=("/usr/share/doc/$name/")
	while IFS= read -r path; do
		if [[ "$path" == */ ]]; then
			grep -qx "d[^ ]* [^ ]* ${path%/}" <<<"$listing" || fail "the manifest's folder $path is not a folder of the rpm"
		else
			grep -qx "[-l][^ ]* [^ ]* $path" <<<"$listing" || fail "the manifest's $path is not a file of the rpm"
		fi
		allowed+=("$path")
	done < <(expect contents)
	while IFS= read -r path; do
		ok=0
		for a in "${allowed[@]}"; do
			if [[ "$path" == "$a" || "$path/" == "$a" || ($a == */ && "$path" == "$a"*) || "$a" == "$path/"* ]]; then
				ok=1
				break
			fi
		done
		[[ $ok -eq 1 ]] || fail "holds $path, which the manifest does not list"
	done <<<"$paths"
	grep -v ' root:root ' <<<"$listing" | grep -q . && fail "files not owned by root:root"

	requires=$(q --requires "$rpm_file")
	while IFS= read -r dep; do
		[[ -z "$dep" ]] || grep -qxF "$dep" <<<"$requires" || fail "does not require '$dep'"
	done < <(expect requires)
	grep -qxF "$name = $(expect version)-$(expect release)" <(q --provides "$rpm_file") || fail "does not provide itself"
	while IFS= read -r soname; do
		grep -qxF "$soname" <<<"$provided_sonames$machine_sonames" || fail "requires $soname, which no rpm of ours and no library here provides"
	done < <(grep '()(64bit)$' <<<"$requires" || true)

	conflicts=$(q --conflicts "$rpm_file" | sort)
	[[ "$conflicts" == "$(expect conflicts | sort)" ]] || fail "conflicts with '$conflicts', expected '$(expect conflicts | sort)'"
	configs=$(q --qf '[%{FILEFLAGS:fflags} %{FILENAMES}\n]' "$rpm_file" | sed -n 's/^c[^ ]* //p' | sort)
	[[ "$configs" == "$(expect conffiles | sort)" ]] || fail "conffiles are '$configs', expected '$(expect conffiles | sort)'"
	noreplace=$(q --qf '[%{FILEFLAGS:fflags} %{FILENAMES}\n]' "$rpm_file" | grep '^c ' || true)
	[[ -z "$noreplace" ]] || fail "conffiles without noreplace: $noreplace"

	# Scriptlets: the PACKAGE_INFO scripts as %post/%preun for /bin/sh, and no others.
	declare -A want=([post_install]="" [pre_remove]="")
	while IFS=$'\t' read -r kind label; do
		[[ -n "$kind" ]] || continue
		[[ -n "${script_files[$label]:-}" ]] || fail "the test was not given the script $label"
		want[$kind]=${script_files[$label]:-}
	done < <(expect scripts)
	for pair in post_install:POSTIN pre_remove:PREUN; do
		kind=${pair%%:*}
		tag=${pair#*:}
		if [[ -n "${want[$kind]}" ]]; then
			cmp -s <(q --qf "%{$tag}" "$rpm_file") "${want[$kind]}" || fail "its $tag scriptlet is not ${want[$kind]}"
			[[ "$(q --qf "%{${tag}PROG}" "$rpm_file")" == /bin/sh ]] || fail "its $tag scriptlet is not run by /bin/sh"
		else
			[[ "$(q --qf "%{$tag}" "$rpm_file")" == "(none)" ]] || fail "has a $tag scriptlet it should not"
		fi
	done
	for tag in PREIN POSTUN; do
		[[ "$(q --qf "%{$tag}" "$rpm_file")" == "(none)" ]] || fail "has a $tag scriptlet it should not"
	done
	unset want

	echo "checked $file: $(wc -l <<<"$paths") files, $(wc -l <<<"$requires") requires, $(stat -L -c %s "$rpm_file") bytes"
done
[[ $failures -eq 0 ]]
