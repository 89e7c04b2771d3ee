#!/usr/bin/env bash
# Neural substrate speed (issue 5): one full-batch AdamW step of Nanda et al. 2023's grokking model (p = 113, 3,831
# rows) in alignlab (JMH, NeuralStepBenchmark) as achieved GFLOP/s against the peak of a float32 n x n matmul measured
# in the same JVM on the same thread count; then the same step and matmul in plain PyTorch (peers/torch_step.py, the
# system python3 with Debian's python3-torch, which uses a generic BLAS) and the ratio of step times.
# Goal (issue): the step at >= 50% of the matmul peak.
#
# Usage: benchmarks/run-neural.sh [THREADS] [N]   (defaults: 1 thread, as the substrate's default; n = 1024)
# FLOPs are counted analytically (NeuralStepBenchmark.grokkingStepFlops: 3 x the forward pass's matmul FLOPs).
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${1:-1}
n=${2:-1024}
. .mvn/find-jdk.sh
_alignlab_find_jdk || exit 2
py=/usr/bin/python3
if ! "$py" -c 'import torch' 2>/dev/null; then
  echo "the PyTorch peer needs torch for $py (Debian: apt-get install -y python3-torch)" >&2
  exit 2
fi
jar=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ] || [ ! -f benchmarks/target/lib/pytorch-native-cpu.jar ] \
   || [ -n "$(find benchmarks/src substrates/neural/src/main -newer "$jar" -type f | head -n 1)" ]; then
  ./mvnw -q -o -pl benchmarks -am package -DskipTests
fi
export OPT_OUT_TRACKING=true
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores; $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); load: $(uptime)"
"$JAVA_HOME/bin/java" -jar "$jar" NeuralStepBenchmark -p threads="$threads" -p matmul="$n" \
  -rf json -rff "$out/jmh.json" >"$out/jmh.log" 2>&1 || { cat "$out/jmh.log" >&2; exit 1; }
flops=$("$JAVA_HOME/bin/java" -cp "$jar" org.alignlab.benchmarks.NeuralStepBenchmark "$n")
# Debian's torch does its matmuls in OpenBLAS, whose own thread pool torch.set_num_threads does not bound
OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads" "$py" benchmarks/peers/torch_step.py --threads "$threads" --matmul "$n" >"$out/torch.log"
"$py" - "$out/jmh.json" "$out/torch.log" "$flops" "$threads" "$n" <<'PY'
import json, re, sys
jmh, log, flops, threads, n = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
f = dict(kv.split("=") for kv in flops.split())
step_flops, mm_flops = float(f["step_flops"]), float(f["matmul_flops"])
ms = {x["benchmark"].rsplit(".", 1)[1]: x["primaryMetric"]["score"] for x in json.load(open(jmh))}
t = dict(kv.split("=") for kv in open(log).read().split())
peak = mm_flops / ms["matmul"] / 1e6
step = step_flops / ms["grokkingStep"] / 1e6
tpeak = mm_flops / float(t[f"matmul{n}_ms"]) / 1e6
tstep = step_flops / float(t["step_ms"]) / 1e6
print(f"threads {threads}; grokking step = {step_flops / 1e9:.2f} GFLOP (3 x forward matmuls), "
      f"matmul {n}^3 = {mm_flops / 1e9:.2f} GFLOP")
print(f"alignlab (DJL): matmul {ms['matmul']:.1f} ms = {peak:.1f} GFLOP/s (peak); "
      f"step {ms['grokkingStep']:.1f} ms = {step:.1f} GFLOP/s = {100 * step / peak:.0f}% of peak; "
      f"goal >= 50%: {'met' if step >= 0.5 * peak else 'MISSED'}")
print(f"PyTorch {t['torch']} (Debian, system python3): matmul {float(t[f'matmul{n}_ms']):.1f} ms = {tpeak:.1f} GFLOP/s; "
      f"step {float(t['step_ms']):.1f} ms = {tstep:.1f} GFLOP/s = {100 * tstep / tpeak:.0f}% of its own peak")
best = max(peak, tpeak)
print(f"against the fastest matmul measured on this machine ({best:.1f} GFLOP/s, "
      f"{'alignlab' if best == peak else 'Debian PyTorch'}): alignlab step {100 * step / best:.0f}%, "
      f"PyTorch step {100 * tstep / best:.0f}%")
print(f"ratio (PyTorch step time / alignlab step time): {float(t['step_ms']) / ms['grokkingStep']:.2f}")
PY
echo "load after: $(uptime)"
