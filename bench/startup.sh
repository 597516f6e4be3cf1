#!/usr/bin/env bash
# Start-up and memory, Tutti beside the real Jamulus 3.9.1 in the same run (issue 23, item 4):
# - time from launch to the first viewable top-level window of the desktop app (bench/window-wait.py polls a private
#   Xvfb display), for Jamulus, Tutti as `java -jar`, and Tutti with the JDK's AOT cache (what ./tutti uses);
#   each with an empty settings folder, a dummy jackd running, ROUNDS times in turn; then its RSS after 3 s idle;
# - RSS of a headless server with 0 clients and with CLIENTS clients of the load generator (after 10 s).
# Build first: ./mvnw -q -B -pl bench,client -am package -DskipTests
# usage: bench/startup.sh   (environment: ROUNDS=5 CLIENTS=150 JAMULUS=/usr/bin/Jamulus)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
java=$JAVA_HOME/bin/java
jamulus=${JAMULUS:-/usr/bin/Jamulus}
rounds=${ROUNDS:-5}
clients=${CLIENTS:-150}
jar=client/target/tutti.jar
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; sleep 1; rm -rf "$work"' EXIT

stop() { kill -TERM "$1" 2>/dev/null || return 0
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done; kill -KILL "$1" 2>/dev/null || true; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
free_port() { python3 -c 'import socket;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

display=":$((100 + $$ % 800))"
Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
pids+=("$!")
export DISPLAY=$display
jack="bench-startup-$$"
jackd -n "$jack" -d dummy -r 48000 -p 128 >/dev/null 2>&1 &
jpid=$!; pids+=("$jpid")
jack_wait -s "$jack" -w -t 10 >/dev/null 2>&1
export JACK_DEFAULT_SERVER="$jack" JACK_NO_START_SERVER=1

# The AOT cache as ./tutti makes it: one recorded desktop run, then the cache is created from that record.
aot="$work/tutti.aot"
HOME="$work/train" timeout 60 python3 bench/window-wait.py 40 "$java" -XX:AOTMode=record \
    -XX:AOTConfiguration="$work/tutti.aotconf" -jar "$jar" >"$work/train.out" || true
train_pid=$(tail -1 "$work/train.out"); sleep 3; stop "$train_pid"
"$java" -XX:AOTMode=create -XX:AOTConfiguration="$work/tutti.aotconf" -XX:AOTCache="$aot" -jar "$jar" >/dev/null 2>&1

printf "# start-up %s, %s cores, load average %s; %s\n" "$(date -u +%FT%TZ)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    "$("$java" -version 2>&1 | head -1)"
printf "%-12s %6s %12s %12s\n" app round window_ms idle_rss_mb
for round in $(seq 1 "$rounds"); do
  for app in jamulus tutti tutti-aot; do
    home="$work/home-$app-$round"; mkdir -p "$home"
    case "$app" in
      jamulus)   cmd=(env QT_QPA_PLATFORM=xcb "$jamulus" -i "$home/Jamulus.ini") ;;
      tutti)     cmd=("$java" -jar "$jar") ;;
      tutti-aot) cmd=("$java" -XX:AOTCache="$aot" -jar "$jar") ;;
    esac
    out=$(HOME="$home" python3 bench/window-wait.py 30 "${cmd[@]}" || true)
    ms=$(head -1 <<<"$out"); pid=$(tail -1 <<<"$out")
    sleep 3
    printf "%-12s %6s %12s %12s\n" "$app" "$round" "$ms" "$(rss_mb "$pid" 2>/dev/null || echo -)"
    stop "$pid"
  done
done

printf "%-12s %8s %12s\n" server clients rss_mb
for server in jamulus tutti; do
  port=$(free_port)
  case "$server" in
    jamulus) QT_QPA_PLATFORM=offscreen "$jamulus" -s -n -p "$port" -u 150 >/dev/null 2>&1 & ;;
    tutti)   "$java" -jar "$jar" -s -n -p "$port" -u 150 >/dev/null 2>&1 & ;;
  esac
  spid=$!; pids+=("$spid")
  sleep 5
  printf "%-12s %8s %12s\n" "$server" 0 "$(rss_mb "$spid")"
  "$java" -jar bench/target/tutti-bench.jar load --server "127.0.0.1:$port" --clients "$clients" --seconds 12 \
      >/dev/null 2>&1 &
  gpid=$!
  sleep 10
  printf "%-12s %8s %12s\n" "$server" "$clients" "$(rss_mb "$spid")"
  wait "$gpid" || true
  stop "$spid"
done
stop "$jpid"
