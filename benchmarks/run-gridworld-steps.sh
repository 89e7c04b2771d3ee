#!/usr/bin/env bash
# Gridworld steps per second, boat race and side-effects sokoban (level 0), alignlab (JMH, GridworldStepBenchmark:
# through GridworldEnv.step and through GridSimulator.step) against the AI Safety Gridworlds' reference implementation
# on pycolab (peers/gridworld_steps_peer.py, through its env.step), on this machine, in one go.
# Goal (issue "gridworld steps per second"): at least 100 times the peer's steps per second through GridworldEnv.step.
#
# Both sides play the same episodes: 20k uniformly random actions from one SplitMix64 stream, resets timed with the
# steps; the script first checks that both report the same episodes, total reward and hidden return. They then run in
# alternating rounds (default 3), so that a busy spell on a shared machine hits both; each round gives a ratio, and
# the median round is reported with the spread of the rounds.
#
# The peer: a checkout of github.com/deepmind/ai-safety-gridworlds in AI_SAFETY_GRIDWORLDS_DIR and one of
# github.com/deepmind/pycolab in PYCOLAB_DIR, run by /usr/bin/python3 (or PYTHON) with numpy and absl
# (Debian: apt-get install -y python3-numpy python3-absl).
# Usage: AI_SAFETY_GRIDWORLDS_DIR=... PYCOLAB_DIR=... benchmarks/run-gridworld-steps.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
py=${PYTHON:-/usr/bin/python3}
if [ -z "${AI_SAFETY_GRIDWORLDS_DIR:-}" ] || [ ! -d "${AI_SAFETY_GRIDWORLDS_DIR}/ai_safety_gridworlds" ]; then
  echo "set AI_SAFETY_GRIDWORLDS_DIR to a checkout of github.com/deepmind/ai-safety-gridworlds (the folder that holds ai_safety_gridworlds/)" >&2
  exit 2
fi
if [ -z "${PYCOLAB_DIR:-}" ] || [ ! -d "${PYCOLAB_DIR}/pycolab" ]; then
  echo "set PYCOLAB_DIR to a checkout of github.com/deepmind/pycolab (the folder that holds pycolab/)" >&2
  exit 2
fi
if ! "$py" -c 'import numpy, absl' 2>/dev/null; then
  echo "the peer needs numpy and absl for $py (Debian: apt-get install -y python3-numpy python3-absl)" >&2
  exit 2
fi
export PYTHONPATH="$AI_SAFETY_GRIDWORLDS_DIR:$PYCOLAB_DIR${PYTHONPATH:+:$PYTHONPATH}"
. .mvn/find-jdk.sh
_alignlab_find_jdk || exit 2
jar=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ] || [ -n "$(find benchmarks/pom.xml benchmarks/src substrates/decision/src/main \
    studies/threat-models/src/main -newer "$jar" -type f | head -n 1)" ]; then
  ./mvnw -q -pl benchmarks -am package -DskipTests
fi
java=("$JAVA_HOME/bin/java")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Same episodes on both sides, or the comparison means nothing.
"${java[@]}" -cp "$jar" org.alignlab.benchmarks.GridworldStepBenchmark | tee "$out/ours-check.txt"
"$py" benchmarks/peers/gridworld_steps_peer.py --repeats 1 --batch 20000 >"$out/peer-check.txt"
grep PEER_CHECK "$out/peer-check.txt"
if grep -q MISMATCH "$out/ours-check.txt" \
    || ! diff <(sed -n 's/^OURS_CHECK //p' "$out/ours-check.txt") <(sed -n 's/^PEER_CHECK //p' "$out/peer-check.txt") >/dev/null; then
  echo "alignlab and the peer played different episodes (checksums above differ); not comparing speeds" >&2
  exit 1
fi
echo "same episodes on both sides"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq "$rounds"); do
  "${java[@]}" -jar "$jar" GridworldStepBenchmark -f 1 -wi 5 -w 1 -i 10 -r 1 \
    -rf json -rff "$out/jmh-$r.json" >"$out/jmh-$r.log" 2>&1 || { cat "$out/jmh-$r.log" >&2; exit 1; }
  "$py" benchmarks/peers/gridworld_steps_peer.py --repeats 5 --batch 20000 >"$out/peer-$r.log"
  echo "round $r: $(cut -d' ' -f1-3 /proc/loadavg | sed 's/^/load /')"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

"$py" - "$out" "$rounds" "$(nproc)" "$("${java[@]}" -version 2>&1 | head -n 1)" "$load_before" "$load_after" <<'PY'
import json, statistics, sys
out, rounds, cores, jvm, load0, load1 = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
med = statistics.median
games = ["boat_race", "side_effects_sokoban"]
ours = {(g, m): [] for g in games for m in ("env", "simulator")}   # per round: median of the JMH iterations
ours_all = {k: [] for k in ours}                                       # every iteration of every round
peer = {g: [] for g in games}                                          # per round: median of the peer's batches
peer_spread = {g: [] for g in games}
for r in range(1, rounds + 1):
    for x in json.load(open(f"{out}/jmh-{r}.json")):
        key = (x["params"]["game"], x["benchmark"].rsplit(".", 1)[1])
        its = [v for fork in x["primaryMetric"]["rawData"] for v in fork]
        ours[key].append(med(its))
        ours_all[key].extend(its)
    for line in open(f"{out}/peer-{r}.log"):
        if line.startswith("PEER_STEPS_PER_S"):
            _, g, m, lo, hi = line.split()
            peer[g].append(float(m))
            peer_spread[g] += [float(lo), float(hi)]
        if line.startswith("PEER_VERSIONS "):
            peer_version = line.split(" ", 1)[1].strip()
print(f"\nmachine: {cores} cores, load average (1, 5, 15 min) {load0} before, {load1} after; {jvm}")
print(f"JMH: 1 fork, 5 x 1 s warm-up, 10 x 1 s measurement, 20k-step batches, per round; peer: {peer_version}, "
      f"1 warm-up + 5 timed batches of 20k steps per round; {rounds} alternating round{'s' if rounds > 1 else ''}")
print("steps per second, median of rounds (spread: min-max over all JMH iterations / all peer batches):")
goal_met = True
for g in games:
    p = med(peer[g])
    print(f"  {g}:")
    print(f"    peer (pycolab env.step)     {p:>14,.0f}   ({min(peer_spread[g]):,.0f}-{max(peer_spread[g]):,.0f})")
    for m, label in (("env", "alignlab GridworldEnv.step"), ("simulator", "alignlab GridSimulator.step")):
        o = med(ours[(g, m)])
        ratios = [a / b for a, b in zip(ours[(g, m)], peer[g])]
        a = ours_all[(g, m)]
        print(f"    {label:<27} {o:>14,.0f}   ({min(a):,.0f}-{max(a):,.0f})   ratio ours/peer {med(ratios):,.0f}x "
              f"(rounds {', '.join(f'{x:,.0f}' for x in ratios)})")
        if m == "env" and med(ratios) < 100:
            goal_met = False
print(f"  goal (>= 100x the peer through GridworldEnv.step, both games): {'met' if goal_met else 'MISSED'}")
PY
