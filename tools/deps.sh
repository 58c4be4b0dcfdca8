#!/usr/bin/env bash
# `make deps`: installs, as root, only the Debian packages of tools/packages.txt that are missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
missing=()
while read -r pkg _; do
  case "$pkg" in ''|'#'*) continue ;; esac
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done <"$here/packages.txt"
if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all packages present"
else
  if [ "$(id -u)" -ne 0 ]; then
    echo "deps: missing ${missing[*]}; run 'make deps' as root" >&2
    exit 1
  fi
  echo "deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# WP finds Z3 and CVC4 through Why3's configuration; create it once per user.
if command -v why3 >/dev/null && [ ! -f "${HOME:-/root}/.why3.conf" ]; then
  why3 config detect >/dev/null
fi
