#!/usr/bin/env python3
"""Builds the committed fuzz seed corpora from the captured real-Jamulus fixtures (shared/src/test/resources/fixtures).

Each fuzz test replays its seeds in every build; Jazzer starts mutating from them when JAZZER_FUZZ=1.
Run from the repository root: scripts/fuzz-seeds.py (idempotent: files are named by content hash)."""
import hashlib, pathlib, struct

root = pathlib.Path(__file__).resolve().parent.parent
fixtures = sorted((root / "shared/src/test/resources/fixtures").glob("*.txt"))
datagrams = []
for f in fixtures:
    for line in f.read_text().splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[2] in ("audio", "connected", "connectionless"):
            datagrams.append(bytes.fromhex(parts[3]))

def put(directory, data):
    d = root / directory
    d.mkdir(parents=True, exist_ok=True)
    (d / ("seed-" + hashlib.sha1(data).hexdigest()[:16])).write_bytes(data)

for g in datagrams:
    # Raw datagrams for both the codec and the server receive path.
    put("shared/src/test/resources/org/tutti/protocol/fuzz/DatagramFuzzTestInputs/classifyAndDecode", g)
    put("server/src/test/resources/org/tutti/server/engine/fuzz/ServerReceiveFuzzTestInputs/datagrams", g)
    # The client's receive path: a view byte (even: raw datagram; odd: id + body in a valid frame), then the bytes.
    client_seeds = "client/src/test/resources/org/tutti/client/engine/fuzz/ClientReceiveFuzzTestInputs/datagrams"
    put(client_seeds, b"\x00" + g)
    if len(g) >= 9 and g[0] == 0 and g[1] == 0:
        # id (u16 LE) + body: the codec test's second view, which wraps it in a valid frame.
        body_len = g[5] | g[6] << 8
        put("shared/src/test/resources/org/tutti/protocol/fuzz/DatagramFuzzTestInputs/classifyAndDecode",
            g[2:4] + g[7:7 + body_len])
        put(client_seeds, b"\x01" + g[2:4] + g[7:7 + body_len])

rpc = "shared/src/test/resources/org/tutti/rpc/fuzz/JsonRpcFuzzTestInputs/requests"
for text in [
    '\x00{"id":1,"jsonrpc":"2.0","method":"jamulus/apiAuth","params":{"secret":"fuzz-secret-0123456789"}}',
    '\x01{"id":2,"jsonrpc":"2.0","method":"test/echo","params":{"text":"hello"}}',
    '\x00[{"id":3,"jsonrpc":"2.0","method":"test/echo","params":{}},{"jsonrpc":"2.0","method":"x","params":[]}]',
    '\x01{"id":null,"jsonrpc":"2.0","method":"jamulusserver/getClients","params":{}}',
    '\x00{"jsonrpc":"2.0","method":5}',
    '\x01[]',
]:
    put(rpc, text.encode())

settings = "client/src/test/resources/org/tutti/client/settings/fuzz/SettingsFuzzTestInputs/settingsFile"
for text in [
    "{}",
    '{"profile":{"name":"Ann","instrument":3,"country":82,"city":"Paris","skill":2},'
    '"audio":{"inputGain":1.0},"network":{"recentServers":["127.0.0.1:22124"]},"window":{"x":10,"y":20}}',
    '{"profile":null,"audio":{"jitterBuffer":-5}}',
]:
    put(settings, text.encode())

directory = "server/src/test/resources/org/tutti/server/directory/fuzz/DirectoryFileFuzzTestInputs/directoryFile"
for text in [
    "192.0.2.2:22124;127.0.0.1:22124;UmVnIFNlcnZlcg==;UGFyaXM=;82;10;0\n",
    "[2001:db8::1]:22124;;;;0;255;1\n198.51.100.7:1;bad;!!;;999;-3;x\n",
    "\n;;;;;;\n",
]:
    put(directory, text.encode())
