#!/usr/bin/env bash
# CPU of one connected client, Tutti beside the real Jamulus 3.9.1 client, in the same run (issue 23, "the client on
# a laptop"). For each JACK period, one private dummy jackd and one real Jamulus server (-F at period 64, so both
# clients can run 64-sample frames); then each client in turn: started headless with a fresh ini file, connected,
# a tone from jack_simple_client on its left input, SETTLE seconds to settle, then its CPU time (utime + stime from
# /proc/PID/stat) over SECONDS_PER_RUN seconds, as % of one core. Tutti runs on JACK and on PortAudio (PortAudio's
# JACK host API on the same dummy jackd). ROUNDS > 1 repeats the clients in turn and prints every reading.
# Build first: ./mvnw -q -B -pl bench,client -am package -DskipTests
# usage: bench/client-cpu.sh   (environment: PERIODS="64 128" CLIENTS="jamulus tutti tutti-portaudio"
#                               SECONDS_PER_RUN=20 SETTLE=8 ROUNDS=1 JVM_OPTS="..." for the Tutti client's JVM
#                               JFR=1 also records a JFR profile of each Tutti run into bench/target/)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh # JAVA_HOME: a JDK 25 even when the java on PATH is older
java=$JAVA_HOME/bin/java
jamulus=${JAMULUS:-/usr/bin/Jamulus}
periods=${PERIODS:-"64 128"}
clients=${CLIENTS:-"jamulus tutti tutti-portaudio"}
seconds=${SECONDS_PER_RUN:-20}
settle=${SETTLE:-8}
rounds=${ROUNDS:-1}
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; sleep 1; rm -rf "$work"' EXIT
hz=$(getconf CLK_TCK)

free_port() { python3 -c 'import socket;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
stop() { # SIGTERM and wait for the exit (jackd must exit cleanly or it leaves its registry entry behind)
  kill -TERM "$1" 2>/dev/null || return 0
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime of the whole process, in clock ticks
wait_port() { # $1 = JACK server, $2 = port name: until it exists (at most 20 s)
  for _ in $(seq 1 200); do
    if jack_lsp -s "$1" 2>/dev/null | grep -qxF "$2"; then return 0; fi
    sleep 0.1
  done
  return 1
}

printf "# client CPU %s, %s cores, load average %s; %s s per reading after %s s\n" "$(date -u +%FT%TZ)" "$(nproc)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "$seconds" "$settle"
printf "# %s; java: %s; jamulus: %s\n" "$(uname -srm)" "$("$java" -version 2>&1 | head -1)" \
    "$("$jamulus" --version 2>&1 | grep -m1 -o 'Version [0-9.]*[^ ]*' || echo '?')"
printf "%-16s %6s %6s %9s %8s\n" client period round cpu_pct rss_mb
for period in $periods; do
  port=$(free_port)
  fast=(); if [ "$period" = 64 ]; then fast=(-F); fi
  QT_QPA_PLATFORM=offscreen "$jamulus" -s -n -p "$port" -u 10 "${fast[@]}" >"$work/server-$period.log" 2>&1 &
  spid=$!; pids+=("$spid")
  jack="bench-cpu-$$-$period"
  jackd -n "$jack" -d dummy -r 48000 -p "$period" >"$work/jackd-$period.log" 2>&1 &
  jpid=$!; pids+=("$jpid")
  jack_wait -s "$jack" -w -t 10 >/dev/null 2>&1
  export JACK_DEFAULT_SERVER="$jack" JACK_NO_START_SERVER=1
  jack_simple_client tone >"$work/tone-$period.log" 2>&1 &
  tpid=$!; pids+=("$tpid")
  for round in $(seq 1 "$rounds"); do
    for client in $clients; do
      ini="$work/$client-$period-$round.ini"
      case "$client" in
        jamulus) QT_QPA_PLATFORM=offscreen "$jamulus" -n -j -i "$ini" -c "127.0.0.1:$port" --clientname cpu \
                     >"$work/$client.log" 2>&1 &
                 cport="Jamulus cpu" ;;
        tutti|tutti-portaudio)
                 backend=jack; if [ "$client" = tutti-portaudio ]; then backend=portaudio; fi
                 jfr=(); if [ "${JFR:-0}" = 1 ]; then
                   jfr=("-XX:StartFlightRecording=filename=bench/target/client-cpu-$client-$period-$round.jfr,settings=profile,delay=${settle}s,duration=${seconds}s")
                 fi
                 # shellcheck disable=SC2086 # JVM_OPTS: words
                 "$java" ${JVM_OPTS:-} "${jfr[@]}" -jar client/target/tutti.jar -n -j -i "$ini" --audiobackend "$backend" \
                     -c "127.0.0.1:$port" --clientname cpu >"$work/$client.log" 2>&1 &
                 cport="cpu"; if [ "$backend" = portaudio ]; then cport=""; fi ;;
        *) echo "unknown client $client" >&2; exit 2 ;;
      esac
      cpid=$!; pids+=("$cpid")
      if [ -n "$cport" ] && wait_port "$jack" "$cport:input left"; then
        jack_connect -s "$jack" "tone:output" "$cport:input left" 2>/dev/null || true
      fi
      sleep "$settle"
      if ! kill -0 "$cpid" 2>/dev/null; then printf "%-16s %6s %6s %9s %8s\n" "$client" "$period" "$round" died -; continue; fi
      t0=$(ticks "$cpid"); s0=$(date +%s.%N)
      sleep "$seconds"
      t1=$(ticks "$cpid"); s1=$(date +%s.%N)
      rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$cpid/status")
      printf "%-16s %6s %6s %9s %8s\n" "$client" "$period" "$round" \
          "$(awk -v a="$t0" -v b="$t1" -v x="$s0" -v y="$s1" -v hz="$hz" 'BEGIN { printf "%.2f", 100 * (b - a) / hz / (y - x) }')" "$rss"
      stop "$cpid"
    done
  done
  stop "$tpid"; stop "$spid"; stop "$jpid"
  unset JACK_DEFAULT_SERVER
done
