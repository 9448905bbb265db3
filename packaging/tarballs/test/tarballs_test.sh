#!/usr/bin/env bash
# falco's tarballs, read and unpacked with the real tar:
# - every member is under <file without .tar.gz>/, owned by root (0/0), with the fixed mtime;
# - directories are 0755, files 0644 or 0755, nothing else (no links, devices, setuid);
# - the INSTALL is at the top and names the tarball;
# - every path the manifest lists (packaging/artifacts.bzl) is there, and nothing the manifest
#   does not list (each member is a listed path, below a listed folder, or a parent of one);
# - usr/bin/* are 0755; every 0755 file is a program (an ELF with an interpreter, or #!) and no
#   0644 file is one;
# - unpacked: falco finds its libraries in usr/lib and validates the shipped rules; the
#   download-only loader refuses --compile, the full one names its driver.
#
# tarballs_test.sh ARTIFACTS.json TARBALL...
set -euo pipefail
manifest=$1
shift
failures=0
scratch=$(mktemp -d "${TEST_TMPDIR:-/tmp}/tarballs.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
fail() {
    echo "FAIL $file: $*"
    failures=$((failures + 1))
}

for tarball in "$@"; do
    file=$(basename "$tarball")
    root=${file%.tar.gz}
    listing=$(tar --numeric-owner --full-time -tzvf "$tarball")
    names=$(tar -tzf "$tarball")

    # Everything under the folder, root-owned, one mtime.
    if grep -v -e "^$root/\$" -e "^$root/." <<<"$names" | grep -q .; then
        fail "members outside $root/: $(grep -v "^$root/" <<<"$names" | head -n 3 | tr '\n' ' ')"
    fi
    if awk '$2 != "0/0"' <<<"$listing" | grep -q .; then
        fail "members not owned by 0/0: $(awk '$2 != "0/0" {print $6}' <<<"$listing" | head -n 3 | tr '\n' ' ')"
    fi
    if [[ $(awk '{print $4, $5}' <<<"$listing" | sort -u) != "2026-01-01 00:00:00" ]]; then
        fail "mtimes are not all the fixed one: $(awk '{print $4, $5}' <<<"$listing" | sort -u | tr '\n' ' ')"
    fi
    if awk '$1 != "drwxr-xr-x" && $1 != "-rw-r--r--" && $1 != "-rwxr-xr-x"' <<<"$listing" | grep -q .; then
        fail "members of other modes or kinds: $(awk '$1 != "drwxr-xr-x" && $1 != "-rw-r--r--" && $1 != "-rwxr-xr-x" {print $1, $6}' <<<"$listing" | head -n 3 | tr '\n' ' ')"
    fi
    if awk '$1 ~ /^d/ && $6 !~ /\/$/' <<<"$listing" | grep -q .; then
        fail "directories without a trailing slash"
    fi

    # What the manifest lists, and nothing else.
    expected=$(node -e '
        const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
        const a = m.artifacts.find((x) => x.file === process.argv[2]);
        if (!a) { console.error(process.argv[2] + ": not in the manifest"); process.exit(1); }
        for (const c of a.contents) console.log(c.path);
    ' "$manifest" "$file") || {
        fail "not in the manifest"
        continue
    }
    grep -qx "/INSTALL" <<<"$expected" || fail "the manifest lists no /INSTALL"
    while IFS= read -r path; do
        [[ $path == / ]] && continue
        grep -qxF "$root$path" <<<"$names" || fail "the manifest lists $path, the tarball does not hold it"
    done <<<"$expected"
    while IFS= read -r member; do
        inner=${member#"$root"}
        [[ $inner == / ]] && continue
        listed=0
        while IFS= read -r path; do
            # the path itself, something below a listed folder, or a parent folder of a listed path
            if [[ $inner == "$path" || ($path == */ && $inner == "$path"*) || ($inner == */ && $path == "$inner"*) ]]; then
                listed=1
                break
            fi
        done <<<"$expected"
        ((listed)) || fail "holds $inner, which the manifest does not list"
    done <<<"$names"

    # Unpacked: modes against contents, the INSTALL, falco and the loader.
    dir="$scratch/$root"
    mkdir -p "$dir"
    tar -xzf "$tarball" -C "$scratch"
    head -n 1 "$dir/INSTALL" | grep -qF "$file" || fail "INSTALL does not start by naming $file: $(head -n 1 "$dir/INSTALL")"
    while read -r mode path; do
        inner=${path#"$root/"}
        if [[ $inner == usr/bin/* && $mode != -rwxr-xr-x ]]; then
            fail "$inner is $mode, not 0755"
        fi
        program=0
        if [[ $(head -c 2 "$scratch/$path" | tr -d '\0') == "#!" ]] || readelf -l "$scratch/$path" 2>/dev/null | grep -q "program interpreter"; then
            program=1
        fi
        if [[ $mode == -rwxr-xr-x && $program == 0 ]]; then
            fail "$inner is 0755 but no program"
        elif [[ $mode == -rw-r--r-- && $program == 1 ]]; then
            fail "$inner is a program but 0644"
        fi
    done < <(awk '$1 !~ /^d/ {print $1, $6}' <<<"$listing")

    if [[ -f $dir/usr/bin/falco ]]; then
        # ldd's output is kept, not piped into grep -q (which would stop reading: SIGPIPE, pipefail).
        libraries=$(LD_LIBRARY_PATH="$dir/usr/lib" ldd "$dir/usr/bin/falco")
        missing=$(grep "not found" <<<"$libraries" || true)
        [[ -z $missing ]] || fail "falco's libraries are not all there: $missing"
        for lib in libscap.so.0 libsinsp.so.0; do
            grep -qF "$lib => $dir/usr/lib/$lib" <<<"$libraries" ||
                fail "falco does not take $lib from the tarball's usr/lib"
        done
        if [[ -f $dir/etc/falco/falco_rules.yaml ]]; then
            out=$(LD_LIBRARY_PATH="$dir/usr/lib" "$dir/usr/bin/falco" -c "$dir/etc/falco/falco.yaml" -V "$dir/etc/falco/falco_rules.yaml" 2>&1) ||
                fail "falco -V of the shipped rules failed: $out"
        else
            LD_LIBRARY_PATH="$dir/usr/lib" "$dir/usr/bin/falco" --help >/dev/null 2>&1 || fail "falco --help failed"
        fi
    fi
    loader="$dir/usr/bin/falco-driver-loader"
    if [[ -f $loader ]]; then
        # (only what touches nothing: the full loader's --compile would build for this machine)
        if [[ $root == falco-driver-download-* ]]; then
            status=0
            out=$("$loader" --compile 2>&1 >/dev/null) || status=$?
            [[ $status == 2 && $out == *download-only* ]] || fail "the loader is not download-only: --compile gave $status: $out"
        else
            "$loader" --help | grep -q "download-only" && fail "the loader is the download-only one"
            name=$(FALCO_DISTRO=debian FALCO_KERNEL_RELEASE=6.1.0-56-amd64 FALCO_KERNEL_VERSION=1 "$loader" --print-name)
            [[ $name == falco_debian_6.1.0-56-amd64_1.ko ]] || fail "the loader's --print-name gave '$name'"
        fi
    fi
    echo "checked $file: $(grep -vc '/$' <<<"$names") files"
done
if ((failures > 0)); then
    echo "$failures failures"
    exit 1
fi
