#!/usr/bin/env bash
# Installs the packages into scratch roots with the real dpkg (--root, maintainer scripts run
# without chroot, DPKG_ROOT set), runs the installed falco from there, then purges them and checks
# that nothing of theirs remains. The host's own commands that maintainer scripts would use
# (systemctl, dkms, groupadd, ...) are replaced by stubs that record any call: under DPKG_ROOT the
# scripts must leave the host alone, so no call may be recorded.
# usage: deb_install_test.sh LIBSCAP LIBSINSP FALCO_MODULE FALCO FALCO_DAEMON OTHER_DEB... -- CAPTURE...
set -euo pipefail
debs=()
while [[ $# -gt 0 && "$1" != -- ]]; do
	debs+=("$(realpath "$1")")
	shift
done
shift
captures=("$@")
libscap=${debs[0]} libsinsp=${debs[1]} module=${debs[2]} falco=${debs[3]} daemon=${debs[4]}
others=("${debs[@]:5}")
failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

scratch=$(mktemp -d "${TEST_TMPDIR:-/tmp}/deb-install.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
stubs="$scratch/stubs"
calls="$scratch/host-calls.log"
mkdir -p "$stubs"
touch "$calls"
for command in systemctl dkms groupadd addgroup useradd getent update-rc.d invoke-rc.d deb-systemd-helper modprobe rmmod insmod depmod; do
	printf '#!/bin/sh\necho "%s $*" >>"%s"\nexit 0\n' "$command" "$calls" >"$stubs/$command"
	chmod 0755 "$stubs/$command"
done
# dpkg needs ldconfig and start-stop-daemon on PATH (from /usr/sbin) even with --root.
export PATH="$stubs:/usr/sbin:/usr/bin:/sbin:/bin"

# new_root DIR: an empty dpkg database under DIR.
new_root() {
	mkdir -p "$1/var/lib/dpkg/info" "$1/var/lib/dpkg/updates" "$1/var/lib/dpkg/triggers" "$1/var/log"
	touch "$1/var/lib/dpkg/status" "$1/var/lib/dpkg/available"
}

# in_root DIR DPKG-ARGS...: dpkg on the scratch root. --force-depends: the distribution's
# libraries (libc6, libyaml-cpp0.7, ...) are the host's, not in the scratch database.
in_root() {
	local root=$1
	shift
	dpkg --root="$root" --log="$root/var/log/dpkg.log" --force-depends --force-script-chrootless "$@"
}

# status ROOT PACKAGE: dpkg's status of PACKAGE in ROOT ("" when unknown).
status() {
	dpkg-query --admindir="$1/var/lib/dpkg" -W -f='${Status}' "$2" 2>/dev/null || true
}

# expect_gone ROOT PACKAGE...: the packages are purged and no file, link or directory is left
# outside dpkg's own database and log.
expect_gone() {
	local root=$1
	shift
	for package in "$@"; do
		local s
		s=$(status "$root" "$package")
		[[ -z "$s" || "$s" == "unknown ok not-installed" ]] || fail "$package is still '$s' after purge"
		if compgen -G "$root/var/lib/dpkg/info/$package.*" >/dev/null; then
			fail "dpkg still has files of $package: $(ls "$root/var/lib/dpkg/info/$package".*)"
		fi
	done
	local left
	left=$(cd "$root" && find . -mindepth 1 \( -path ./var -prune \) -o -print | sort)
	[[ -z "$left" ]] || fail "left behind after purge: $(head -20 <<<"$left")"
}

# --- falco with the kernel module package, the libraries and the other drivers ---------------
root="$scratch/root"
new_root "$root"
in_root "$root" --install "$libscap" "$libsinsp" "$module" "$falco" "${others[@]}" >"$scratch/install.log" 2>&1 ||
	{ cat "$scratch/install.log"; fail "dpkg --install failed"; }
cat "$scratch/install.log"
installed=()
for deb in "$libscap" "$libsinsp" "$module" "$falco" "${others[@]}"; do
	package=$(dpkg-deb --field "$deb" Package)
	installed+=("$package")
	[[ "$(status "$root" "$package")" == "install ok installed" ]] || fail "$package is '$(status "$root" "$package")', not installed"
	while IFS= read -r path; do
		[[ -e "$root/$path" || -L "$root/$path" ]] || fail "$package: /${path#./} is not in the root"
	done < <(dpkg-deb --contents "$deb" | awk '{ print $6 }')
done
if grep -q "^falco-module: " "$scratch/install.log"; then
	fail "falco-module's postinst acted on the host (it must stop at DPKG_ROOT)"
fi

libdir="$root/usr/lib/x86_64-linux-gnu"
version=$(LD_LIBRARY_PATH=$libdir "$root/usr/bin/falco" --version) || fail "the installed falco --version failed"
echo "$version"
grep -q '^Falco version: ' <<<"$version" || fail "falco --version printed '$version'"
LD_LIBRARY_PATH=$libdir "$root/usr/bin/falco" -c "$root/etc/falco/falco.yaml" -V "$root/etc/falco/falco_rules.yaml" ||
	fail "the installed falco does not validate the installed rules"
for capture in "${captures[@]}"; do
	[[ "$(basename "$capture")" == ebpf_workload.scap ]] || continue
	alerts=$(LD_LIBRARY_PATH=$libdir "$root/usr/bin/falco" -c "$root/etc/falco/falco.yaml" -r "$root/etc/falco/falco_rules.yaml" -e "$capture" 2>&1) ||
		fail "the installed falco failed on $capture: $alerts"
	grep -q 'Program run from temporary directory' <<<"$alerts" || fail "the installed rules raised no alert on $capture: $alerts"
done
[[ -x "$root/usr/bin/falco-driver-loader" ]] || fail "falco-module did not install the driver loader"

# Installing the module package again is an upgrade to the same version: prerm upgrade, then postinst configure.
in_root "$root" --install "$module" || fail "reinstalling falco-module failed"

in_root "$root" --purge "${installed[@]}" || fail "dpkg --purge failed"
expect_gone "$root" "${installed[@]}"

# --- falco-daemon (conflicts with falco): its postinst and prerm must skip systemd and groups ---
root="$scratch/daemon-root"
new_root "$root"
in_root "$root" --install "$libscap" "$libsinsp" "$module" "$daemon" || fail "dpkg --install of falco-daemon failed"
[[ "$(status "$root" falco-daemon)" == "install ok installed" ]] || fail "falco-daemon is not installed"
[[ -f "$root/lib/systemd/system/falco.service" ]] || fail "falco-daemon did not install falco.service"
[[ -x "$root/etc/init.d/falco" ]] || fail "falco-daemon did not install its init script"
in_root "$root" --install "$falco" >/dev/null 2>&1 && fail "dpkg installed falco beside falco-daemon (they conflict)"
in_root "$root" --purge falco-daemon falco-module libsinsp libscap || fail "dpkg --purge of falco-daemon failed"
expect_gone "$root" falco-daemon falco-module libsinsp libscap

if [[ -s "$calls" ]]; then
	fail "maintainer scripts called host commands under DPKG_ROOT: $(cat "$calls")"
fi
echo "installed and purged: ${installed[*]}, then falco-daemon; $failures failures"
[[ $failures -eq 0 ]]
