#!/usr/bin/env bash
# Times Qubench against libquantum (Debian libquantum-dev, C) and Microsoft's qsharp-lang (npm) on
# the same circuits in one run: whole processes, median of 3; 1,000 shots, but qsharp-lang gets one
# shot (it re-runs the program per shot). Installs what is missing.
#   bench/peers/run.sh "qft 22" "random 20" "ghz 22"
set -euo pipefail
cd "$(dirname "$0")/../.."
dpkg -s libquantum-dev >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq libquantum-dev >/dev/null; }
mkdir -p target/peers
gcc -O3 -march=native -fopenmp -o target/peers/libquantum_bench bench/peers/libquantum_bench.c -lquantum -lm
[ -d target/peers/node_modules/qsharp-lang ] || (cd target/peers && npm install --silent --no-save qsharp-lang@1.32.5-dev >/dev/null)
cp bench/peers/qsharp_bench.mjs target/peers/
[ -f target/qubench.jar ] || mvn -q -B package -DskipTests
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
qubench() { "$java" -XX:+UseTransparentHugePages --add-modules jdk.incubator.vector -jar target/qubench.jar "$@" 2>/dev/null; }
median() { sort -n | sed -n 2p; }
for spec in "${@:-qft 22}"; do
  read -r circuit qubits <<<"$spec"
  qasm="target/peers/$circuit$qubits.qasm"
  qubench bench --circuit "$circuit" --qubits "$qubits" --emit > "$qasm"
  for engine in qubench libquantum qsharp-lang; do
    times=$(for run in 1 2 3; do
      start=$(date +%s.%N)
      if [ "$engine" = qubench ]; then
        qubench simulate "$qasm" --shots 1000 --seed "$run" --engine statevector >/dev/null
      elif [ "$engine" = libquantum ]; then
        target/peers/libquantum_bench "$circuit" "$qubits" 1000 >/dev/null
      else
        (cd target/peers && node qsharp_bench.mjs "$circuit" "$qubits" 1 >/dev/null)
      fi
      echo "$(date +%s.%N) - $start" | bc
    done | median)
    printf '%-7s %3s  %-10s %8.2f s\n' "$circuit" "$qubits" "$engine" "$times"
  done
done
