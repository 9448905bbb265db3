#!/usr/bin/env bash
# Installs falco, libscap, libsinsp and falco-module with the real rpm into a scratch root
# (rpm --root; --nodeps only because the scratch root has no system libraries), checks that rpm
# lists them and verifies their files, runs their scriptlets there (busybox as /bin/sh), runs the
# installed falco with the installed libraries, keeps an edited %config(noreplace) file on
# reinstall, then erases them all and checks that nothing of theirs remains.
# usage: rpm_install_test.sh FALCO.rpm LIBSCAP.rpm LIBSINSP.rpm FALCO_MODULE.rpm
set -euo pipefail
[[ $# -eq 4 ]] || {
	echo "usage: $0 FALCO.rpm LIBSCAP.rpm LIBSINSP.rpm FALCO_MODULE.rpm" >&2
	exit 2
}
rpms=("$@")
if [[ $(id -u) -ne 0 ]]; then
	echo "SKIPPED: rpm --root installs root-owned files and runs scriptlets in a chroot: run as root"
	exit 0
fi
root=$(mktemp -d "${TEST_TMPDIR:-/tmp}/rpmroot.XXXXXX")
trap 'rm -rf "$root"' EXIT
failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}
# Debian's rpm warns that rpm is not its package manager; the warning is expected here.
in_root() { rpm --root="$root" --dbpath /var/lib/rpm "$@" 2> >(grep -v -e 'use Alien instead' -e 'assuming you know what you are doing' >&2); }

# The scriptlets run chrooted into the root: give them a shell and /dev/null.
mkdir -p "$root/bin" "$root/dev"
cp /bin/busybox "$root/bin/busybox"
ln -s busybox "$root/bin/sh"
mknod -m 666 "$root/dev/null" c 1 3

# rpm's own resolver: falco alone lacks our packages; with the four, only system capabilities
# (the C and C++ runtimes, yaml-cpp, libbpf, ...) are missing, none that our rpms provide.
alone=$(in_root --test -i "${rpms[0]}" 2>&1 || true)
for need in "falco-module = 0.1.0" "libscap = 0.1.0" "libsinsp = 0.1.0" "libscap.so.0()(64bit)"; do
	grep -qF "$need is needed by falco-0.1.0-1.x86_64" <<<"$alone" || fail "rpm --test -i of falco alone does not miss '$need': $alone"
done
together=$(in_root --test -i "${rpms[@]}" 2>&1 || true)
ours=$(grep 'is needed by' <<<"$together" | grep -E '^\s+(falco|libscap|libsinsp)' || true)
[[ -z "$ours" ]] || fail "with all four rpms, rpm still misses our own packages:"$'\n'"$ours"
grep -q 'libc.so.6()(64bit) is needed by' <<<"$together" || fail "rpm --test -i does not report the system's libc as missing in an empty root: $together"

install_log=$(in_root --nodeps -ivh "${rpms[@]}" 2>&1) || fail "rpm -i exited $?: $install_log"
echo "$install_log"
grep -q 'warning: %.*scriptlet failed' <<<"$install_log" && fail "a scriptlet failed on install"
# falco-module's %post ran (with $1 = 1): there is no DKMS in the scratch root, and it says so.
grep -q 'falco-module: dkms is not installed' <<<"$install_log" || fail "falco-module's %post did not run"

installed=$(in_root -qa --qf '%{NAME}-%{VERSION}-%{RELEASE}.%{ARCH}\n' | sort)
expected=$(printf '%s\n' falco-0.1.0-1.x86_64 falco-module-0.1.0-1.x86_64 libscap-0.1.0-1.x86_64 libsinsp-0.1.0-1.x86_64)
[[ "$installed" == "$expected" ]] || fail "rpm -qa lists:"$'\n'"$installed"
verify=$(in_root -V --nodeps falco falco-module libscap libsinsp 2>&1) || fail "rpm -V after install:"$'\n'"$verify"

for path in /usr/bin/falco /usr/bin/falco-driver-loader /usr/lib64/libscap.so.0 /usr/lib64/libsinsp.so.0 /etc/falco/falco.yaml /usr/src/falco-0.1.0/dkms.conf; do
	[[ -e "$root$path" ]] || fail "$path is not installed"
done
[[ "$(in_root -qf /usr/lib64/libscap.so.0)" == libscap-0.1.0-1.x86_64 ]] || fail "rpm -qf does not say libscap owns /usr/lib64/libscap.so.0"

# The installed falco, with the installed libraries (not the build's).
export LD_LIBRARY_PATH="$root/usr/lib64"
linked=$(ldd "$root/usr/bin/falco")
for lib in libscap.so.0 libsinsp.so.0; do
	grep -q "$lib => $root/usr/lib64/$lib" <<<"$linked" || fail "falco does not load $lib from the root: $linked"
done
version=$("$root/usr/bin/falco" --version) || fail "falco --version exited $?"
echo "$version"
grep -q '^Falco version: ' <<<"$version" || fail "falco --version printed: $version"
validated=$("$root/usr/bin/falco" -c "$root/etc/falco/falco.yaml" -V "$root/etc/falco/falco_rules.yaml" 2>&1) ||
	fail "falco rejects the installed rules: $validated"
unset LD_LIBRARY_PATH

# %config(noreplace): an edited falco.yaml survives reinstalling the package, and rpm -V shows it.
echo "# edited by the test" >>"$root/etc/falco/falco.yaml"
in_root --nodeps -i --replacepkgs "${rpms[0]}" >/dev/null 2>&1 || fail "reinstalling falco failed"
tail -n 1 "$root/etc/falco/falco.yaml" | grep -q 'edited by the test' || fail "reinstalling falco replaced the edited falco.yaml"
changed=$(in_root -V --nodeps falco || true)
[[ "$changed" =~ ^S\.5.*\ c\ /etc/falco/falco.yaml$ ]] || fail "rpm -V does not flag the edited conffile: $changed"

erase_log=$(in_root --nodeps -e falco falco-module libscap libsinsp 2>&1) || fail "rpm -e exited $?: $erase_log"
echo "$erase_log"
grep -q 'warning: %.*scriptlet failed' <<<"$erase_log" && fail "a scriptlet failed on erase"
left=$(in_root -qa)
[[ -z "$left" ]] || fail "still installed after rpm -e: $left"
# Nothing remains but what the test made, the database and the edited conffile rpm saves.
remains=$(cd "$root" && find . -not -type d | grep -v -x -e ./bin/busybox -e ./bin/sh -e ./dev/null -e './var/lib/rpm/.*' -e ./etc/falco/falco.yaml.rpmsave | sort || true)
[[ -z "$remains" ]] || fail "files left after rpm -e:"$'\n'"$remains"
[[ -f "$root/etc/falco/falco.yaml.rpmsave" ]] || fail "the edited falco.yaml was not saved as falco.yaml.rpmsave"
for dir in /usr/src/falco-0.1.0 /usr/include/falcosecurity /usr/share/doc/falco; do
	[[ ! -e "$root$dir" ]] || fail "$dir (owned by the packages) is left after rpm -e"
done

[[ $failures -eq 0 ]] && echo "PASS: installed, verified, ran falco, erased"
[[ $failures -eq 0 ]]
