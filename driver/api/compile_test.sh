#!/usr/bin/env bash
# Compiles the generated event schema in every setting it is used in, with gcc and with clang:
# event_table.c as C11, event_table.h as C++17, and event_codes.h freestanding without any system
# header (as the kernel module sees it) and for the bpf target (as the eBPF probe sees it). The
# driver headers (syscall_table.h, fill_table.h) compile freestanding, for bpf (where the
# pointer-free tables must leave no relocation in the object's data) and as C++17.
# Usage: compile_test.sh EVENT_CODES_H EVENT_TABLE_H EVENT_TABLE_C SYSCALL_TABLE_H FILL_TABLE_H
set -euo pipefail

codes_header=$1
table_header=$2
table_source=$3
syscall_header=$4
fill_header=$5
work=${TEST_TMPDIR:-$(mktemp -d)}
mkdir -p "$work/include/driver_api"
cp "$codes_header" "$table_header" "$syscall_header" "$fill_header" "$work/include/driver_api/"
include=$work/include/driver_api

# A user of the driver headers, as a kernel module or eBPF program would be: with -Wall, only
# what it uses may be kept, and the pointer-free tables are the eBPF ones.
cat >"$work/driver_user.c" <<'C'
#include "driver_api/fill_table.h"
#include "driver_api/syscall_table.h"

unsigned long long scap_driver_user(unsigned int nr, unsigned int param);

unsigned long long scap_driver_user(unsigned int nr, unsigned int param)
{
	unsigned int event;
	unsigned int row;

	if (nr >= SCAP_SYSCALL_NR_MAX || param >= SCAP_FILL_MAX_PARAMS) {
		return 0;
	}
	event = scap_syscall_table[nr].exit_event;
	if (event >= SCAP_EVENT_COUNT || param >= scap_fill_index[event].nparams) {
		return 0;
	}
	row = scap_fill_index[event].first + param;
	if (row >= SCAP_FILL_POOL_SIZE || scap_fill_pool[row].kind != SCAP_FILL_FLAGS) {
		return scap_syscall_table[nr].ppm_sc;
	}
	return scap_convert(scap_fill_pool[row].detail, nr);
}
C
# The tables with pointers, as the kernel module and userspace use them.
cat >"$work/table_user.c" <<'C'
#include "driver_api/fill_table.h"
#include "driver_api/syscall_table.h"

unsigned int scap_table_user(unsigned int event);

unsigned int scap_table_user(unsigned int event)
{
	if (event >= SCAP_EVENT_COUNT || scap_fill_table[event].fills == 0) {
		return scap_conversions[SCAP_CONV_OPEN_FLAGS].entries[0].ppm_value;
	}
	return scap_fill_table[event].fills[0].kind + scap_syscall_table[0].ppm_sc;
}
C

warnings=(-Wall -Wextra -Werror -pedantic -Wshadow)
c_warnings=("${warnings[@]}" -Wstrict-prototypes -Wmissing-prototypes)
failed=0
passed=0

run() {
	local what=$1
	shift
	if "$@"; then
		echo "ok: $what"
		passed=$((passed + 1))
	else
		echo "FAILED: $what: $*"
		failed=$((failed + 1))
	fi
}

for tool in gcc g++ clang clang++; do
	command -v "$tool" >/dev/null || { echo "FAILED: $tool is not installed (tools/setup/debian-packages.txt)"; exit 1; }
done

for cc in gcc clang; do
	run "$cc: event_table.c as C11" \
		"$cc" -std=c11 "${c_warnings[@]}" -I"$work/include" -c "$table_source" -o "$work/event_table.$cc.o"
	run "$cc: event_codes.h freestanding, no system headers" \
		"$cc" -std=gnu11 -ffreestanding -nostdinc "${c_warnings[@]}" -fsyntax-only -x c "$include/event_codes.h"
done
for cxx in g++ clang++; do
	run "$cxx: event_table.h as C++17" \
		"$cxx" -std=c++17 "${warnings[@]}" -I"$work/include" -fsyntax-only -x c++ "$include/event_table.h"
done
run "clang -target bpf: event_codes.h" \
	clang -target bpf -nostdinc "${c_warnings[@]}" -fsyntax-only -x c "$include/event_codes.h"
run "event_codes.h includes nothing" \
	bash -c '! grep -n "^[[:space:]]*#[[:space:]]*include" "$1"' _ "$include/event_codes.h"

for cc in gcc clang; do
	for user in driver_user table_user; do
		run "$cc: syscall_table.h and fill_table.h freestanding, no system headers ($user.c)" \
			"$cc" -std=gnu11 -ffreestanding -nostdinc "${c_warnings[@]}" -I"$work/include" \
			-c "$work/$user.c" -o "$work/$user.$cc.o"
	done
done
for cxx in g++ clang++; do
	run "$cxx: syscall_table.h and fill_table.h as C++17" \
		"$cxx" -std=c++17 "${warnings[@]}" -I"$work/include" -fsyntax-only -x c++ "$work/table_user.c"
done
run "clang -target bpf -O2: syscall_table.h and fill_table.h" \
	clang -target bpf -O2 -g -nostdinc "${c_warnings[@]}" -I"$work/include" \
	-c "$work/driver_user.c" -o "$work/driver_user.bpf.o"
run "bpf object: the pointer-free tables leave no relocation in its data sections" \
	bash -c '! readelf -S "$1" | grep -E "\.rel\.(rodata|data)"' _ "$work/driver_user.bpf.o"
run "bpf object: the tables are in .rodata" \
	bash -c 'readelf -S "$1" | grep -q "\.rodata"' _ "$work/driver_user.bpf.o"
for header in syscall_table.h fill_table.h; do
	run "$header includes nothing but driver_api/event_codes.h" \
		bash -c '! grep -n "^[[:space:]]*#[[:space:]]*include" "$1" | grep -v "#include \"driver_api/event_codes.h\"$"' \
		_ "$include/$header"
done

for file in "$include/event_codes.h" "$include/event_table.h" "$table_source" "$include/syscall_table.h" "$include/fill_table.h"; do
	run "$(basename "$file") says it is generated" \
		grep -q "Generated from driver/api/schema by //tools/event_schema. Do not edit" "$file"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
