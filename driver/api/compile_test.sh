#!/usr/bin/env bash
# Compiles the generated event schema in every setting it is used in, with gcc and with clang:
# event_table.c as C11, event_table.h as C++17, and event_codes.h freestanding without any system
# header (as the kernel module sees it) and for the bpf target (as the eBPF probe sees it).
# Usage: compile_test.sh EVENT_CODES_H EVENT_TABLE_H EVENT_TABLE_C
set -euo pipefail

codes_header=$1
table_header=$2
table_source=$3
work=${TEST_TMPDIR:-$(mktemp -d)}
mkdir -p "$work/include/driver_api"
cp "$codes_header" "$table_header" "$work/include/driver_api/"
include=$work/include/driver_api

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
for file in "$include/event_codes.h" "$include/event_table.h" "$table_source"; do
	run "$(basename "$file") says it is generated" \
		grep -q "Generated from driver/api/schema by //tools/event_schema. Do not edit" "$file"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
