#!/usr/bin/env bash
# Allocation check of the Tutti server under load: starts the server, connects CLIENTS emulated clients, and once
# they stream records JFR (settings=profile: jdk.ObjectAllocationSample, throttled, each sample weighted with the
# bytes it stands for) for SECONDS seconds of steady state. Prints the estimated bytes allocated per thread and the
# top allocation sites of the audio threads (server-engine, server-mix-*), and bytes per frame.
# Build first: ./mvnw -q -B -pl bench,client -am package -DskipTests
# usage: bench/allocation.sh   (environment: CLIENTS=50 RECORD_SECONDS=30 MIXES=default|distinct SERVER_ARGS="-T")
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh # JAVA_HOME: a JDK 25 even when the java on PATH is older
jdk=$JAVA_HOME/bin/
clients=${CLIENTS:-50}
seconds=${RECORD_SECONDS:-30}
mixes=${MIXES:-default}
# RT=1: server and generator round-robin real-time (generator above server), as in capacity.sh.
prio=(); gen_prio=()
if [ "${RT:-0}" = 1 ]; then prio=(chrt -r 10); gen_prio=(chrt -r 20); fi
work=$(mktemp -d)
port=$(python3 -c 'import socket;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
"${prio[@]}" "${jdk}java" -jar client/target/tutti.jar -s -n -p "$port" -u 150 ${SERVER_ARGS:-} >"$work/server.log" 2>&1 &
spid=$!
trap 'kill -TERM $spid 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 2
# Connect (staggered, ~10 ms apart), 15 s warm-up, then a window longer than the recording, which starts 20 s in:
# after the connect sequences, so that it sees steady streaming only.
"${gen_prio[@]}" "${jdk}java" -jar bench/target/tutti-bench.jar load --server "127.0.0.1:$port" --clients "$clients" \
    --seconds $((seconds + 5)) --warmup 15 --mixes "$mixes" --server-pid "$spid" >"$work/load.txt" &
lpid=$!
sleep 20
"${jdk}jcmd" "$spid" JFR.start name=alloc settings=profile duration="${seconds}s" filename="$work/alloc.jfr" >/dev/null
sleep $((seconds + 3))
wait "$lpid" || true
grep -E '^(clients|delivered|server)' "$work/load.txt"
"${jdk}jfr" print --json --events jdk.ObjectAllocationSample "$work/alloc.jfr" > "$work/alloc.json"
python3 - "$work/alloc.json" "$seconds" <<'PY'
import json, sys, collections
events = json.load(open(sys.argv[1]))["recording"]["events"]
seconds = float(sys.argv[2])
by_thread = collections.Counter(); sites = collections.defaultdict(collections.Counter)
for e in events:
    v = e["values"]; t = (v.get("eventThread") or {}).get("javaName") or "?"
    w = v.get("weight", 0); by_thread[t] += w
    frames = (v.get("stackTrace") or {}).get("frames") or []
    top = " < ".join(f'{f["method"]["type"]["name"].split(".")[-1]}.{f["method"]["name"]}:{f.get("lineNumber")}' for f in frames[:4])
    sites[t][f'{v["objectClass"]["name"]} @ {top}'] += w
ticks = seconds * 48000 / 128
print(f"{len(events)} allocation samples in {seconds:.0f} s; estimated bytes by thread:")
for t, w in by_thread.most_common():
    print(f"  {t:30s} {w/1e6:10.3f} MB  {w/ticks:10.1f} bytes per 128-sample frame")
audio = [t for t in by_thread if t.startswith("server-engine") or t.startswith("server-mix")]
for t in audio:
    print(f"top allocation sites on {t}:")
    for s, w in sites[t].most_common(8):
        print(f"  {w/1e3:10.1f} kB  {s}")
if not audio:
    print("no allocation samples on server-engine or server-mix-* threads")
PY
