#!/usr/bin/env python3
"""Peer for TournamentBenchmark: the same round-robin tournaments played by the Axelrod Python library (Knight et al.
2016), 200 turns, 5 repetitions, serial unless --processes is given.

  first  Axelrod's first tournament: axl.axelrod_first_strategies (15 players).
  fifty  the 23 strategies both libraries implement, then Random at 0.1 .. 0.9 and 18 memory-one players whose four
         probabilities come from the same integer formula as TournamentBenchmark.memoryOneVector (50 players).

The library is imported from the directory named by the environment variable AXELROD_DIR (a checkout of its source).
Prints one line per tournament: PEER players=.. n=.. seconds=.. (the best of --runs timed plays).
"""
import argparse
import os
import sys
import time
import warnings


def load_axelrod():
    d = os.environ.get("AXELROD_DIR")
    if not d:
        sys.exit("set AXELROD_DIR to a checkout of the Axelrod library's source")
    sys.path.insert(0, d)
    warnings.simplefilter("ignore")
    import axelrod
    return axelrod


def memory_one_vector(k):
    return (((13 + 37 * k) % 101) / 100, ((29 + 53 * k) % 101) / 100,
            ((41 + 71 * k) % 101) / 100, ((7 + 29 * k) % 101) / 100)


def players(axl, which):
    if which == "first":
        return [s() for s in axl.axelrod_first_strategies]
    # the 15 first-tournament entries, then the classics, in the order of alignlab's StrategyRegistry.ids()
    out = [s() for s in axl.axelrod_first_strategies]
    out += [axl.Cooperator(), axl.Defector(), axl.TitFor2Tats(), axl.GTFT(), axl.WinStayLoseShift(),
            axl.Alternator(), axl.ZDExtort2(), axl.ZDGen2()]
    out += [axl.Random(k / 10) for k in range(1, 10)]
    k = 0
    while len(out) < 50:
        out.append(axl.MemoryOnePlayer(four_vector=memory_one_vector(k), initial=axl.Action.C))
        k += 1
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--players", choices=["first", "fifty"], nargs="+", default=["first", "fifty"])
    ap.add_argument("--turns", type=int, default=200)
    ap.add_argument("--repetitions", type=int, default=5)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--processes", type=int, default=None, help="None: serial (default); 0: all cores")
    a = ap.parse_args()
    axl = load_axelrod()
    for which in a.players:
        best = float("inf")
        for _ in range(a.runs):
            ps = players(axl, which)
            t0 = time.perf_counter()
            axl.Tournament(ps, turns=a.turns, repetitions=a.repetitions, seed=1).play(
                processes=a.processes, progress_bar=False)
            best = min(best, time.perf_counter() - t0)
        print(f"PEER players={which} n={len(ps)} seconds={best:.3f}", flush=True)


if __name__ == "__main__":
    main()
