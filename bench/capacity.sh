#!/usr/bin/env bash
# Capacity ladder: for each server (Tutti, real Jamulus -T, real Jamulus; on request tutti-T = workers forced at any
# size, tutti-1 = one thread at any size, i.e. without the automatic worker use from 120 clients), starts a fresh server with
# -u 150 on a free loopback port, runs the load generator for each N, stops the server (SIGTERM, waits), and prints
# one table plus the largest N that holds per server. "holds" = >= 99.5 % of the expected packets delivered and
# p99 inter-arrival gap <= 2 frames. Servers take turns at each N; a server leaves the ladder after two
# consecutive failures.
# Build first: ./mvnw -q -B -pl bench,client -am package -DskipTests
# usage: bench/capacity.sh   (environment: LADDER="10 20 ..." SECONDS_PER_RUN=15 MIXES=default|distinct
#                             SERVERS="tutti tutti-T tutti-1 tutti-149 tutti-metronome jamulus-T jamulus" CODEC=opus|opus64 JAMULUS=/usr/bin/Jamulus
#                             RT=1 TUTTI_RT=audio|all NICE=-10 OUT=file
#                             STEREO=1 QUALITY=low|normal|high FAST=1 (servers get -F) PIN=1)
# PIN=1 pins the server to CPU 0 and the generator to CPU 1 (taskset), so that the figure measures one core of server
# rather than the contention between server and generator for both cores (issue 23's one-core figure).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh # JAVA_HOME: a JDK 25 even when the java on PATH is older
java=$JAVA_HOME/bin/java
jamulus=${JAMULUS:-/usr/bin/Jamulus}
ladder=${LADDER:-"10 20 35 50 75 100 150"}
seconds=${SECONDS_PER_RUN:-15}
mixes=${MIXES:-default}
codec=${CODEC:-opus}
servers=${SERVERS:-"tutti jamulus-T jamulus"}
# The machine is shared with other work: servers and generator run at a higher CPU priority (same for every server)
# so that neighbours disturb the measurement less. NICE=0 turns this off; negative values need root.
nice=${NICE:--10}
# RT=1 runs them round-robin real-time instead (root): the generator at priority 20 above the server at 10, so the
# instrument keeps its schedule even when the server saturates; the kernel still keeps 5 % of the CPU for others.
prio=(nice -n "$nice")
gen_prio=(nice -n "$nice")
if [ "${RT:-0}" = 1 ]; then prio=(chrt -r 10); gen_prio=(chrt -r 20); fi
# With RT=1 every Tutti thread runs real-time (the JVM is started under chrt, so its JIT and GC threads inherit it).
# TUTTI_RT=audio gives it only to the audio threads (server-engine, server-mix-*) and starts the JVM at the nice level:
# measured 2026-11-22 (docs/performance.md), that starves the JIT and GC threads as soon as the audio threads and the
# generator fill both cores (distinct mixes, 75 clients, workers: 20 % delivered instead of 99.5 %), so it is not
# the default. Jamulus gets it on all threads either way (its Qt threads do not inherit it, see keep_priority).
tutti_rt=${TUTTI_RT:-all}
tutti_prio=("${prio[@]}")
if [ "${RT:-0}" = 1 ] && [ "$tutti_rt" = audio ]; then tutti_prio=(nice -n "$nice"); fi
channels=(); if [ "${STEREO:-0}" = 1 ]; then channels=(--stereo); fi
quality=${QUALITY:-normal}
fast=(); if [ "${FAST:-0}" = 1 ]; then fast=(-F); fi
if [ "${PIN:-0}" = 1 ]; then
  prio=(taskset -c 0 "${prio[@]}"); tutti_prio=(taskset -c 0 "${tutti_prio[@]}"); gen_prio=(taskset -c 1 "${gen_prio[@]}")
fi
out=${OUT:-bench/target/capacity-$(date -u +%Y%m%dT%H%M%SZ).txt}
mkdir -p "$(dirname "$out")"

free_port() { python3 -c 'import socket;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

start_server() { # $1 = server kind, $2 = port; prints the PID
  case "$1" in
    tutti)     "${tutti_prio[@]}" "$java" -jar client/target/tutti.jar -s -n -p "$2" -u 150 "${fast[@]}" >/dev/null 2>&1 & ;;
    tutti-T)   "${tutti_prio[@]}" "$java" -jar client/target/tutti.jar -s -n -p "$2" -u 150 "${fast[@]}" -T >/dev/null 2>&1 & ;;
    tutti-149) "${tutti_prio[@]}" "$java" -jar client/target/tutti.jar -s -n -p "$2" -u 149 "${fast[@]}" >/dev/null 2>&1 & ;;
    tutti-metronome) # the metronome takes channel ID 149, so -u 149 for both this and tutti-149 (issue 21)
               "${tutti_prio[@]}" "$java" -jar client/target/tutti.jar -s -n -p "$2" -u 149 "${fast[@]}" --metronome 120 \
                   >/dev/null 2>&1 & ;;
    tutti-1)   "${tutti_prio[@]}" "$java" -Dtutti.server.autoThreads=false -jar client/target/tutti.jar -s -n -p "$2" -u 150 "${fast[@]}" \
                   >/dev/null 2>&1 & ;;
    jamulus)   QT_QPA_PLATFORM=offscreen "${prio[@]}" "$jamulus" -s -n -p "$2" -u 150 "${fast[@]}" >/dev/null 2>&1 & ;;
    jamulus-T) QT_QPA_PLATFORM=offscreen "${prio[@]}" "$jamulus" -s -n -p "$2" -u 150 "${fast[@]}" -T >/dev/null 2>&1 & ;;
    *) echo "unknown server $1" >&2; exit 2 ;;
  esac
  echo $!
}

wait_listening() { # $1 = port: until a UDP socket is bound there (at most 10 s)
  for _ in $(seq 1 100); do
    if ss -uln | awk '{print $4}' | grep -q ":$1\$"; then return 0; fi
    sleep 0.1
  done
  return 1
}

keep_priority() { # $1 = PID, $2 = server kind: with RT=1, every thread of the server at the same priority, also
  # threads started later (Jamulus's Qt threads ask for an explicit normal-policy priority and would otherwise not
  # inherit it); for Tutti (unless TUTTI_RT=all) only the audio threads, found by name.
  if [ "${RT:-0}" != 1 ]; then return 0; fi
  if [[ "$2" == tutti* ]] && [ "$tutti_rt" = audio ]; then
    ( while kill -0 "$1" 2>/dev/null; do
        for task in /proc/"$1"/task/*; do
          if grep -qE '^server-(engine|mix-)' "$task/comm" 2>/dev/null; then chrt -r -p 10 "${task##*/}" >/dev/null 2>&1 || true; fi
        done
        sleep 0.5
      done ) &
    return 0
  fi
  ( while kill -0 "$1" 2>/dev/null; do chrt -a -r -p 10 "$1" >/dev/null 2>&1 || true; sleep 0.5; done ) &
}

stop_server() { # SIGTERM, then wait for the exit (the server is not this shell's child: poll), SIGKILL after 10 s
  kill -TERM "$1" 2>/dev/null || return 0
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
}

field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }

{
  echo "# capacity ladder $(date -u +%FT%TZ), codec $codec${FAST:+ (servers -F)}, $([ "${STEREO:-0}" = 1 ] && echo stereo || echo mono) $quality quality, $mixes mixes, $seconds s per step, $(nproc) cores, priority: server ${prio[*]} (Tutti: ${tutti_prio[*]}, RT threads: $tutti_rt), generator ${gen_prio[*]}"
  echo "# $(uname -srm); java: $("$java" -version 2>&1 | head -1); jamulus: $("$jamulus" --version 2>&1 | grep -m1 -o 'Version [0-9.]*[^ ]*' || echo '?')"
  printf "%-10s %4s %6s %8s %9s %9s %10s %8s %6s %6s %7s  %s\n" server N est cpu% cpu%/cl deliv% p99gap_ms maxgap_ms late lost genlate "verdict (load1)"
} | tee "$out"

declare -A best failures
for server in $servers; do best[$server]=0; failures[$server]=0; done
# Servers take turns at each N, so that all of them meet the same background load at each step.
for n in $ladder; do
  for server in $servers; do
    if [ "${failures[$server]}" -ge 2 ]; then continue; fi
    port=$(free_port)
    pid=$(start_server "$server" "$port")
    if ! wait_listening "$port"; then echo "$server did not start" | tee -a "$out"; stop_server "$pid"; failures[$server]=9; continue; fi
    keep_priority "$pid" "$server"
    sleep 1
    result=$(timeout $((seconds + 90)) "${gen_prio[@]}" "$java" -jar bench/target/tutti-bench.jar load --server "127.0.0.1:$port" \
        --clients "$n" --seconds "$seconds" --codec "$codec" --mixes "$mixes" --quality "$quality" "${channels[@]}" --server-pid "$pid" | grep '^RESULT' || true)
    stop_server "$pid"
    if [ -z "$result" ]; then echo "$server $n: no result" | tee -a "$out"; failures[$server]=$((failures[$server] + 1)); continue; fi
    deliv=$(field "$result" delivered_pct); p99=$(field "$result" gap_p99_ms); frame=$(field "$result" frame_ms)
    cpu=$(field "$result" server_cpu_pct)
    verdict=$(awk -v d="$deliv" -v p="$p99" -v f="$frame" 'BEGIN { print (d >= 99.5 && p <= 2 * f + 0.0005) ? "holds" : "FAILS" }')
    printf "%-10s %4s %6s %8s %9s %9s %10s %8s %6s %6s %7s  %s (%s)\n" "$server" "$n" "$(field "$result" established)" \
        "$cpu" "$(awk -v c="$cpu" -v n="$n" 'BEGIN { printf "%.2f", c / n }')" "$deliv" "$p99" \
        "$(field "$result" gap_max_ms)" "$(field "$result" late)" "$(field "$result" lost)" \
        "$(field "$result" gen_late_ticks)" "$verdict" "$(field "$result" load1)" | tee -a "$out"
    if [ "$verdict" = holds ]; then
      best[$server]=$n; failures[$server]=0
    else
      failures[$server]=$((failures[$server] + 1))
    fi
  done
done
{
  echo "# largest N that holds (same run):"
  for server in $servers; do echo "#   $server: ${best[$server]}"; done
  echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$out"
echo "table written to $out"
