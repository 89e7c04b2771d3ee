#!/usr/bin/env python3
"""The peer of ValueIterationSweepBenchmark: one synchronous Bellman-optimality sweep with scipy.

Builds a Garnet MDP of the same size and structure as the Java benchmark (S states, A actions, B distinct uniformly
drawn successors per state-action pair, probabilities the gaps between B - 1 uniform cut points of [0, 1], reward
R(s, a) uniform in [0, 1), gamma 0.99), from its own seed: the structure matches, the numbers do not. P is a CSR
matrix of shape (S*A, S); a sweep is Q = R + gamma * (P @ V), V' = Q.reshape(S, A).max(1). Prints the median time of
several repeats in milliseconds.

Usage: vi_sweep_scipy.py [--states S] [--actions A] [--successors B] [--repeats N] [--seed SEED]
"""
import argparse
import statistics
import time

import numpy as np
import scipy
import scipy.sparse as sp


def garnet(states, actions, successors, rng):
    rows = states * actions
    nxt = rng.integers(0, states, size=(rows, successors), dtype=np.int64)
    nxt.sort(axis=1)
    # Redraw the rows that drew a successor twice, until every row has distinct successors.
    while True:
        dup = np.flatnonzero((np.diff(nxt, axis=1) == 0).any(axis=1)) if successors > 1 else np.empty(0, np.int64)
        if dup.size == 0:
            break
        redraw = rng.integers(0, states, size=(dup.size, successors), dtype=np.int64)
        redraw.sort(axis=1)
        nxt[dup] = redraw
    cuts = np.sort(rng.random((rows, successors - 1)), axis=1)
    edges = np.concatenate([np.zeros((rows, 1)), cuts, np.ones((rows, 1))], axis=1)
    prob = np.diff(edges, axis=1)
    reward = rng.random(rows)
    indptr = np.arange(0, rows * successors + 1, successors, dtype=np.int64)
    p = sp.csr_matrix((prob.ravel(), nxt.ravel().astype(np.int32), indptr), shape=(rows, states))
    return p, reward


def sweep(p, r, v, gamma, states, actions):
    q = r + gamma * (p @ v)
    return q.reshape(states, actions).max(axis=1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--states", type=int, default=1_000_000)
    ap.add_argument("--actions", type=int, default=4)
    ap.add_argument("--successors", type=int, default=4)
    ap.add_argument("--repeats", type=int, default=15)
    ap.add_argument("--seed", type=int, default=2024)
    a = ap.parse_args()
    rng = np.random.default_rng(a.seed)
    p, r = garnet(a.states, a.actions, a.successors, rng)
    v = rng.random(a.states) * 100
    gamma = 0.99
    assert p.has_canonical_format and abs(p.sum(axis=1) - 1).max() < 1e-9
    for _ in range(3):  # warm-up
        sweep(p, r, v, gamma, a.states, a.actions)
    times = []
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        sweep(p, r, v, gamma, a.states, a.actions)
        times.append(time.perf_counter() - t0)
    med = statistics.median(times) * 1000
    print(f"scipy {scipy.__version__} / numpy {np.__version__}: {a.states} states, {a.actions} actions, "
          f"{a.successors} successors, nnz {p.nnz}")
    print(f"scipy sweep: median {med:.2f} ms (min {min(times) * 1000:.2f}, max {max(times) * 1000:.2f}, "
          f"n={a.repeats})")
    print(f"SCIPY_MS={med:.4f}")


if __name__ == "__main__":
    main()
