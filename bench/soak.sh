#!/usr/bin/env bash
# Soak (issue #10, not part of CI): one Tutti server (-u 150) under the load generator's 150 emulated clients for
# SOAK_SECONDS (default 600). Every 60 s: server heap (jcmd GC.heap_info), thread count, RSS, the machine's load
# average and the engine's own counters over JSON-RPC (ticks, missed deadlines, internal errors, engine restarts, send
# and decode errors; the JSON-RPC port is loopback-only with a random secret). At the end: the generator's RESULT line (delivery %), and whether the server survived (0 crashes).
# Build first: ./mvnw -q -B -pl bench,client -am package -DskipTests
# SERVER=jamulus runs the real Jamulus server (`Jamulus -s -n -u 150`, plus JAMULUS_ARGS, e.g. -T) under the same load
# for a side-by-side figure: threads, RSS and delivery (no heap or engine counters there).
# usage: bench/soak.sh   (environment: CLIENTS=150 SOAK_SECONDS=600 CODEC=opus LIVE_HEAP=0 SERVER=tutti JAMULUS_ARGS=)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh # JAVA_HOME: a JDK 25 even when the java on PATH is older
java=$JAVA_HOME/bin/java
jcmd=$JAVA_HOME/bin/jcmd
clients=${CLIENTS:-150}
seconds=${SOAK_SECONDS:-600}
codec=${CODEC:-opus}
out=${OUT:-bench/target/soak-$(date -u +%Y%m%dT%H%M%SZ).txt}
mkdir -p "$(dirname "$out")"
port=$(python3 -c 'import socket;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
rpcport=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
secret="$out.secret"
python3 -c 'import secrets;print(secrets.token_hex(16))' >"$secret"

server_kind=${SERVER:-tutti}
case "$server_kind" in
  tutti) "$java" -jar client/target/tutti.jar -s -n -p "$port" -u 150 --jsonrpcport "$rpcport" \
             --jsonrpcsecretfile "$secret" >"$out.server.log" 2>&1 & ;;
  jamulus) # shellcheck disable=SC2086 # JAMULUS_ARGS is a list of options
           Jamulus -s -n -p "$port" -u 150 ${JAMULUS_ARGS:-} >"$out.server.log" 2>&1 & ;;
  *) echo "SERVER must be tutti or jamulus" >&2; exit 2 ;;
esac
server=$!
trap 'kill -TERM $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do ss -uln | awk '{print $4}' | grep -q ":$port\$" && break; sleep 0.1; done

counters() { # the engine's own health counters (JSON-RPC jamulusserver/getCounters), key=value
  [ "$server_kind" = tutti ] || return 0
  python3 - "$rpcport" "$secret" <<'PY' 2>/dev/null || echo 'counters=?'
import json, socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
f = s.makefile("rw")
def call(i, method, params):
    f.write(json.dumps({"id": i, "jsonrpc": "2.0", "method": method, "params": params}) + "\n"); f.flush()
    while True:
        reply = json.loads(f.readline())
        if reply.get("id") == i:
            return reply
call(1, "jamulus/apiAuth", {"secret": open(sys.argv[2]).read().strip()})
c = call(2, "jamulusserver/getCounters", {})["result"]
print(" ".join(f"{k}={c[k]}" for k in ("ticks", "missedDeadlines", "internalErrors", "engineRestarts",
                                       "sendErrors", "decodeErrors") if k in c))
PY
}

sample() { # $1 = label
  local heap threads rss
  # LIVE_HEAP=1: a full GC first, so "heap used" is the live set (a leak shows as a rising live set), not garbage
  # waiting for the next collection. It pauses the server briefly: not for runs whose delivery is published.
  if [ "${LIVE_HEAP:-0}" = 1 ]; then "$jcmd" "$server" GC.run >/dev/null 2>&1 || true; fi
  heap=$("$jcmd" "$server" GC.heap_info 2>/dev/null | grep -m1 -oE 'used [0-9]+K' | grep -oE '[0-9]+' || echo '?')
  threads=$(awk '/^Threads:/ {print $2}' "/proc/$server/status" 2>/dev/null || echo '?')
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$server/status" 2>/dev/null || echo '?')
  printf "%-8s %s heap_used_kb=%s threads=%s rss_kb=%s load=%s %s\n" "$1" "$(date -u +%H:%M:%S)" "$heap" \
      "$threads" "$rss" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(counters)" | tee -a "$out"
}

echo "# soak $(date -u +%FT%TZ): $server_kind ${JAMULUS_ARGS:-}, $clients clients, $seconds s, codec $codec, $(nproc) cores, $(uname -srm)" | tee "$out"
sample "t=0s"
"$java" -jar bench/target/tutti-bench.jar load --server "127.0.0.1:$port" --clients "$clients" \
    --seconds "$seconds" --codec "$codec" --server-pid "$server" >"$out.load.log" 2>&1 &
gen=$!
start=$(date +%s)
next=60
while kill -0 "$gen" 2>/dev/null; do
  sleep 1
  elapsed=$(( $(date +%s) - start ))
  kill -0 "$server" 2>/dev/null || { echo "SERVER DIED at ~${elapsed}s" | tee -a "$out"; break; }
  if [ "$elapsed" -ge "$next" ]; then sample "t=${next}s"; next=$((next + 60)); fi
done
wait "$gen" || true
kill -0 "$server" 2>/dev/null && sample "end"
grep '^RESULT' "$out.load.log" | tee -a "$out" || echo "no RESULT line (see $out.load.log)" | tee -a "$out"
if kill -0 "$server" 2>/dev/null; then echo "server alive: 0 crashes" | tee -a "$out"; else echo "server crashed" | tee -a "$out"; fi
