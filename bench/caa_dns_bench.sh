#!/usr/bin/env bash
# make bench, CAA over real DNS (issue 12): names per second through a local Unbound for
# `cabref caa check --stdin`, cold and warm cache, with the lines in flight bounded (--parallel);
# in the same run, the resolver's own answer rate for the same queries measured by dnsperf (the
# ceiling: cabref should not be the bottleneck), and a baseline that climbs label by label with one
# query at a time (bench/dns/caa_climb_baseline.c, the same library and resolver).
#
#   bash bench/caa_dns_bench.sh CABREF BASELINE   (CAA_DNS_BENCH_NAMES, default 10000)
#
# The zone benchtest.: 100 domains dKK.benchtest, each with a CAA set naming ca.example, and the
# names wNNNNN.dKK.benchtest (an A record each, no CAA): every name's relevant set is its domain's
# (RFC 8659 §3), so every check permits, which the run verifies (exit status 0).
set -u
CABREF=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
BASE=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
N=${CAA_DNS_BENCH_NAMES:-10000}
PAR=${CAA_DNS_BENCH_PARALLEL:-100}
for tool in nsd unbound dnsperf python3; do
  if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$tool" ]; then
    echo "caa_dns_bench: $tool is not installed (make deps installs it)"
    exit 1
  fi
done
T=$(mktemp -d)
. "$(dirname "$0")/../tests/dns_lib.sh"
trap 'dns_stop; [ -n "${KEEP:-}" ] || rm -rf "$T"' EXIT

python3 - "$T" "$N" <<'PY'
import sys
t, n = sys.argv[1], int(sys.argv[2])
with open(t + "/bench.zone", "w") as z, open(t + "/names", "w") as names, \
        open(t + "/queries", "w") as q:
    z.write("$ORIGIN benchtest.\n$TTL 3600\n@ SOA ns.benchtest. h.benchtest. 1 3600 600 86400 300\n")
    z.write("@ NS ns.benchtest.\nns A 127.0.0.1\n")
    q.write("benchtest. CAA\n")
    for d in range(100):
        z.write('d%02d CAA 0 issue "ca.example"\n' % d)
        q.write("d%02d.benchtest. CAA\n" % d)
    for i in range(n):
        name = "w%05d.d%02d.benchtest" % (i, i % 100)
        z.write("w%05d.d%02d A 192.0.2.1\n" % (i, i % 100))
        names.write(name + "\n")
        q.write(name + ". CAA\n")
PY
UB_EXTRA='  msg-cache-size: 64m
  rrset-cache-size: 128m
  num-queries-per-thread: 4096
  outgoing-range: 8192
  so-rcvbuf: 4m'
dns_start benchtest bench.zone || exit 1
R="127.0.0.1@$UB_PORT"

secs() { python3 -c "import sys; print('%.3f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$@"; }
now() { date +%s.%N; }
run_cabref() { # run_cabref PARALLEL INPUT [OUTPUT OPTION]: seconds for cabref caa check --stdin
  local t0 t1 st
  t0=$(now)
  "$CABREF" caa check --resolver "$R" --no-dnssec --ca ca.example ${3:-} --stdin --parallel "$1" \
    <"$2" >"$T/out" 2>"$T/err"
  st=$?
  t1=$(now)
  if [ "$st" -ne 0 ]; then # every name of the zone is permitted: anything else is a bug
    echo "caa_dns_bench: cabref did not permit every name (exit $st):" >&2
    head -5 "$T/err" "$T/out" >&2
    exit 1
  fi
  secs "$t0" "$t1"
}
median3() { # median3 CMD...: the median of three runs' seconds
  local a b c
  a=$("$@") && b=$("$@") && c=$("$@") || exit 1
  printf '%s\n%s\n%s\n' "$a" "$b" "$c" | sort -g | sed -n 2p
}
rate() { python3 -c "import sys; print('%.0f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$@"; }

cold=$(run_cabref "$PAR" "$T/names" --json) || exit 1
warm=$(median3 run_cabref "$PAR" "$T/names" --json) || exit 1
warm_text=$(median3 run_cabref "$PAR" "$T/names") || exit 1
# Latency when warm: one request in flight at a time.
head -n 1000 "$T/names" >"$T/names1000"
lat=$(median3 run_cabref 1 "$T/names1000" --json) || exit 1
# The resolver's own rate for the same queries, warm (dnsperf, 500 outstanding, 3 passes).
dnsperf -s 127.0.0.1 -p "$UB_PORT" -d "$T/queries" -n 3 -q 500 -c 1 >"$T/dnsperf" 2>&1
qps=$(awk '/Queries per second:/ {print $4}' "$T/dnsperf")
nq=$(wc -l <"$T/queries")
# The label-by-label baseline, warm.
"$BASE" "$R" <"$T/names" >"$T/base" || exit 1
read -r _ bn _ bq _ bf _ bs <"$T/base"
if [ "$bf" != "$N" ]; then
  echo "caa_dns_bench: the baseline found $bf sets of $N"
  exit 1
fi
cold_r=$(rate "$N" "$cold")
warm_r=$(rate "$N" "$warm")
text_r=$(rate "$N" "$warm_text")
base_r=$(rate "$bn" "$bs")
echo "CAA over DNS: $N names (each: its name, its domain, the apex), Unbound 1 thread on loopback"
echo "  cabref caa check --stdin --parallel $PAR --json, cold cache: $cold s, $cold_r names/s"
echo "  cabref caa check --stdin --parallel $PAR --json, warm cache: $warm s, $warm_r names/s (median of 3)"
echo "  cabref caa check --stdin --parallel $PAR (text), warm cache: $warm_text s, $text_r names/s"
echo "  latency warm, one name at a time: $(python3 -c "print('%.3f' % $lat)") ms per name (1000 names, median of 3)"
echo "  dnsperf, the resolver's own rate on the same $nq queries (warm): $qps queries/s"
echo "  baseline, label by label one query at a time (warm): ${bs} s, $base_r names/s ($bq queries)"
python3 - "$warm_r" "$text_r" "$qps" "$base_r" <<'PY'
import sys
w, t, q, b = (float(x) for x in sys.argv[1:])
print("  ratios: cabref warm names/s over dnsperf queries/s = %.2f (JSON), %.2f (text) "
      "(target 0.5); cabref warm over the baseline = %.1fx (JSON)" % (w / q, t / q, w / b))
PY
