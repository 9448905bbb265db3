#!/bin/sh
# /init of the qemu test guest: runs each step of kmod-guest in order, prints the kernel's log,
# and powers off. The host test reads the serial console; every line it checks starts with a
# step name or "guest:".
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /tmp
ip link set lo up
# Only what happens from here on is checked: the boot's messages are dropped from the log.
dmesg -c >/dev/null
echo "guest: kernel $(uname -r) $(uname -v)"
echo "guest: cpus $(grep -c ^processor /proc/cpuinfo)"

bench_calls=200000
kmod-guest bench "$bench_calls"
kmod-guest load /lib/modules/falco.ko && {
	kmod-guest events
	kmod-guest bad-input
	kmod-guest stress 8 1000000
	kmod-guest bench "$bench_calls"
	kmod-guest unload
}
if grep -q '^falco ' /proc/modules; then
	echo "guest: module still loaded"
else
	echo "guest: module not loaded"
fi
echo "guest: dmesg begin"
dmesg
echo "guest: dmesg end"
echo "guest: finished"
# Let the serial line drain before the machine stops.
sleep 2
poweroff -f
