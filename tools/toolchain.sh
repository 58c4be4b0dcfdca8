#!/usr/bin/env bash
# `make toolchain`: the pinned Debian package versions (tools/packages.txt) beside the installed
# ones, and the tools' own version lines.
here=$(cd "$(dirname "$0")" && pwd)
printf '%-20s %-28s %s\n' package pinned installed
while read -r pkg pin _; do
  case "$pkg" in ''|'#'*) continue ;; esac
  # A package that is not installed prints nothing: shown as "missing" below, not an error.
  inst=$(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null || true)
  mark=""
  [ -n "$inst" ] && [ "$inst" != "$pin" ] && mark="  (differs)"
  printf '%-20s %-28s %s%s\n' "$pkg" "$pin" "${inst:-missing}" "$mark"
done <"$here/packages.txt"
echo
for c in "gcc --version" "clang --version" "frama-c -version" "why3 --version" "z3 --version" \
  "cvc4 --version" "python3 --version"; do
  printf '%-18s %s\n' "${c%% *}" "$($c 2>/dev/null | head -n 1)"
done
