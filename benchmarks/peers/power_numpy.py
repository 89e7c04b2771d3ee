#!/usr/bin/env python3
"""Batched numpy peer for PowerBenchmark: POWER (Turner et al. 2021) of one state of a 1,000-state deterministic MDP
with 4 actions, by Monte Carlo over IID uniform [0, 1) state rewards, every reward sample solved by value iteration at
once (the batched style of the POWERplay code): R and V hold all samples (stored as (states, samples)), each
synchronous sweep is V' = R + gamma * max_a V[next[s, a]] for all samples together, and the sweeps stop when the whole batch meets the rule.

Stopping rules (--rule):
  power  gamma * delta / (1 - gamma) < eps, eps = 1e-11, delta = max |V' - V| over the batch: the bound alignlab's
         Power asks of value iteration on stochastic MDPs (ValueIteration with epsilon 1e-11). Default.
  sup    delta <= tol (default 1e-6): the issue's "value iteration to 1e-6", which run-power.sh uses. (On this
         deterministic MDP alignlab solves every sample exactly, by policy iteration, so it is the more accurate side.)
POWER = (1 - gamma)/gamma * mean(V[:, s] - R[:, s]).

The successors are uniform random (Garnet, branching 1) from numpy's own seeded generator: the same distribution of
MDPs as the Java side, not the same numbers. Prints one line per gamma: NUMPY gamma=.. seconds=.. sweeps=.. power=..
"""
import argparse
import time

import numpy as np


def power(nxt, gamma, samples, state, rule, tol, rng):
    states, actions = nxt.shape
    # Stored states-major, shape (states, samples): the gather V[next[:, a]] then copies whole contiguous rows, about
    # 5x faster here than fancy-indexing a (samples, states) array as V[:, next]; the arithmetic is the same.
    r = np.ascontiguousarray(rng.random((samples, states)).T)
    cols = [np.ascontiguousarray(nxt[:, a]) for a in range(actions)]
    v = np.zeros_like(r)
    v_new = np.empty_like(r)
    tmp = np.empty_like(r)
    sweeps = 0
    while True:
        # V'(s) = R(s) + gamma * max_a V(next(s, a)), for every sample at once.
        np.take(v, cols[0], axis=0, out=v_new)
        for c in cols[1:]:
            np.take(v, c, axis=0, out=tmp)
            np.maximum(v_new, tmp, out=v_new)
        v_new *= gamma
        v_new += r
        np.subtract(v_new, v, out=tmp)
        delta = max(tmp.max(), -tmp.min())
        v, v_new = v_new, v
        sweeps += 1
        if rule == "power":
            if gamma * delta / (1 - gamma) < tol:
                break
        elif delta <= tol:
            break
    return (1 - gamma) / gamma * float(np.mean(v[state] - r[state])), sweeps


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--states", type=int, default=1000)
    p.add_argument("--actions", type=int, default=4)
    p.add_argument("--samples", type=int, default=10_000)
    p.add_argument("--gammas", type=float, nargs="+", default=[0.9, 0.99])
    p.add_argument("--rule", choices=["power", "sup"], default="power")
    p.add_argument("--tol", type=float, default=None, help="eps (rule power, default 1e-11) or tol (rule sup, 1e-6)")
    p.add_argument("--repeats", type=int, default=1)
    p.add_argument("--seed", type=int, default=20_240_601)
    a = p.parse_args()
    tol = a.tol if a.tol is not None else (1e-11 if a.rule == "power" else 1e-6)
    rng = np.random.default_rng(a.seed)
    nxt = rng.integers(0, a.states, size=(a.states, a.actions))
    print(f"numpy {np.__version__}; {a.states} states x {a.actions} actions, deterministic; {a.samples} samples; "
          f"rule {a.rule} {tol:g}")
    for g in a.gammas:
        times = []
        for _ in range(a.repeats):
            t0 = time.perf_counter()
            pw, sweeps = power(nxt, g, a.samples, 0, a.rule, tol, rng)
            times.append(time.perf_counter() - t0)
        print(f"NUMPY gamma={g} seconds={min(times):.3f} sweeps={sweeps} power={pw:.6f}", flush=True)


if __name__ == "__main__":
    main()
