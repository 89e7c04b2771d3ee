#!/usr/bin/env bash
# POWER (Turner et al. 2021) of one state of a 1,000-state deterministic MDP (4 actions) over IID uniform reward
# samples at gamma 0.9 and 0.99: alignlab's Power.estimate (JMH, PowerBenchmark, all processors and 1 thread; exact
# policy iteration per sample, since the MDP is deterministic) against a batched numpy value iteration of the same
# computation stopped at a sup-norm change of 1e-6 (peers/power_numpy.py --rule sup --tol 1e-6, the issue's setup),
# one after the other on this machine. Prints both times and their ratio.
# Goal (issue): >= 10x faster than numpy at both gammas, 10,000 samples each.
#
# Usage: benchmarks/run-power.sh [SAMPLES_AT_0.9] [SAMPLES_AT_0.99]   (defaults 10000 10000)
# Both sides cost time linear in the number of samples; smaller counts give a quick check that the script works.
# JMH times each estimate once after one warm-up estimate (-wi 1 -i 3, single shot); numpy runs once.
set -euo pipefail
cd "$(dirname "$0")/.."
n09=${1:-10000}
n099=${2:-10000}
. .mvn/find-jdk.sh
_alignlab_find_jdk || exit 2
py=/usr/bin/python3
if ! "$py" -c 'import numpy' 2>/dev/null; then
  echo "the numpy peer needs numpy for $py (Debian: apt-get install -y python3-numpy)" >&2
  exit 2
fi
jar=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ] || [ -n "$(find benchmarks/src substrates/decision/src/main -newer "$jar" -type f | head -n 1)" ]; then
  ./mvnw -q -o -pl benchmarks -am package -DskipTests
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores; $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); load: $(uptime)"
for spec in "0.9 $n09" "0.99 $n099"; do
  set -- $spec
  g=$1; n=$2
  "$JAVA_HOME/bin/java" -jar "$jar" PowerBenchmark -p gamma="$g" -p samples="$n" -wi 1 -i 3 \
    -rf json -rff "$out/jmh-$g.json" >"$out/jmh-$g.log" 2>&1 || { cat "$out/jmh-$g.log" >&2; exit 1; }
  "$py" benchmarks/peers/power_numpy.py --rule sup --tol 1e-6 --gammas "$g" --samples "$n" >"$out/numpy-$g.log"
  "$py" - "$out/jmh-$g.json" "$out/numpy-$g.log" "$g" "$n" "$(nproc)" <<'PY'
import json, re, sys
jmh, log, g, n, cores = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
t = {x["params"]["threads"]: x["primaryMetric"]["score"] for x in json.load(open(jmh))}
m = re.search(r"seconds=([0-9.]+) sweeps=(\d+) power=([0-9.]+)", open(log).read())
npy = float(m.group(1))
print(f"gamma {g}, {n} samples: numpy (sup-norm change <= 1e-6) {npy:.3f} s ({m.group(2)} sweeps, "
      f"POWER {m.group(3)}); alignlab (exact) {cores} threads {t['0']:.3f} s, ratio numpy/alignlab "
      f"{npy / t['0']:.1f}; 1 thread {t['1']:.3f} s, ratio {npy / t['1']:.1f}; "
      f"goal >= 10x: {'met' if npy / t['0'] >= 10 else 'MISSED'}")
PY
done
echo "load after: $(uptime)"
