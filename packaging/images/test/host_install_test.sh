#!/usr/bin/env bash
# falcosecurity/privileged-host-systemd-driver-falco under runc, with a scratch host root mounted
# at /host: a Debian-like root with a minimal dpkg database (the image's own status file, which
# lists libc6 and the other libraries falco needs, plus kmod and curl) and a static busybox as
# /bin/sh for the maintainer scripts. falco-host-install must register falco-daemon,
# falco-module, libscap and libsinsp in the host's database, install their files and enable
# falco.service; and refuse clearly without a package database or on another architecture.
#
# host_install_test.sh IMAGE
source packaging/images/test/lib.sh
image=$1

unpack_image "$image" host-systemd
rootfs="$bundle/rootfs"

new_host() {
    host="$scratch/host-$1"
    mkdir -p "$host/bin" "$host/etc" "$host/var/lib/dpkg/info" "$host/var/lib/dpkg/updates" "$host/tmp"
    cp "$rootfs/usr/bin/busybox" "$host/bin/busybox"
    ln -s busybox "$host/bin/sh"
    echo 'ID=debian' >"$host/etc/os-release"
}

new_host dpkg
{
    cat "$rootfs/var/lib/dpkg/status"
    for pkg in kmod curl; do
        printf '\nPackage: %s\nStatus: install ok installed\nVersion: 99\nArchitecture: amd64\nMaintainer: test\nDescription: stand-in\n' "$pkg"
    done
} >"$host/var/lib/dpkg/status"
touch "$host/var/lib/dpkg/available"
configure --privileged --mount "$host:/host"
run_container dpkg
expect_status 0
expect_out "falco-host-install: architecture x86_64"
expect_out "falco-host-install: host root /host uses dpkg"
expect_out "falco-host-install: enabled falco.service: /host/etc/systemd/system/multi-user.target.wants/falco.service -> /lib/systemd/system/falco.service"
for pkg in falco-daemon falco-module libscap libsinsp; do
    expect_out "falco-host-install: installed $pkg 0.1.0 (deb) into /host"
    state=$(dpkg-query --admindir="$host/var/lib/dpkg" -W -f '${db:Status-Abbrev}${Version}' "$pkg" 2>&1 || true)
    [[ $state == "ii 0.1.0-1" ]] || fail "$pkg in the host's dpkg database: '$state', expected 'ii 0.1.0-1'"
done
link="$host/etc/systemd/system/multi-user.target.wants/falco.service"
[[ -L $link && $(readlink "$link") == /lib/systemd/system/falco.service ]] || fail "no symlink $link -> /lib/systemd/system/falco.service"
[[ -f $host/lib/systemd/system/falco.service ]] || fail "the host root has no /lib/systemd/system/falco.service"
[[ -x $host/usr/bin/falco ]] || fail "the host root has no /usr/bin/falco"
[[ -f $host/usr/lib/x86_64-linux-gnu/libscap.so.0 ]] || fail "the host root has no libscap.so.0"

new_host empty
configure --privileged --mount "$host:/host"
run_container no-database
expect_status 4
expect_out "neither a dpkg database"

new_host arch
configure --mount "$host:/host" --env FALCO_HOST_ARCH=aarch64
run_container other-arch
expect_status 3
expect_out "the host is aarch64; falco is packaged for x86_64 only"

rmdir "$rootfs/host" # the mount point runc made for the runs above
configure
run_container no-host-root
expect_status 2
expect_out "/host: no such folder"

finish
