#!/usr/bin/env bash
# libsinsp.so.0 exports the sinsp:: API only, has its soname, and takes libscap from libscap.so.0.
set -euo pipefail
lib="$1"
fail() { echo "FAIL: $*" >&2; exit 1; }
soname="$(readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')"
[[ $soname == libsinsp.so.0 ]] || fail "soname is '$soname', not libsinsp.so.0"
readelf -d "$lib" | grep -q 'Shared library: \[libscap.so.0\]' || fail "does not link libscap.so.0"
# Global symbols only (upper-case nm types); local ones may be listed but are not exported.
exported="$(nm -D --defined-only "$lib" | awk '$2 ~ /^[A-Z]$/ {print $3}' | c++filt)"
[[ -n $exported ]] || fail "exports nothing"
stray="$(grep -Ev '^(sinsp::|typeinfo for sinsp::|typeinfo name for sinsp::|vtable for sinsp::|LIBSINSP_0$)' <<< "$exported" || true)"
[[ -z $stray ]] || fail "exports symbols outside namespace sinsp:"$'\n'"$(head -20 <<< "$stray")"
for symbol in 'sinsp::Inspector::open' 'sinsp::Inspector::next' 'sinsp::FieldCatalogue::instance' \
  'sinsp::Formatter::Formatter' 'sinsp::filter::compile'; do
  grep -q "^$symbol(" <<< "$exported" || fail "does not export $symbol"
done
# Nothing of libscap is inside: it comes from libscap.so.0.
if nm --defined-only "$lib" | grep -q ' scap_open$'; then fail "carries its own copy of libscap"; fi
echo "ok: $(wc -l <<< "$exported") sinsp symbols, soname $soname, NEEDED libscap.so.0"
