#!/usr/bin/env bash
# Value iteration on a 10^6-state sparse MDP (4 actions, 4 random successors each, gamma 0.99): time per synchronous
# Bellman-optimality sweep, alignlab (JMH, ValueIterationSweepBenchmark) against scipy's CSR product for the same sweep
# (peers/vi_sweep_scipy.py), on this machine, in one go. Goal (issue "Decision-process substrate"): faster than scipy.
#
# The two run in alternating rounds (default 3), so that a busy spell on a shared machine hits both; each round gives
# a ratio, and the median round is reported. Both sides build a Garnet MDP of the same size and structure from their
# own seeds (the numbers differ, the shape does not).
# Usage: benchmarks/run-vi-sweep.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
. .mvn/find-jdk.sh
_alignlab_find_jdk || exit 2
py=/usr/bin/python3
if ! "$py" -c 'import numpy, scipy' 2>/dev/null; then
  echo "the scipy peer needs numpy and scipy for $py (Debian: apt-get install -y python3-numpy python3-scipy)" >&2
  exit 2
fi
jar=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ] || [ -n "$(find benchmarks/src substrates/decision/src/main -newer "$jar" -type f | head -n 1)" ]; then
  ./mvnw -q -pl benchmarks -am package -DskipTests
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
score() { # score FILE BENCHMARK-METHOD: JMH's average time in ms/op
  "$py" -c 'import json,sys; r=json.load(open(sys.argv[1])); print(next(x["primaryMetric"]["score"] for x in r if x["benchmark"].endswith("."+sys.argv[2])))' "$1" "$2"
}
serial=(); parallel=(); scipy=()
for r in $(seq "$rounds"); do
  "$JAVA_HOME/bin/java" -jar "$jar" ValueIterationSweepBenchmark -f 1 -wi 3 -w 2 -i 5 -r 2 \
    -rf json -rff "$out/jmh-$r.json" >"$out/jmh-$r.log" 2>&1 || { cat "$out/jmh-$r.log" >&2; exit 1; }
  serial+=("$(score "$out/jmh-$r.json" serial)")
  parallel+=("$(score "$out/jmh-$r.json" parallel)")
  "$py" benchmarks/peers/vi_sweep_scipy.py --repeats 15 >"$out/scipy-$r.log"
  scipy+=("$(sed -n 's/^SCIPY_MS=//p' "$out/scipy-$r.log")")
  awk -v r="$r" -v a="${serial[-1]}" -v p="${parallel[-1]}" -v s="${scipy[-1]}" 'BEGIN {
    printf "round %d: alignlab serial %8.1f ms  parallel %8.1f ms  scipy %8.1f ms  scipy/serial %.2f  scipy/parallel %.2f\n",
      r, a, p, s, s / a, s / p }'
done
"$py" - "${serial[*]}" "${parallel[*]}" "${scipy[*]}" "$(nproc)" "$(head -n 1 "$out/scipy-1.log")" \
  "$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)" <<'PY'
import statistics, sys
ser, par, sci = ([float(x) for x in a.split()] for a in sys.argv[1:4])
med = statistics.median
print(f"\nmachine: {sys.argv[4]} cores; {sys.argv[6]}; {sys.argv[5]}")
print("value-iteration sweep, 10^6 states x 4 actions x 4 successors (16e6 transitions), median of rounds:")
print(f"  alignlab serial   {med(ser):8.1f} ms/sweep")
print(f"  alignlab parallel {med(par):8.1f} ms/sweep")
print(f"  scipy CSR         {med(sci):8.1f} ms/sweep")
rs = [s / a for s, a in zip(sci, ser)]
rp = [s / a for s, a in zip(sci, par)]
print(f"  ratio scipy/alignlab: serial {med(rs):.2f} (rounds {', '.join(f'{x:.2f}' for x in rs)}), "
      f"parallel {med(rp):.2f} (rounds {', '.join(f'{x:.2f}' for x in rp)})")
best = max(med(rs), med(rp))
print(f"  goal (faster than scipy in the same run): {'met' if best > 1 else 'MISSED'}")
PY
