#!/bin/sh
# falco-daemon before removal (deb prerm: remove; rpm %preun: 0). Upgrades keep it running.
set -e
[ -z "${DPKG_ROOT:-}" ] || exit 0
case "$1" in
remove | 0) ;;
*) exit 0 ;;
esac
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
	systemctl disable --now falco.service || true
elif command -v invoke-rc.d >/dev/null; then
	invoke-rc.d falco stop || true
elif command -v service >/dev/null; then
	service falco stop || true
fi
