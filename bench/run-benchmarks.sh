#!/usr/bin/env bash
# Runs the JMH benchmarks with the short configuration used in docs/performance.md, sandwiched between
# two runs of the C reference (same opus source and flags), so that machine load hits both alike, plus
# the same loop in Java (CodecCpuTime) reporting CPU time, which machine load does not inflate.
# Build first: ./mvnw -q -B -pl bench -am package -DskipTests
# usage: bench/run-benchmarks.sh [extra JMH options, e.g. a benchmark regex]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh # JAVA_HOME: a JDK 25 even when the java on PATH is older
java=$JAVA_HOME/bin/java
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
bash bench/src/main/c/run-c-timing.sh 200000
"$java" -jar bench/target/benchmarks.jar -f 1 -wi 3 -i 5 -w 1s -r 1s "$@"
for mode in "128 71" "64 35"; do
  "$java" --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar org.tutti.bench.CodecCpuTime $mode 50000 200000
done
bash bench/src/main/c/run-c-timing.sh 200000
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
