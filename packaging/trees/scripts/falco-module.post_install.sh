#!/bin/sh
# falco-module after install or upgrade (deb postinst: configure; rpm %post: 1 or 2).
# Registers the module source with DKMS and builds it for the running kernel. Without DKMS, or
# when the build fails, the package stays installed and falco-driver-loader does the work.
set -e
[ -z "${DPKG_ROOT:-}" ] || exit 0
case "$1" in
configure | 1 | 2) ;;
*) exit 0 ;;
esac
if ! command -v dkms >/dev/null; then
	echo "falco-module: dkms is not installed; run falco-driver-loader to build or download the module"
	exit 0
fi
dkms add -m falco -v @VERSION@ >/dev/null 2>&1 || true
if ! dkms install -m falco -v @VERSION@ -k "$(uname -r)"; then
	echo "falco-module: DKMS could not build the module for $(uname -r); run falco-driver-loader"
fi
