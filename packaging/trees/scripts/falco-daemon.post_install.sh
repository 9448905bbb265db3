#!/bin/sh
# falco-daemon after install or upgrade (deb postinst: configure; rpm %post: 1 or 2).
# Creates the group of the alert socket and enables falco.service. Into another root
# (dpkg --root), the host is left alone.
set -e
[ -z "${DPKG_ROOT:-}" ] || exit 0
case "$1" in
configure | 1 | 2) ;;
*) exit 0 ;;
esac
if ! getent group falco >/dev/null 2>&1; then
	if command -v groupadd >/dev/null; then
		groupadd --system falco
	elif command -v addgroup >/dev/null; then
		addgroup --system falco
	else
		echo "falco-daemon: no groupadd or addgroup; create the group 'falco' for the alert socket"
	fi
fi
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
	systemctl daemon-reload
	systemctl enable falco.service
fi
