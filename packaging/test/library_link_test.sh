#!/usr/bin/env bash
# The library tarballs are usable as their INSTALL says: unpacked, their pkg-config files give the
# flags to compile and link a program with the shared libraries (libscap, libsinsp) and with the
# static ones (libscap-static, libsinsp-static); both programs read the captures and agree.
# usage: library_link_test.sh VERSION PROGRAM.cc LIBSCAP LIBSINSP LIBSCAP_STATIC LIBSINSP_STATIC CAPTURE...
set -euo pipefail
version=$1 program=$2
shift 2
scratch=$(mktemp -d "${TEST_TMPDIR:-/tmp}/link.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# Unpacks two tarballs into one prefix (as `cp -a <top>/usr/. /usr/local/` would).
unpack() {
	local prefix=$1
	shift
	mkdir -p "$prefix"
	for tarball in "$@"; do
		tar -xzf "$tarball" -C "$scratch"
		local top
		top=$(basename "$tarball" .tar.gz)
		cp -a "$scratch/$top/usr/." "$prefix/"
	done
}

pc() {
	PKG_CONFIG_PATH="$1/lib/pkgconfig" pkg-config --define-variable=prefix="$1" "${@:2}"
}

unpack "$scratch/shared" "$1" "$2"
unpack "$scratch/static" "$3" "$4"
shift 4

# shellcheck disable=SC2046 # pkg-config prints several words on purpose
c++ -std=c++17 -o "$scratch/count_shared" "$program" $(pc "$scratch/shared" --cflags --libs libsinsp libscap)
# shellcheck disable=SC2046
c++ -std=c++17 -o "$scratch/count_static" "$program" $(pc "$scratch/static" --cflags --libs --static libsinsp libscap)

if ldd "$scratch/count_static" | grep -E 'libs(cap|insp)\.so'; then
	echo "FAIL: the program linked with the static libraries needs the shared ones"
	exit 1
fi
for capture in "$@"; do
	shared_out=$(LD_LIBRARY_PATH="$scratch/shared/lib" "$scratch/count_shared" "$capture")
	static_out=$("$scratch/count_static" "$capture")
	echo "$(basename "$capture"): shared: $shared_out; static: $static_out"
	if [[ "$shared_out" != "$static_out" || "$shared_out" != "libscap $version: "*" events" || "$shared_out" == *": 0 events" ]]; then
		echo "FAIL: expected the same non-zero event count from both, with libscap $version"
		exit 1
	fi
done
