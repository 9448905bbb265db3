#!/usr/bin/env bash
# The bash helper starts the server over a directory, curl gets a file, a missing file is a 404,
# the request log says both, and after stop_http_server nothing listens on the port.
set -euo pipefail
source scripts/http_server/http_server.sh
root=$(mktemp -d "${TEST_TMPDIR:-/tmp}/root.XXXXXX")
echo "hello" >"$root/file.txt"
start_http_server "$root"
[[ $HTTP_SERVER_URL =~ ^http://127\.0\.0\.1:[0-9]+$ ]] || { echo "FAIL: URL '$HTTP_SERVER_URL'"; exit 1; }
[[ $(curl -sS "$HTTP_SERVER_URL/file.txt") == hello ]] || { echo "FAIL: GET /file.txt"; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' "$HTTP_SERVER_URL/missing")
[[ $code == 404 ]] || { echo "FAIL: GET /missing gave $code"; exit 1; }
grep -qx 'http_server: GET /file.txt 200' "$HTTP_SERVER_LOG" || { echo "FAIL: log: $(cat "$HTTP_SERVER_LOG")"; exit 1; }
grep -qx 'http_server: GET /missing 404' "$HTTP_SERVER_LOG" || { echo "FAIL: log: $(cat "$HTTP_SERVER_LOG")"; exit 1; }
url=$HTTP_SERVER_URL
stop_http_server
if curl -s -o /dev/null "$url/file.txt"; then
    echo "FAIL: the server still answers after stop_http_server"
    exit 1
fi
echo "PASS"
