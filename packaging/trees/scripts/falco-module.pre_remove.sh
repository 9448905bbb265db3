#!/bin/sh
# falco-module before removal or upgrade (deb prerm: remove or upgrade; rpm %preun: 0 or 1).
# Unregisters this version's source from DKMS, so that DKMS never rebuilds a removed version.
set -e
[ -z "${DPKG_ROOT:-}" ] || exit 0
if command -v dkms >/dev/null; then
	dkms remove -m falco -v @VERSION@ --all >/dev/null 2>&1 || true
fi
