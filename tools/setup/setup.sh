#!/usr/bin/env bash
# Brings a machine up to what this workspace needs: Debian packages, npm packages, and Bazel
# behind bazelisk. Quick when nothing is missing; safe to run again at any time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

say() { printf 'setup: %s\n' "$*" >&2; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

install_debian_packages() {
  command -v dpkg-query >/dev/null || { say "not a Debian system; install the packages in tools/setup/debian-packages.txt yourself"; return; }
  local wanted missing=()
  mapfile -t wanted < <(sed -e 's/#.*//' -e '/^\s*$/d' tools/setup/debian-packages.txt)
  command -v node >/dev/null || wanted+=(nodejs npm)
  for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing+=("$package")
  done
  [[ ${#missing[@]} -eq 0 ]] && return
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_npm_packages() {
  local stamp=node_modules/.package-lock.sha256 want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  [[ -f $stamp && $(cat "$stamp") == "$want" ]] && return
  say "installing npm packages from package-lock.json"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  printf '%s\n' "$want" > "$stamp"
}

# Bazelisk fetches the Bazel named in .bazelversion from the web. Where Debian's bazel-bootstrap
# of that version is installed, its binary is placed in bazelisk's download cache instead, so
# `npx bazelisk` works offline; machines without it download the official binary as usual.
seed_bazelisk() {
  local version debian_version binary=/usr/bin/bazel-4 sha home
  version="$(tr -d '[:space:]' < .bazelversion)"
  debian_version="$(dpkg-query -W -f='${Version}' bazel-bootstrap 2>/dev/null || true)"
  [[ -x $binary && ${debian_version%%+*} == "$version" ]] || return 0
  home="${BAZELISK_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/bazelisk}"
  sha="$(sha256sum "$binary" | cut -d' ' -f1)"
  if [[ ! -x $home/downloads/sha256/$sha/bin/bazel ]]; then
    say "seeding bazelisk's cache with Debian's Bazel $version"
    mkdir -p "$home/downloads/metadata/bazelbuild" "$home/downloads/sha256/$sha/bin"
    cp "$binary" "$home/downloads/sha256/$sha/bin/bazel.tmp"
    mv "$home/downloads/sha256/$sha/bin/bazel.tmp" "$home/downloads/sha256/$sha/bin/bazel"
  fi
  printf '%s' "$sha" > "$home/downloads/metadata/bazelbuild/bazel-$version-linux-x86_64"
  # Debian's /usr/bin/bazel wrapper looks for bazel-<.bazelversion> beside itself.
  if [[ ! -e /usr/bin/bazel-$version && -w /usr/bin ]]; then
    ln -s bazel-4 "/usr/bin/bazel-$version"
  fi
  # Machine-specific Bazel settings live in .bazelrc.user (see .bazelrc).
  grep -qxF 'build --config=debian' .bazelrc.user 2>/dev/null || printf 'build --config=debian\n' >> .bazelrc.user
}

install_debian_packages
install_npm_packages
seed_bazelisk
