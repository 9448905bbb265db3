#!/usr/bin/env bash
# falcosecurity/privileged-driver-install under runc, in download mode, against a local HTTP
# server (//scripts/http_server on 127.0.0.1, reached through the host's network namespace)
# holding the prebuilt modules of //driver/kmod:matrix with their .sha256: the image's loader
# downloads the module for the kernel it is told, checks its sha256, keeps it in its cache and
# tries to load it, which fails here (no module support): exit 10 and insmod's message. A module
# whose checksum does not match is refused (exit 8), an unknown kernel is reported (exit 6).
# privileged-driver-install-falco does the same, and does not run falco when the load fails.
#
# driver_install_test.sh IMAGE IMAGE_WITH_FALCO MODULE.ko...
source packaging/images/test/lib.sh
source scripts/http_server/http_server.sh
image=$1 image_falco=$2
shift 2

repo="$scratch/repo"
mkdir -p "$repo"
for ko in "$@"; do
    cp "$ko" "$repo/"
    (cd "$repo" && sha256sum "$(basename "$ko")" >"$(basename "$ko").sha256")
done
krel=6.1.0-56-amd64
name="falco_debian_${krel}_1.ko"
[[ -f $repo/$name ]] || {
    echo "FAIL: the matrix has no $name"
    exit 1
}
bad="$scratch/bad"
mkdir -p "$bad"
cp "$repo/$name.sha256" "$bad/"
printf 'not the module\n' >"$bad/$name"
start_http_server "$scratch"
url=$HTTP_SERVER_URL

requests_of() {
    grep -c " /$1 " "$HTTP_SERVER_LOG" || true
}

unpack_image "$image" driver-install
cache="$scratch/cache"
mkdir -p "$cache"
loader_env=(--host-network --privileged --env "FALCO_KERNEL_RELEASE=$krel" --env FALCO_KERNEL_VERSION=1)

configure "${loader_env[@]}" --env "FALCO_DRIVER_REPO=$url/repo" --mount "$cache:/root/.falco" \
    -- /usr/bin/falco-driver-loader --download
run_container download
expect_status 10
expect_out "downloading $url/repo/$name"
expect_out "checked its sha256 ($(cut -d ' ' -f 1 "$repo/$name.sha256"))"
expect_out "error: loading /root/.falco/$name failed"
if ! cmp -s "$repo/$name" "$cache/$name"; then
    fail "the module the container kept differs from the matrix's $name"
fi
[[ $(requests_of "repo/$name") == 1 ]] || fail "repo/$name was requested $(requests_of "repo/$name") times"

configure "${loader_env[@]}" --env "FALCO_DRIVER_REPO=$url/bad" -- /usr/bin/falco-driver-loader --download
run_container bad-checksum
expect_status 8
expect_out "does not match its checksum"

configure "${loader_env[@]}" --env "FALCO_DRIVER_REPO=$url/repo" --env FALCO_KERNEL_RELEASE=6.99.0-1-amd64 \
    -- /usr/bin/falco-driver-loader --download
run_container unknown-kernel
expect_status 6
expect_out "falco_debian_6.99.0-1-amd64_1.ko"

unpack_image "$image_falco" driver-install-falco
configure "${loader_env[@]}" --env "FALCO_DRIVER_REPO=$url/repo" \
    -- /usr/bin/falco-driver-loader --download --then-run /usr/bin/falco --version
run_container then-run
expect_status 10
expect_out "checked its sha256"
expect_no_out "Falco version"

finish
