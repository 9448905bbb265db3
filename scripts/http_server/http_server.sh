#!/usr/bin/env bash
# Starts and stops //scripts/http_server from a bash test (sh_test). Put
# "//scripts/http_server:http_server_sh" in the test's `data`, then:
#
#   source scripts/http_server/http_server.sh      # from the test's working directory
#   start_http_server DIR     # serves DIR; sets HTTP_SERVER_URL (http://127.0.0.1:PORT),
#                             # HTTP_SERVER_PID and HTTP_SERVER_LOG ("METHOD PATH STATUS" lines)
#   curl "$HTTP_SERVER_URL/file"
#   stop_http_server          # also run on exit if the test forgets
#
# HTTP_SERVER_BIN overrides where the server program is (default: its runfiles path).

start_http_server() {
    local root=$1 bin dir i
    bin=${HTTP_SERVER_BIN:-${TEST_SRCDIR:-$PWD/..}/falco/scripts/http_server/http_server}
    dir=$(mktemp -d "${TEST_TMPDIR:-/tmp}/http_server.XXXXXX")
    HTTP_SERVER_LOG="$dir/requests.log"
    "$bin" --root "$root" --url-file "$dir/url" --timeout "${HTTP_SERVER_TIMEOUT:-900}" >/dev/null 2>"$HTTP_SERVER_LOG" &
    HTTP_SERVER_PID=$!
    trap stop_http_server EXIT
    for ((i = 0; i < 200; i++)); do
        if [[ -s $dir/url ]]; then
            HTTP_SERVER_URL=$(cat "$dir/url")
            return 0
        fi
        if ! kill -0 "$HTTP_SERVER_PID" 2>/dev/null; then
            echo "start_http_server: the server stopped: $(cat "$HTTP_SERVER_LOG")" >&2
            return 1
        fi
        sleep 0.05
    done
    echo "start_http_server: no URL from the server after 10 s" >&2
    return 1
}

stop_http_server() {
    if [[ -n ${HTTP_SERVER_PID:-} ]]; then
        kill "$HTTP_SERVER_PID" 2>/dev/null || true
        wait "$HTTP_SERVER_PID" 2>/dev/null || true
        HTTP_SERVER_PID=""
    fi
}
