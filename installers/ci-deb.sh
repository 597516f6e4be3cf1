#!/usr/bin/env bash
# CI check of the Linux package: build the .deb, install it, run the installed `tutti`, start the installed
# headless server with a real Jamulus client connecting, then remove the package.
# Needs root (or sudo), jamulus and jackd2 (installed by .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
installers/build.sh deb
deb=$(ls installers/target/tutti_*.deb)
echo "== .deb size: $(stat -c %s "$deb") bytes ($(du -h "$deb" | cut -f1))"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./$deb" >/dev/null
trap '$sudo env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q tutti >/dev/null || true' EXIT
echo "== installed: $(command -v tutti) -> $(readlink -f "$(command -v tutti)")"
tutti --version
test -f /lib/systemd/system/tutti-server.service
test -f /etc/default/tutti-server

work=$(mktemp -d)
port=$((30000 + RANDOM % 20000)); rpc=$((port + 1))
printf 'ci-secret-0123456789abcdef\n' > "$work/secret"
tutti -s -n -p "$port" -u 10 --jsonrpcport "$rpc" --jsonrpcsecretfile "$work/secret" > "$work/server.log" 2>&1 &
server=$!
jack="tutti-ci-deb-$$"
jackd -n "$jack" -d dummy -r 48000 -p 128 > "$work/jackd.log" 2>&1 &
jackd_pid=$!
cleanup() {
  kill -TERM "${client:-}" 2>/dev/null || true; wait "${client:-}" 2>/dev/null || true
  kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
  kill -TERM "$jackd_pid" 2>/dev/null || true; wait "$jackd_pid" 2>/dev/null || true
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q tutti >/dev/null || true
}
trap cleanup EXIT
sleep 2
JACK_DEFAULT_SERVER=$jack Jamulus -n -i "$work/client.ini" -c "127.0.0.1:$port" --clientname ci-deb > "$work/client.log" 2>&1 &
client=$!
rpc_get_clients() {
  exec 3<>"/dev/tcp/127.0.0.1/$rpc" || return 1
  printf '{"id":1,"jsonrpc":"2.0","method":"jamulus/apiAuth","params":{"secret":"ci-secret-0123456789abcdef"}}\n' >&3
  printf '{"id":2,"jsonrpc":"2.0","method":"jamulusserver/getClients","params":{}}\n' >&3
  # the answer to id 2, skipping notifications that may come first
  timeout 3 grep -m 1 '"id":2' <&3
  exec 3<&-
}
ok=0
for _ in $(seq 1 60); do
  sleep 1
  reply=$(rpc_get_clients 2>/dev/null || true)
  if echo "$reply" | grep -q '"address"'; then ok=1; break; fi
done
kill -0 "$server" 2>/dev/null || { echo "installed server died:"; cat "$work/server.log"; exit 1; }
if [ $ok = 1 ]; then
  echo "== installed headless server lists the real Jamulus client: $reply"
else
  echo "== installed server running, but no client showed up in getClients"; cat "$work/server.log"; exit 1
fi
echo "== removing the package"
