#!/usr/bin/env bash
# Round-robin tournaments of the iterated Prisoner's Dilemma (200 turns, 5 repetitions, self-play): alignlab's
# Tournament (JMH, TournamentBenchmark, 1 thread and all processors) against the Axelrod Python library
# (peers/axelrod_peer.py, serial), one after the other on this machine, for Axelrod's first tournament (15 players)
# and a 50-player tournament (same players on both sides). Goal (issue): >= 50x faster at equal work.
#
# Usage: AXELROD_DIR=<checkout of the Axelrod library> benchmarks/run-tournament.sh [PEER_RUNS]   (default 1)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
: "${AXELROD_DIR:?set AXELROD_DIR to a checkout of the source of the Axelrod Python library}"
. .mvn/find-jdk.sh
_alignlab_find_jdk || exit 2
py=${PYTHON:-/usr/bin/python3}
if ! "$py" -c 'import numpy, scipy, pandas' 2>/dev/null; then
  echo "the Axelrod peer needs numpy, scipy and pandas for $py (Debian: apt-get install -y python3-scipy python3-pandas)" >&2
  exit 2
fi
jar=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ] || [ -n "$(find benchmarks/src substrates/games/src/main -newer "$jar" -type f | head -n 1)" ]; then
  ./mvnw -q -o -pl benchmarks -am package -DskipTests
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores; $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); load: $(uptime)"
"$JAVA_HOME/bin/java" -jar "$jar" TournamentBenchmark -rf json -rff "$out/jmh.json" >"$out/jmh.log" 2>&1 \
  || { cat "$out/jmh.log" >&2; exit 1; }
"$py" benchmarks/peers/axelrod_peer.py --runs "$runs" >"$out/peer.log" 2>&1 || { cat "$out/peer.log" >&2; exit 1; }
"$py" - "$out/jmh.json" "$out/peer.log" "$(nproc)" <<'PY'
import json, re, sys
jmh, log, cores = sys.argv[1], sys.argv[2], sys.argv[3]
t = {(x["params"]["players"], x["params"]["threads"]): x["primaryMetric"]["score"] / 1000 for x in json.load(open(jmh))}
for m in re.finditer(r"PEER players=(\w+) n=(\d+) seconds=([0-9.]+)", open(log).read()):
    which, n, peer = m.group(1), int(m.group(2)), float(m.group(3))
    one, alln = t[(which, "1")], t[(which, "0")]
    print(f"{which} ({n} players, 200 turns, 5 repetitions): Axelrod library {peer:.3f} s serial; "
          f"alignlab 1 thread {one * 1000:.2f} ms (ratio {peer / one:.0f}x), {cores} threads {alln * 1000:.2f} ms "
          f"(ratio {peer / alln:.0f}x); goal >= 50x at 1 thread: {'met' if peer / one >= 50 else 'MISSED'}")
PY
echo "load after: $(uptime)"
