#!/usr/bin/env bash
# Fuzzes every Jazzer fuzz test for its bounded time (@FuzzTest maxDuration, 30 s each). A plain build only replays
# the committed seeds and past crashes; this script sets JAZZER_FUZZ=1, which makes Jazzer mutate. Jazzer fuzzes one
# test per JVM, hence one Maven run per test. A crash fails the run and Jazzer stores the input under the test's
# ...Inputs resource folder: commit it, and it is replayed as a regression test by every later build.
# Usage: scripts/fuzz.sh [TestClass ...]   (run by ./run-tests when CI=true)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
declare -A modules=(
  [DatagramFuzzTest]=shared [JsonRpcFuzzTest]=shared
  [ServerReceiveFuzzTest]=shared,server [DirectoryFileFuzzTest]=shared,server
  [SettingsFuzzTest]=shared,audio-backends,server,client [ClientReceiveFuzzTest]=shared,audio-backends,server,client
)
tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=(DatagramFuzzTest JsonRpcFuzzTest ServerReceiveFuzzTest DirectoryFileFuzzTest SettingsFuzzTest
                            ClientReceiveFuzzTest)
for t in "${tests[@]}"; do
  echo "== fuzzing $t"
  # Instrument all of Tutti and Gson (the JSON parsers), not only the test's own package.
  JAZZER_INSTRUMENT="${JAZZER_INSTRUMENT:-org.tutti.**,com.google.gson.**}" JAZZER_FUZZ=1 ./mvnw -B -ntp -q -pl "${modules[$t]}" test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtutti.rerunFailingTests=0 # a finding must fail the run, not get a second, different fuzzing run
done
