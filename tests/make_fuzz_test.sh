#!/usr/bin/env bash
# `make fuzz` must fail when a target crashes, and show the crash report (issue 15: it piped each
# fuzzer into `tail`, so make's status was tail's). Runs the repository's Makefile in a scratch
# tree whose fuzz/ holds one target that aborts on the input "FU", and one that never fails,
# against the already built fuzz library (B, default build). Ends "N passed, N failed".
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${B:-build}
case $B in /*) ;; *) B="$ROOT/$B" ;; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/cabref-make-fuzz.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
check() { # NAME CONDITION-STATUS
  if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else
    fail=$((fail + 1))
    echo "FAIL $1"
  fi
}
for d in ref spec tools Makefile; do ln -s "$ROOT/$d" "$T/$d"; done
mkdir -p "$T/fuzz/corpus/zz_crash" "$T/fuzz/corpus/zz_fine"
cat >"$T/fuzz/zz_crash.c" <<'C'
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  if (n >= 2 && d[0] == 'F' && d[1] == 'U')
    abort();
  return 0;
}
C
sed -e 's/if (n >= 2.*/(void)d;/' -e '/abort();/d' -e 's/return 0;/return (int)(n - n);/' \
  "$T/fuzz/zz_crash.c" >"$T/fuzz/zz_fine.c"
printf 'FU' >"$T/fuzz/corpus/zz_crash/seed" # crashes at once: deterministic
printf 'F' >"$T/fuzz/corpus/zz_fine/seed"
# The crashing target first: make must go on to the next target, then fail.
make -C "$T" --no-print-directory fuzz B="$B" FUZZ_TARGETS="zz_crash zz_fine" FUZZ_SECONDS=3 \
  >"$T/out" 2>&1
rc=$?
check "make fuzz fails when a target crashes (exit $rc)" $((rc == 0))
grep -q 'zz_crash FAILED' "$T/out"
check "the failing target is named" $?
grep -q 'deadly signal' "$T/out"
check "its report is shown" $?
grep -q '== zz_fine' "$T/out"
check "the other targets still run" $?
ls "$T"/fuzz/crashes/zz_crash-crash-* >/dev/null 2>&1
check "the crashing input is kept" $?
make -C "$T" --no-print-directory fuzz B="$B" FUZZ_TARGETS="zz_fine" FUZZ_SECONDS=2 >"$T/out2" 2>&1
check "make fuzz passes when no target fails" $?
rm -f "$B/fuzz/zz_crash" "$B/fuzz/zz_fine"
rm -rf "$B/fuzz-new/zz_crash" "$B/fuzz-new/zz_fine" "$B/fuzz-logs/zz_crash.log" \
  "$B/fuzz-logs/zz_fine.log"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
