#!/usr/bin/env bash
# Every .deb given, read with the real dpkg-deb, is what the artifact manifest says: its fields,
# dependencies pinned to this version, conflicts, every path it lists, root-owned members; and it is
# a sound Debian package: md5sums match the files and list them all, conffiles are files of the
# package and cover /etc, no ELF file has a RUNPATH, shared libraries come with shlibs and the
# ldconfig trigger, maintainer scripts are executable with an interpreter line.
# usage: deb_contents_test.sh ARTIFACTS.json DEB...
set -euo pipefail
manifest=$1
shift
failures=0
scratch=$(mktemp -d "${TEST_TMPDIR:-/tmp}/deb-contents.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

fail() {
	echo "FAIL $file: $*"
	failures=$((failures + 1))
}

# manifest_field FILE KEY: one line per value of the manifest entry's KEY (contents: the paths).
manifest_field() {
	node -e '
		const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
		const a = m.artifacts.find((x) => x.file === process.argv[2]);
		if (!a) { console.error(process.argv[2] + ": not in the manifest"); process.exit(1); }
		const v = a[process.argv[3]];
		for (const x of Array.isArray(v) ? v : [v]) console.log(typeof x === "object" ? x.path : x);
	' "$manifest" "$1" "$2"
}

for deb in "$@"; do
	file=$(basename "$deb")
	name=$(manifest_field "$file" name)
	version="$(manifest_field "$file" version)-1"
	dpkg-deb --info "$deb" >/dev/null || fail "dpkg-deb --info cannot read it"

	[[ "$(dpkg-deb --field "$deb" Package)" == "$name" ]] || fail "Package is '$(dpkg-deb --field "$deb" Package)', not $name"
	[[ "$(dpkg-deb --field "$deb" Version)" == "$version" ]] || fail "Version is '$(dpkg-deb --field "$deb" Version)', not $version"
	[[ "$(dpkg-deb --field "$deb" Architecture)" == amd64 ]] || fail "Architecture is not amd64"
	for field in Maintainer Installed-Size Section Priority Homepage Description; do
		[[ -n "$(dpkg-deb --field "$deb" "$field")" ]] || fail "no $field field"
	done
	depends=", $(dpkg-deb --field "$deb" Depends), "
	while IFS= read -r dep; do
		[[ -z "$dep" ]] && continue
		[[ "$depends" == *", $dep (= $version), "* ]] || fail "Depends ($depends) lacks '$dep (= $version)'"
	done < <(manifest_field "$file" depends)
	conflicts=", $(dpkg-deb --field "$deb" Conflicts), "
	while IFS= read -r conflict; do
		[[ -z "$conflict" ]] && continue
		[[ "$conflicts" == *", $conflict, "* ]] || fail "Conflicts ($conflicts) lacks '$conflict'"
	done < <(manifest_field "$file" conflicts)

	listing=$(dpkg-deb --contents "$deb")
	names=$(awk '{ print $6 }' <<<"$listing")
	while IFS= read -r path; do
		grep -qxF ".$path" <<<"$names" || fail "the manifest says it installs $path; dpkg-deb --contents does not list it"
	done < <(manifest_field "$file" contents)
	for path in "/usr/share/doc/$name/copyright" "/usr/share/doc/$name/changelog.Debian.gz"; do
		grep -qxF ".$path" <<<"$names" || fail "no $path"
	done
	if awk '$2 != "root/root"' <<<"$listing" | grep -q .; then
		fail "members not owned by root/root: $(awk '$2 != "root/root"' <<<"$listing" | head -3)"
	fi

	root="$scratch/$name"
	dpkg-deb -R "$deb" "$root"
	(cd "$root" && md5sum --quiet -c DEBIAN/md5sums) || fail "md5sums do not match the files"
	diff <(cd "$root" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | sort) \
		<(sed 's/^[0-9a-f]*  //' "$root/DEBIAN/md5sums" | sort) || fail "md5sums does not list exactly the regular files"
	conffiles=$(cat "$root/DEBIAN/conffiles" 2>/dev/null || true)
	while IFS= read -r conffile; do
		[[ -z "$conffile" ]] && continue
		[[ -f "$root$conffile" && ! -L "$root$conffile" ]] || fail "conffile $conffile is not a regular file of the package"
	done <<<"$conffiles"
	while IFS= read -r etc; do
		grep -qxF "$etc" <<<"$conffiles" || fail "$etc is under /etc but not a conffile"
	done < <(cd "$root" && find etc -type f 2>/dev/null | sed 's|^|/|')

	while IFS= read -r -d '' elf; do
		[[ "$(head -c 4 "$elf" | od -An -c | tr -d ' ')" == '177ELF' ]] || continue
		dynamic=$(readelf -d "$elf" 2>/dev/null || true)
		if grep -qE '\((RUNPATH|RPATH)\)' <<<"$dynamic"; then
			fail "${elf#"$root"} has a RUNPATH: $(grep -E 'RUNPATH|RPATH' <<<"$dynamic")"
		fi
		soname=$(sed -n 's/.*Library soname: \[\(.*\)\]/\1/p' <<<"$dynamic")
		if [[ -n "$soname" ]]; then
			[[ "$(basename "$elf")" == "$soname" ]] || fail "${elf#"$root"} is not named after its soname $soname"
			grep -qE "^${soname%%.so.*} ${soname##*.so.} $name \(>= " "$root/DEBIAN/shlibs" 2>/dev/null || fail "no shlibs entry for $soname"
			grep -qxF "activate-noawait ldconfig" "$root/DEBIAN/triggers" 2>/dev/null || fail "ships $soname without the ldconfig trigger"
		fi
	done < <(find "$root" -path "$root/DEBIAN" -prune -o -type f -print0)

	for script in preinst postinst prerm postrm; do
		[[ -e "$root/DEBIAN/$script" ]] || continue
		[[ "$(stat -c %a "$root/DEBIAN/$script")" == 755 ]] || fail "$script is not mode 0755"
		[[ "$(head -c 2 "$root/DEBIAN/$script")" == '#!' ]] || fail "$script has no interpreter line"
	done
	echo "checked $file: $(wc -l <<<"$names") members, $(wc -l <"$root/DEBIAN/md5sums") files, $(stat -L -c %s "$deb") bytes"
done
echo "$# packages, $failures failures"
[[ $failures -eq 0 ]]
