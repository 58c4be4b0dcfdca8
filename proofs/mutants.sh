#!/bin/sh
# cabref: contracts that say something. Each line below plants one wrong implementation in a copy
# of a core module and runs WP on the function it touches; the run must leave a goal unproved.
# A mutant that WP still proves means the contract does not pin that behaviour down.
#
#   sh proofs/mutants.sh        (up to a minute per mutant and per correct function; not part of
#                               make check)
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
FRAMAC=${FRAMAC:-frama-c}
# The same prover budget the real proofs get (proofs/wp.sh): a mutant counts as caught when a goal
# stays unproved within it. A shorter budget would call a mutant caught on a mere timeout.
WP_TIMEOUT=${WP_TIMEOUT:-20}
if [ -z "${WHY3CONFIG:-}" ] && [ ! -f "${HOME:-/nonexistent}/.why3.conf" ]; then
  WHY3CONFIG=$root/proofs/why3.conf
  export WHY3CONFIG
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
caught=0
missed=0
# WP on one function of one file, as proofs/wp.sh runs it (same flags, same provers); prints
# "PROVED TOTAL". Only the mutated function is asked (-wp-fct): the mutant changes no other body,
# and the other functions' proofs use its contract, not its code, so they cannot catch it.
wp_fn() { # file fn
  "$FRAMAC" -c11 -cpp-extra-args="-I ref/include -I spec" \
    -warn-unsigned-overflow -warn-unsigned-downcast -warn-signed-overflow -warn-signed-downcast \
    -wp -wp-rte -wp-prover z3,cvc4 -wp-timeout "$WP_TIMEOUT" -wp-par 2 -wp-fct "$2" "$1" 2>&1 |
    grep "Proved goals" | sed -n 's/.*Proved goals: *\([0-9]*\) \/ *\([0-9]*\).*/\1 \2/p'
}
while IFS='|' read -r file fn expr why; do
  case $file in ''|\#*) continue ;; esac
  m=$tmp/$(basename "$file")
  sed "$expr" "$file" >"$m"
  if cmp -s "$file" "$m"; then
    echo "NOT APPLIED: $file $expr"
    missed=$((missed + 1))
    continue
  fi
  # The unmutated function must prove in full under the same budget, once per function, so that
  # an unproved goal of the mutant is the mutant's doing and not a prover giving up.
  if ! grep -qx "$file $fn" "$tmp/baseline" 2>/dev/null; then
    set -- $(wp_fn "$file" "$fn")
    if [ $# -ne 2 ] || [ "$1" -ne "$2" ] || [ "$2" -eq 0 ]; then
      echo "BASELINE $fn: the correct code does not prove in full ($*)"
      missed=$((missed + 1))
      continue
    fi
    echo "$file $fn" >>"$tmp/baseline"
  fi
  proved=$(wp_fn "$m" "$fn")
  line="proved: ${proved:-none}"
  set -- $proved
  if [ $# -eq 2 ] && [ "$1" -lt "$2" ]; then
    echo "caught  $fn: $why ($1 / $2 proved)"
    caught=$((caught + 1))
  else
    echo "MISSED  $fn: $why ($line)"
    missed=$((missed + 1))
  fi
done <<'LIST'
ref/core/rv_entropy.c|floor_log2|s/return 32 \* top + h;/return 32 * top + h + 1;/|one bit too many
ref/core/rv_entropy.c|power|s/uint32_t carry = mul_small(limb, used, a);/uint32_t carry = mul_small(limb, used, a + 1u);/|wrong base
ref/core/rv_sample.c|cabref_rv_map_octets|s/if (b < lim) {/if (b <= lim) {/|accepts the octet at the limit
ref/core/rv_sample.c|cabref_rv_map_octets|s/out\[e\] = alphabet\[b % a\];/out[e] = alphabet[(b + 1u) % a];/|wrong symbol
ref/core/rv_sample.c|cabref_rv_reject_limit|s/return 256u - 256u % a;/return 256u - 256u % a - (a > 2u ? a : 0u);/|limit one multiple low
ref/core/rv_health.c|cabref_rv_rct_cutoff|s/+ h_num - 1u) \/ h_num;/+ h_num) \/ h_num;/|ceiling off by one
ref/core/rv_health.c|cabref_rv_apt_feed|s/if (t->seen + 1u == CABREF_RV_APT_WINDOW) {/if (t->seen + 2u == CABREF_RV_APT_WINDOW) {/|window one short
ref/core/rv_health.c|cabref_rv_rct_feed|s/t->run = 1;/t->run = 0;/|run restarts at zero
ref/core/rv_validity.c|cabref_rv_window_of|s/thirty = use->created + CABREF_RV_30_DAYS;/thirty = use->created + CABREF_RV_30_DAYS + 1;/|30 days and a second
ref/core/rv_validity.c|cabref_rv_window_of|s/base = reuse < thirty ? reuse : thirty;/base = reuse > thirty ? reuse : thirty;/|shorter reading gives the longer
ref/core/rv_validity.c|cabref_rv_reuse_period|s/\*days = 398;/*days = 397;/|wrong reuse period
ref/core/rv_validity.c|cabref_rv_rule_of|s/case 18u:/case 22u:/|method 22 given a Random Value
LIST
echo "$caught caught, $missed missed"
[ "$missed" -eq 0 ]
