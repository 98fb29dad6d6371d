#!/usr/bin/env bash
# Times Qubench against four peer simulators on the same circuits in one run: whole processes, median
# of 3 (a single run when the first one takes over $PEER_REPEAT_LIMIT s, default 300). Every run is
# killed after $PEER_TIMEOUT s (default 600) and shown as "timeout"; a run that errors (e.g. out of
# memory) shows as "failed", its stderr kept in target/peers/logs/. Installs what is missing.
#   qubench          bin/qubench (target/qubench.jar), statevector engine, 1,000 shots
#   libquantum       Debian libquantum-dev, C (libquantum_bench.c), 1,000 shots
#   qsharp-lang      Microsoft's Q# simulator, npm qsharp-lang 1.32.5-dev (qsharp_bench.mjs),
#                    1 shot: it re-runs the program for every shot
#   strange          Gluon's Strange, Maven org.redfx:strange:0.1.3, Java (StrangeBench.java, compiled
#                    here first), 1 shot: each runProgram yields one measurement; a heap of 3/4 of
#                    the memory, as qubench takes when it needs it (Java's default quarter ran out)
#   quantum-circuit  npm quantum-circuit 0.9.250, JavaScript (quantum_circuit_bench.mjs), 1,000 shots
#                    sampled from the final state
# libquantum and qsharp-lang draw their own random angles; strange and quantum-circuit run the very
# circuit Qubench emits.
#   bench/peers/run.sh "qft 22" "random 20" "ghz 22"
#   PEER_ENGINES="qubench libquantum" bench/peers/run.sh "random 20"     (some engines only)
set -euo pipefail
cd "$(dirname "$0")/../.."
dpkg -s libquantum-dev >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq libquantum-dev >/dev/null; }
mkdir -p target/peers/logs
gcc -O3 -march=native -fopenmp -o target/peers/libquantum_bench bench/peers/libquantum_bench.c -lquantum -lm
# One npm install for both packages: an install with --no-save prunes the packages it was not given.
[ -d target/peers/node_modules/qsharp-lang ] && [ -d target/peers/node_modules/quantum-circuit ] ||
  (cd target/peers && npm install --silent --no-save qsharp-lang@1.32.5-dev quantum-circuit@0.9.250 >/dev/null)
cp bench/peers/qsharp_bench.mjs bench/peers/quantum_circuit_bench.mjs target/peers/
jdk=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java=$jdk/bin/java
# Strange's only runtime need is java.base (jdeps); the junit-jupiter artifacts its POM lists at
# compile scope are test libraries it never loads, so only its jar is fetched.
strange_jar=target/peers/strange/strange-0.1.3.jar
[ -f "$strange_jar" ] || mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
  -Dartifact=org.redfx:strange:0.1.3 -DoutputDirectory=target/peers/strange >/dev/null
"$jdk/bin/javac" -d target/peers/strange/classes -cp "$strange_jar" bench/peers/StrangeBench.java
[ -f target/qubench.jar ] || mvn -q -B package -DskipTests
limit=${PEER_TIMEOUT:-600}
# The launcher a user runs (README): its JVM flags and ahead-of-time cache; made here before timing.
qubench=(env JAVA_HOME="$jdk" bin/qubench)
"${qubench[@]}" --version >/dev/null 2>&1 || true
# engine circuit qubits run: one whole-process run of that engine, killed after $limit s
run() {
  case $1 in
    qubench) timeout -k 10 "$limit" "${qubench[@]}" simulate "$qasm" --shots 1000 --seed "$4" --engine statevector ;;
    libquantum) timeout -k 10 "$limit" target/peers/libquantum_bench "$2" "$3" 1000 ;;
    qsharp-lang) (cd target/peers && timeout -k 10 "$limit" node qsharp_bench.mjs "$2" "$3" 1) ;;
    strange) timeout -k 10 "$limit" "$java" -XX:MaxRAMPercentage=75 -cp "target/peers/strange/classes:$strange_jar" StrangeBench "$2" "$3" 1 ;;
    quantum-circuit) (cd target/peers && timeout -k 10 "$limit" node quantum_circuit_bench.mjs "$2" "$3" 1000) ;;
  esac
}
declare -A shots=([qubench]="1000 shots" [libquantum]="1000 shots" [qsharp-lang]="1 shot" [strange]="1 shot"
  [quantum-circuit]="1000 shots")
for spec in "${@:-qft 22}"; do
  read -r circuit qubits <<<"$spec"
  qasm="target/peers/$circuit$qubits.qasm"
  "${qubench[@]}" bench --circuit "$circuit" --qubits "$qubits" --emit 2>/dev/null > "$qasm"
  for engine in ${PEER_ENGINES:-qubench libquantum qsharp-lang strange quantum-circuit}; do
    log="target/peers/logs/$engine-$circuit$qubits.log"
    times=() outcome=
    for r in 1 2 3; do
      start=$(date +%s.%N)
      if run "$engine" "$circuit" "$qubits" "$r" >/dev/null 2>"$log"; then
        times+=("$(echo "$(date +%s.%N) - $start" | bc)")
        if [ "$r" = 1 ] && [ "$(echo "${times[0]} > ${PEER_REPEAT_LIMIT:-300}" | bc)" = 1 ]; then break; fi
      else
        status=$?
        if [ "$status" = 124 ] || [ "$status" = 137 ]; then outcome="timeout (${limit} s)"
        elif grep -qE 'OutOfMemoryError|heap out of memory' "$log"; then outcome="failed (out of memory, $log)"
        else outcome="failed (exit $status, $log)"; fi
        break
      fi
    done
    if [ -n "$outcome" ]; then
      printf '%-7s %3s  %-15s %s\n' "$circuit" "$qubits" "$engine" "$outcome"
    else
      median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (${#times[@]} + 1) / 2 ))p")
      runs=$([ "${#times[@]}" = 1 ] && echo ", 1 run" || true)
      printf '%-7s %3s  %-15s %8.2f s  (%s%s)\n' "$circuit" "$qubits" "$engine" "$median" "${shots[$engine]}" "$runs"
    fi
  done
done
