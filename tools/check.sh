#!/usr/bin/env bash
# `make check`: every suite of cabref, each one's own count folded into one total. A suite that
# prints "N passed, N failed" contributes its counts; a suite that only succeeds or fails counts
# as one test. The last line is the total, "N passed, N failed"; the exit status is 1 on any
# failure. Logs of each step go to $B/check/.
set -u
B=${B:-build}
PYTHON=${PYTHON:-/usr/bin/python3}
SHARED=${CABREF_SHARED:-../shared}
export CABREF_SHARED=$SHARED
mkdir -p "$B/check"
started=$(date +%s)
total_pass=0
total_fail=0
failed_steps=()

record() { # name passed failed
  total_pass=$((total_pass + $2))
  total_fail=$((total_fail + $3))
  if [ "$3" -ne 0 ]; then failed_steps+=("$1"); fi
  printf '%-48s %6s passed, %s failed\n' "$1" "$2" "$3"
}

# Runs a command; counts come from its last "N passed, N failed" line, or 1/0 from its status.
step() { # name command...
  local name=$1; shift
  local log="$B/check/$(echo "$name" | tr -c 'A-Za-z0-9_.-' '_').log"
  "$@" >"$log" 2>&1
  local rc=$?
  local line
  line=$(grep -E '^([A-Za-z]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  if [ -n "$line" ]; then
    local p f
    p=$(echo "$line" | sed -E 's/^([A-Za-z]+: )?([0-9]+) passed, ([0-9]+) failed.*/\2/')
    f=$(echo "$line" | sed -E 's/^([A-Za-z]+: )?([0-9]+) passed, ([0-9]+) failed.*/\3/')
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    record "$name" "$p" "$f"
  elif [ "$rc" -eq 0 ]; then
    record "$name" 1 0
  else
    record "$name" 0 1
  fi
  if [ "$rc" -ne 0 ]; then
    echo "---- $name failed (exit $rc); last lines of $log:"
    tail -n 15 "$log"
    echo "----"
  fi
}

for t in ${TESTS:-}; do
  step "unit: $t" "$B/tests/$t"
  step "unit (ASan+UBSan): $t" "$B/asan/tests/$t"
done
if [ -f tests/cli_test.sh ]; then
  step "cli" bash tests/cli_test.sh "$B/cabref"
  step "cli (ASan+UBSan)" bash tests/cli_test.sh "$B/asan/cabref"
fi
if [ -f tests/rv_ledger_test.sh ]; then
  step "rv: tokens, ACME, ledger (concurrency, kill, full disk)" bash tests/rv_ledger_test.sh "$B/cabref"
  step "rv: tokens, ACME, ledger (ASan+UBSan)" bash tests/rv_ledger_test.sh "$B/asan/cabref"
fi
if [ -f tests/dns_test.sh ]; then
  step "dns: caa check on NSD + Unbound" bash tests/dns_test.sh "$B/cabref"
  step "dns: caa check (ASan+UBSan)" bash tests/dns_test.sh "$B/asan/cabref"
fi

vector_files=$(ls vectors/*.json 2>/dev/null)
if [ -n "$vector_files" ]; then
  step "vectors: JSON Schema" "$PYTHON" tools/check_vectors.py
  # shellcheck disable=SC2086
  step "vectors: cabref" "$B/cabref" vectors $vector_files
  # shellcheck disable=SC2086
  step "vectors: cabref (ASan+UBSan)" "$B/asan/cabref" vectors $vector_files
  # Other implementations on our vectors (examples/impls, issue 14): every difference must be in
  # the adapter's allow-list with its reason, an allowance that no longer differs fails, and the
  # published counts (conformance/results.json) must be what the adapters answer today.
  step "conformance: other implementations" "$PYTHON" tools/conformance.py --offline --build "$B" \
    --out "$B/conformance" --compare conformance/results.json
  step "conformance: the tool fails when it must" env PYTHON="$PYTHON" bash tests/conformance_test.sh "$B"
  step "conformance: the page in Chromium" "$PYTHON" tests/conformance_page_test.py \
    "$B/conformance" conformance
  if [ -f vectors/tally.json ] && [ -f examples/python/cabref_tally.py ]; then
    step "vectors: Python example via --impl" "$B/cabref" vectors \
      --impl "$PYTHON examples/python/cabref_tally.py" vectors/tally.json
    # The allow-list at work: the example does not implement the audit, and says so per test.
    step "vectors: Python example, audit divergences allowed" "$B/cabref" vectors \
      --impl "$PYTHON examples/python/cabref_tally.py" --allow examples/python/allow-audit.json \
      vectors/tally-audit.json
  fi
fi

# `make fuzz` itself: a crashing target must fail it, with its report.
if [ -f tests/make_fuzz_test.sh ]; then
  step "make fuzz fails on a crashing target" env B="$B" bash tests/make_fuzz_test.sh
fi

for t in ${FUZZ_TARGETS:-}; do
  dirs="fuzz/corpus/$t"
  [ -d "fuzz/regressions/$t" ] && dirs="$dirs fuzz/regressions/$t"
  # shellcheck disable=SC2086
  step "fuzz corpus replay: $t" "$B/fuzz/$t" -runs=0 -rss_limit_mb=2048 $dirs
done

if [ -f proofs/wp.sh ]; then
  # One replay per core module, from the committed cache: no prover runs, and any goal missing
  # from the cache, unproved, or a failed smoke test fails the module. Replays still run Qed and
  # the front end, so two run at a time (the machine has two cores); each is then recorded.
  mkdir -p "$B/check/proofs"
  pending=$(sed -n 's/^\([a-z_0-9]*\) .*/\1/p' proofs/pending.txt 2>/dev/null)
  ls ref/core/*.c | xargs -n 1 basename | sed 's/\.c$//' | grep -v -x -F "${pending:-.}" |
    xargs -P 2 -I{} sh -c 'sh proofs/wp.sh {} replay >"$0/{}.log" 2>&1; echo $? >"$0/{}.rc"' \
      "$B/check/proofs"
  for src in ref/core/*.c; do
    m=$(basename "$src" .c)
    if echo "$pending" | grep -q -x -F "$m"; then
      # Not proved yet, so neither passed nor failed: said aloud, never counted as a pass.
      printf '%-48s PENDING: proof in progress, not claimed (proofs/pending.txt)\n' \
        "proofs: WP of $m"
      continue
    fi
    step "proofs: WP replay of $m" sh -c "cat '$B/check/proofs/$m.log'; exit \$(cat '$B/check/proofs/$m.rc')"
  done
  step "proofs: Eva on the core" sh proofs/eva.sh
fi
step "format (clang-format)" make --no-print-directory format-check
step "trace (requirements matrix)" "$PYTHON" tools/trace.py --check

echo
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "failed steps:"
  printf '  %s\n' "${failed_steps[@]}"
fi
echo "check took $(( $(date +%s) - started )) s"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
