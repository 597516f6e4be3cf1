#!/usr/bin/env bash
# Soak (issue #10, not part of CI): one Tutti server (-u 150) under the load generator's 150 emulated clients for
# SOAK_SECONDS (default 600). Every 60 s: server heap (jcmd GC.heap_info), thread count, RSS and the machine's load
# average. At the end: the generator's RESULT line (delivery %), and whether the server survived (0 crashes).
# Build first: ./mvnw -q -B -pl bench,client -am package -DskipTests
# usage: bench/soak.sh   (environment: CLIENTS=150 SOAK_SECONDS=600 CODEC=opus)
set -euo pipefail
cd "$(dirname "$0")/.."
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jcmd=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
clients=${CLIENTS:-150}
seconds=${SOAK_SECONDS:-600}
codec=${CODEC:-opus}
out=${OUT:-bench/target/soak-$(date -u +%Y%m%dT%H%M%SZ).txt}
mkdir -p "$(dirname "$out")"
port=$(python3 -c 'import socket;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind(("127.0.0.1",0));print(s.getsockname()[1])')

"$java" -jar client/target/tutti.jar -s -n -p "$port" -u 150 >"$out.server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do ss -uln | awk '{print $4}' | grep -q ":$port\$" && break; sleep 0.1; done

sample() { # $1 = label
  local heap threads rss
  heap=$("$jcmd" "$server" GC.heap_info 2>/dev/null | grep -m1 -oE 'used [0-9]+K' | grep -oE '[0-9]+' || echo '?')
  threads=$(awk '/^Threads:/ {print $2}' "/proc/$server/status" 2>/dev/null || echo '?')
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$server/status" 2>/dev/null || echo '?')
  printf "%-8s heap_used_kb=%s threads=%s rss_kb=%s load=%s\n" "$1" "$heap" "$threads" "$rss" \
      "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
}

echo "# soak $(date -u +%FT%TZ): $clients clients, $seconds s, codec $codec, $(nproc) cores, $(uname -srm)" | tee "$out"
sample "t=0s"
"$java" -jar bench/target/tutti-bench.jar load --server "127.0.0.1:$port" --clients "$clients" \
    --seconds "$seconds" --codec "$codec" --server-pid "$server" >"$out.load.log" 2>&1 &
gen=$!
elapsed=0
while kill -0 "$gen" 2>/dev/null; do
  sleep 60
  elapsed=$((elapsed + 60))
  kill -0 "$server" 2>/dev/null || { echo "SERVER DIED at ~${elapsed}s" | tee -a "$out"; break; }
  sample "t=${elapsed}s"
done
wait "$gen" || true
grep '^RESULT' "$out.load.log" | tee -a "$out" || echo "no RESULT line (see $out.load.log)" | tee -a "$out"
if kill -0 "$server" 2>/dev/null; then echo "server alive: 0 crashes" | tee -a "$out"; else echo "server crashed" | tee -a "$out"; fi
