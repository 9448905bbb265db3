#!/usr/bin/env bash
# libscap.so.0: soname libscap.so.0, exports every function of the public headers, and only scap_*.
set -euo pipefail
lib="$1"
soname=$(readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[[ $soname == libscap.so.0 ]] || { echo "soname is '$soname', not libscap.so.0"; exit 1; }
exported=$(nm -D --defined-only "$lib" | awk '$2 ~ /[TDBR]/ {print $3}' | sed 's/@.*//' | sort)
for fn in scap_open scap_next scap_close scap_get_metadata scap_get_stats scap_last_error \
  scap_version scap_event_param scap_event_validate scap_event_name scap_event_length_width \
  scap_metadata_find_thread scap_dumper_open scap_dump_section scap_dump_event scap_dumper_close \
  scap_dumper_abort; do
  grep -qx "$fn" <<<"$exported" || { echo "missing export: $fn"; exit 1; }
done
stray=$(grep -v '^scap_' <<<"$exported" || true)
[[ -z $stray ]] || { echo "exports outside the API: $stray"; exit 1; }
echo "libscap.so.0 exports $(wc -l <<<"$exported") scap_* symbols and nothing else"
