#!/usr/bin/env bash
# Issue 21: what the conductor's mix saves. Starts a Tutti server (-u 110, JSON-RPC on), runs N emulated clients of
# one format with distinct mixes (each its own gains: N mixes and N encodes a tick, the costly case; with default
# mixes everyone already shares one encode), makes the first of them the conductor, and reads
# jamulusserver/getCounters twice:
# the followers served per tick from the conductor's shared encode (conductorEncodeListenerTicks / ticks) against
# the N - 1 own mixes and encodes they would otherwise cost, plus delivery before and while conducting.
# Build first: ./mvnw -q -B -pl bench,client -am package -DskipTests
# usage: bench/conductor-encodes.sh   (environment: CLIENTS=100 SECONDS_PER_RUN=20 CODEC=opus|opus64)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
java=$JAVA_HOME/bin/java
clients=${CLIENTS:-100}
seconds=${SECONDS_PER_RUN:-20}
codec=${CODEC:-opus}
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; sleep 1; rm -rf "$work"' EXIT
secret="$work/rpc-secret"; echo "conductor-bench-secret-$$" > "$secret"
free_port() { python3 -c 'import socket;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
rpc() { # $1 = port, $2 = method, $3 = params JSON: prints the result as JSON
  python3 - "$1" "$2" "$3" "$secret" <<'PY'
import json, socket, sys
port, method, params, secret = int(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3]), open(sys.argv[4]).read().strip()
with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
    f = s.makefile("rw")
    def call(i, m, p):
        f.write(json.dumps({"jsonrpc": "2.0", "id": i, "method": m, "params": p}) + "\n"); f.flush()
        while True:
            r = json.loads(f.readline())
            if r.get("id") == i:
                return r
    call(1, "jamulus/apiAuth", {"secret": secret})
    print(json.dumps(call(2, method, params).get("result", {})))
PY
}
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }

port=$(free_port); rpcport=$(free_port)
"$java" -jar client/target/tutti.jar -s -n -p "$port" -u 110 --jsonrpcport "$rpcport" --jsonrpcsecretfile "$secret" \
    >"$work/server.log" 2>&1 &
server=$!; pids+=("$server")
sleep 3
"$java" -jar bench/target/tutti-bench.jar load --server "127.0.0.1:$port" --clients "$clients" --seconds "$seconds" \
    --codec "$codec" --mixes distinct --server-pid "$server" >"$work/load.txt" 2>&1 &
pids+=("$!")
sleep $((seconds / 4))
own_a=$(rpc "$rpcport" jamulusserver/getCounters '{}'); sleep 2; own_b=$(rpc "$rpcport" jamulusserver/getCounters '{}')
first=$(rpc "$rpcport" jamulusserver/getClients '{}' | python3 -c 'import json,sys; print(min(c["id"] for c in json.load(sys.stdin)["clients"]))')
rpc "$rpcport" jamulusserver/setConductor "{\"id\": $first}" >/dev/null
sleep 2
con_a=$(rpc "$rpcport" jamulusserver/getCounters '{}'); sleep 2; con_b=$(rpc "$rpcport" jamulusserver/getCounters '{}')
wait "${pids[1]}" || true
python3 - "$own_a" "$own_b" "$con_a" "$con_b" "$clients" <<'PY'
import json, sys
oa, ob, ca, cb = (json.loads(x) for x in sys.argv[1:5]); n = int(sys.argv[5])
def rate(a, b, k): return (b[k] - a[k]) / max(1, b["ticks"] - a["ticks"])
print(f"clients: {n} of one format; ticks measured: {ob['ticks'] - oa['ticks']} own mixes, {cb['ticks'] - ca['ticks']} conducting")
print(f"own mixes: followers from a shared conductor encode per tick: {rate(oa, ob, 'conductorEncodeListenerTicks'):.1f}")
print(f"conducting: followers from the conductor's shared encode per tick: {rate(ca, cb, 'conductorEncodeListenerTicks'):.1f}"
      f" (their own mixes and encodes otherwise: {n - 1} a tick)")
PY
grep '^RESULT' "$work/load.txt" || tail -3 "$work/load.txt"
