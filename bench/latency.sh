#!/usr/bin/env bash
# Audio round trip through client → server → client, measured by jack_iodelay, for
# {real Jamulus client, Tutti client} x {real Jamulus server, Tutti server} at JACK periods 64 and 128.
# Each pair gets a fresh server (-u 10, default 128-sample ticks) and a private dummy jackd (unique name,
# 48 kHz); jack_iodelay's signal goes into the client's "input left" and comes back from its "output left"
# (every personal mix contains the musician's own signal). After a warm-up (automatic jitter buffers settle)
# the median of the next readings is the figure. Clients run with default settings from an empty ini file.
# Build first: ./mvnw -q -B -pl bench,client -am package -DskipTests
# usage: bench/latency.sh   (environment: PERIODS="64 128" WARMUP=10 READINGS=20 PAIRS="jj jt tj tt" WATCH=0
#                            SERVER_JVM_OPTS="-Dtutti.serverJitterStrategy=TUTTI" for the Tutti server's JVM
#                            pair = client letter + server letter, j = Jamulus, t = Tutti; client letter u = Tutti
#                            with the Jamulus sizing model for its local jitter buffer, d = Tutti with clock-drift
#                            compensation, -Dtutti.driftCompensation=true; both for comparison)
# Tutti clients and servers run with JSON-RPC, and their counters are read when the readings start and again WATCH
# seconds after they end: the client's audible dropouts (runs of concealed frames, skipped or dropped frames), its
# concealed frames and underruns (empty buffer), and the Tutti server's jitter-buffer underruns for all clients; the
# last columns are the Tutti client's audio callbacks that came at least half a cycle late (the dummy driver lost
# time: the frames that piled up are skipped) and its playback ratio at the end (drift compensation, ppm; 0 when off).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh # JAVA_HOME: a JDK 25 even when the java on PATH is older
java=$JAVA_HOME/bin/java
jamulus=${JAMULUS:-/usr/bin/Jamulus}
periods=${PERIODS:-"64 128"}
warmup=${WARMUP:-10}
readings=${READINGS:-20}
pairs=${PAIRS:-"jj jt tj tt"}
# RT=1: every process of the loop (server, jackd, client, jack_iodelay) runs round-robin real-time at priority 10
# (root), so that the other load on a shared machine does not make the automatic jitter buffers grow.
prio=()
if [ "${RT:-0}" = 1 ]; then prio=(chrt -r 10); fi
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; sleep 1; rm -rf "$work"' EXIT

secret="$work/rpc-secret"; echo "latency-bench-secret-$$" > "$secret"
rpc() { # $1 = port, $2 = method: prints the result object as JSON (or {} when it cannot be read)
  python3 - "$1" "$2" "$secret" <<'PY' 2>/dev/null || echo '{}'
import json, socket, sys
port, method, secret = int(sys.argv[1]), sys.argv[2], open(sys.argv[3]).read().strip()
with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
    f = s.makefile("rw")
    def call(i, m, p):
        f.write(json.dumps({"jsonrpc": "2.0", "id": i, "method": m, "params": p}) + "\n"); f.flush()
        while True:
            r = json.loads(f.readline())
            if r.get("id") == i:
                return r
    call(1, "jamulus/apiAuth", {"secret": secret})
    print(json.dumps(call(2, method, {}).get("result", {})))
PY
}
delta() { # $1, $2 = JSON objects, $3 = key: $2[key] - $1[key], or - when missing
  python3 -c 'import json,sys; a,b=json.loads(sys.argv[1]),json.loads(sys.argv[2]); k=sys.argv[3]; print(b[k]-a[k] if k in a and k in b else "-")' "$1" "$2" "$3"
}
free_port() { python3 -c 'import socket;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
stop() { # SIGTERM and wait for the exit (jackd must exit cleanly or it leaves /dev/shm entries behind)
  kill -TERM "$1" 2>/dev/null || return 0
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
}
wait_port() { # $1 = JACK server, $2 = port name: until it exists (at most 20 s)
  for _ in $(seq 1 200); do
    if jack_lsp -s "$1" 2>/dev/null | grep -qxF "$2"; then return 0; fi
    sleep 0.1
  done
  echo "port $2 did not appear on $1" >&2; return 1
}
keep_priority() { # $1 = PID: with RT=1, all its threads at RR 10, also threads started later (Jamulus's Qt threads
  # ask for an explicit normal-policy priority and would otherwise not inherit it).
  if [ "${RT:-0}" != 1 ]; then return 0; fi
  ( while kill -0 "$1" 2>/dev/null; do chrt -a -r -p 10 "$1" >/dev/null 2>&1 || true; sleep 0.5; done ) &
}
name() { case "$1" in j) echo "Jamulus 3.9.1" ;; t) echo "Tutti" ;; u) echo "Tutti/JamModel" ;; d) echo "Tutti/drift" ;; esac; }

printf "# round trip latency %s, %s cores, load average %s, priority: %s\n" "$(date -u +%FT%TZ)" "$(nproc)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "${prio[*]:-normal}"
watch=${WATCH:-0}
printf "%-14s %-14s %6s %10s %10s %10s %5s %6s %8s %9s %9s %9s %9s %8s\n" client server period median_ms min_ms max_ms n \
    secs dropouts concealed underruns srv_under late_cb ratio_ppm
for period in $periods; do
  for pair in $pairs; do
    c=${pair:0:1}; s=${pair:1:1}
    port=$(free_port)
    case "$s" in
      j) QT_QPA_PLATFORM=offscreen "${prio[@]}" "$jamulus" -s -n -p "$port" -u 10 >"$work/server-$pair-$period.log" 2>&1 & ;;
      t) srpc=$(free_port)
         # shellcheck disable=SC2086 # SERVER_JVM_OPTS: words, e.g. "-Dtutti.serverJitterStrategy=TUTTI"
         "${prio[@]}" "$java" ${SERVER_JVM_OPTS:-} -jar client/target/tutti.jar -s -n -p "$port" -u 10 --jsonrpcport "$srpc" \
             --jsonrpcsecretfile "$secret" >"$work/server-$pair-$period.log" 2>&1 & ;;
    esac
    spid=$!; pids+=("$spid"); keep_priority "$spid"
    jack="bench-lat-$$-$pair-$period"
    "${prio[@]}" jackd -n "$jack" -d dummy -r 48000 -p "$period" >"$work/jackd-$pair-$period.log" 2>&1 &
    jpid=$!; pids+=("$jpid")
    jack_wait -s "$jack" -w -t 10 >/dev/null 2>&1
    export JACK_DEFAULT_SERVER="$jack" JACK_NO_START_SERVER=1
    case "$c" in
      j) QT_QPA_PLATFORM=offscreen "${prio[@]}" "$jamulus" -n -j -i "$work/jamulus-$pair-$period.ini" -p 0 \
             -c "127.0.0.1:$port" --clientname looper >"$work/client-$pair-$period.log" 2>&1 &
         cport="Jamulus looper" ;;
      t|u|d) crpc=$(free_port); jopts=()
         if [ "$c" = u ]; then jopts=(-Dtutti.jitterStrategy=JAMULUS); fi
         if [ "$c" = d ]; then jopts=(-Dtutti.driftCompensation=true); fi
         "${prio[@]}" "$java" "${jopts[@]}" -jar client/target/tutti.jar -n -j -i "$work/tutti-$pair-$period.ini" \
             -c "127.0.0.1:$port" --clientname looper --jsonrpcport "$crpc" --jsonrpcsecretfile "$secret" \
             >"$work/client-$pair-$period.log" 2>&1 &
         cport="looper" ;;
    esac
    cpid=$!; pids+=("$cpid"); keep_priority "$cpid"
    "${prio[@]}" jack_iodelay >"$work/iodelay-$pair-$period.log" 2>&1 &
    ipid=$!; pids+=("$ipid")
    wait_port "$jack" "jack_delay:in" && wait_port "$jack" "$cport:output left"
    jack_connect -s "$jack" "jack_delay:out" "$cport:input left" 2>/dev/null
    jack_connect -s "$jack" "$cport:output left" "jack_delay:in" 2>/dev/null
    sleep "$warmup"
    c0='{}'; s0='{}'; t0=$(date +%s)
    if [ "$c" != j ]; then c0=$(rpc "$crpc" jamulusclient/getCounters); fi
    if [ "$s" = t ]; then s0=$(rpc "$srpc" jamulusserver/getCounters); fi
    skip=$(grep -c 'total roundtrip latency' "$work/iodelay-$pair-$period.log" || true)
    for _ in $(seq 1 60); do
      got=$(grep -c 'total roundtrip latency' "$work/iodelay-$pair-$period.log" || true)
      [ $((got - skip)) -ge "$readings" ] && break
      sleep 0.5
    done
    sleep "$watch"
    c1='{}'; s1='{}'; secs=$(( $(date +%s) - t0 ))
    if [ "$c" != j ]; then c1=$(rpc "$crpc" jamulusclient/getCounters); fi
    if [ "$s" = t ]; then s1=$(rpc "$srpc" jamulusserver/getCounters); fi
    counts="$secs $(delta "$c0" "$c1" dropouts) $(delta "$c0" "$c1" framesConcealed) $(delta "$c0" "$c1" underruns)"
    counts="$counts $(delta "$s0" "$s1" jitterUnderruns)"
    counts="$counts $(delta "$c0" "$c1" lateCallbacks)"
    counts="$counts $(python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get("playbackRatioPpm", "-"))' "$c1")"
    stop "$ipid"; stop "$cpid"; stop "$jpid"; stop "$spid"
    unset JACK_DEFAULT_SERVER JACK_NO_START_SERVER
    grep -o '[0-9.]* ms total roundtrip latency' "$work/iodelay-$pair-$period.log" | awk '{print $1}' \
        | tail -n +$((skip + 1)) | head -n "$readings" | sort -n > "$work/r"
    n=$(wc -l < "$work/r")
    if [ "$n" -eq 0 ]; then
      printf "%-14s %-14s %6s %10s %10s %10s %5s %6s %8s %9s %9s %9s %9s %8s\n" "$(name "$c")" "$(name "$s")" "$period" \
          "no signal" - - 0 $counts
    else
      printf "%-14s %-14s %6s %10s %10s %10s %5s %6s %8s %9s %9s %9s %9s %8s\n" "$(name "$c")" "$(name "$s")" "$period" \
          "$(sed -n "$(( (n + 1) / 2 ))p" "$work/r")" "$(head -1 "$work/r")" "$(tail -1 "$work/r")" "$n" $counts
    fi
  done
done
printf "# load average at the end: %s\n" "$(cut -d' ' -f1-3 /proc/loadavg)"
