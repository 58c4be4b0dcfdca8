# Sourced by tests/dns_test.sh and bench/caa_dns_bench.sh: NSD (authoritative) and Unbound
# (recursive, a stub zone to NSD) on loopback ports chosen free at run time, in the directory $T.
# dns_start ZONE_APEX FILE [ZONE_APEX FILE ...]: the first apex is Unbound's stub zone (and
# "domain-insecure", so that it resolves without a trust anchor); extra Unbound settings may be
# given in $UB_EXTRA (lines of "  key: value"), extra clauses (stub-zone: ...) in $UB_STUBS. Sets
# NSD_PORT, UB_PORT, NSD_PID, UB_PID.
# dns_stop: stops both (call it from an EXIT trap).

dns_free_port() { # a port free for both UDP and TCP on 127.0.0.1
  python3 - <<'PY'
import socket
while True:
    t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    t.bind(("127.0.0.1", 0))
    p = t.getsockname()[1]
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        u.bind(("127.0.0.1", p))
    except OSError:
        t.close()
        continue
    t.close()
    u.close()
    print(p)
    break
PY
}

dns_stop() {
  [ -n "${T:-}" ] && [ -f "$T/nsd.pid" ] && kill "$(cat "$T/nsd.pid")" 2>/dev/null
  [ -n "${T:-}" ] && [ -f "$T/unbound.pid" ] && kill "$(cat "$T/unbound.pid")" 2>/dev/null
  [ -n "${NSD_PID:-}" ] && kill "$NSD_PID" 2>/dev/null
  [ -n "${UB_PID:-}" ] && kill "$UB_PID" 2>/dev/null
  wait 2>/dev/null
}

dns_start() {
  local stub=$1 zones=""
  PATH=$PATH:/usr/sbin
  NSD_PORT=$(dns_free_port)
  UB_PORT=$(dns_free_port)
  while [ "$UB_PORT" = "$NSD_PORT" ]; do UB_PORT=$(dns_free_port); done
  while [ $# -ge 2 ]; do
    zones="$zones
zone:
  name: \"$1\"
  zonefile: \"$2\""
    shift 2
  done
  cat >"$T/nsd.conf" <<CONF
server:
  ip-address: 127.0.0.1@$NSD_PORT
  port: $NSD_PORT
  username: ""
  chroot: ""
  zonesdir: "$T"
  pidfile: "$T/nsd.pid"
  database: ""
  zonelistfile: "$T/zone.list"
  xfrdfile: "$T/xfrd.state"
  xfrdir: "$T"
  logfile: "$T/nsd.log"
  server-count: 1
  verbosity: 1
  rrl-ratelimit: 0
remote-control:
  control-enable: no
$zones
CONF
  cat >"$T/unbound.conf" <<CONF
server:
  interface: 127.0.0.1
  port: $UB_PORT
  do-not-query-localhost: no
  username: ""
  chroot: ""
  directory: "$T"
  pidfile: "$T/unbound.pid"
  use-syslog: no
  logfile: "$T/unbound.log"
  verbosity: 1
  num-threads: 1
  so-reuseport: no
  module-config: "iterator"
  qname-minimisation: no
  access-control: 127.0.0.0/8 allow
  domain-insecure: "$stub"
  infra-host-ttl: 1
${UB_EXTRA:-}
stub-zone:
  name: "$stub"
  stub-addr: 127.0.0.1@$NSD_PORT
${UB_STUBS:-}
remote-control:
  control-enable: no
CONF
  nsd -d -c "$T/nsd.conf" >"$T/nsd.out" 2>&1 &
  NSD_PID=$!
  unbound -d -c "$T/unbound.conf" >"$T/unbound.out" 2>&1 &
  UB_PID=$!
  # Wait until both answer (at most 10 s).
  local _
  for _ in $(seq 1 100); do
    if python3 - "$NSD_PORT" "$UB_PORT" "$stub" <<'PY' 2>/dev/null; then return 0; fi
import socket, struct, sys
name = b"".join(bytes([len(l)]) + l.encode() for l in sys.argv[3].split(".") if l) + b"\0"
q = struct.pack(">HHHHHH", 1, 0x0100, 1, 0, 0, 0) + name + b"\x00\x06\x00\x01"
for port in sys.argv[1:3]:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(0.2)
    s.sendto(q, ("127.0.0.1", int(port)))
    s.recv(512)
PY
    sleep 0.1
  done
  echo "dns_start: the servers did not answer; nsd: $(tail -3 "$T/nsd.out" "$T/nsd.log" 2>/dev/null)"
  return 1
}
