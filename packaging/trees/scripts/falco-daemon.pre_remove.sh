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
elif [ -x /etc/init.d/falco ]; then
	/etc/init.d/falco stop || true
fi
