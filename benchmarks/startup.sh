#!/usr/bin/env bash
# Start-up time of `alignlab list` and `alignlab describe ID`, JVM start included, through the launcher exactly as a
# user types it. Goal (issue 2): under 0.5 s each. Prints the median and the spread of N runs (default 20).
# Usage: benchmarks/startup.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
./alignlab list >/dev/null   # builds if needed and writes the class-data archive on first use
./alignlab list >/dev/null
id=$(./alignlab list --json | sed -n 's/.*"id" : "\([^"]*\)".*/\1/p' | head -n 1)
measure() {
  local label=$1; shift
  local times=()
  for _ in $(seq "$n"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  local med min max
  med=$(echo "$sorted" | sed -n "$(( (n + 1) / 2 ))p")
  min=$(echo "$sorted" | head -n 1)
  max=$(echo "$sorted" | tail -n 1)
  printf '%-40s median %4d ms  (min %d, max %d, n=%d)  goal < 500 ms: %s\n' "$label" "$med" "$min" "$max" "$n" \
    "$([ "$med" -lt 500 ] && echo met || echo MISSED)"
}
store=$(mktemp -d)
trap 'rm -rf "$store"' EXIT
measure "list (no store yet)" ./alignlab --store "$store/alignlab.db" list
measure "describe $id (no store yet)" ./alignlab --store "$store/alignlab.db" describe "$id"
./alignlab --store "$store/alignlab.db" reproduce >/dev/null
measure "list (store with runs)" ./alignlab --store "$store/alignlab.db" list
measure "describe $id (store with runs)" ./alignlab --store "$store/alignlab.db" describe "$id"
measure "--help" ./alignlab --help
