#!/usr/bin/env python3
"""Peer for TournamentBenchmark: the same round-robin tournaments played by the Axelrod Python library (Knight et al.
2016), 200 turns, 5 repetitions, serial unless --processes is given.

  first  Axelrod's first tournament: axl.axelrod_first_strategies (15 players).
  fifty  50 named strategies both libraries implement with the same rules (FIFTY below, the same ids in the same
         order as TournamentBenchmark.FIFTY): 19 of alignlab's 23 core strategies and 31 from the literature.

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


# alignlab's StrategyRegistry id -> the name of the Axelrod library's class with the same rule (checked move for move for the
# deterministic ones against each other, 200 turns). alignlab's "zd-generous-2" is Stewart and Plotkin's
# ZDGTFT-2, (1, 1/8, 1, 1/4); alignlab's "gradual" is Beaufils et al.'s rule, which the library calls OriginalGradual.
BY_ID = {
    "tit-for-tat": "TitForTat",
    "tideman-and-chieruzzi": "FirstByTidemanAndChieruzzi",
    "nydegger": "FirstByNydegger",
    "grofman": "FirstByGrofman",
    "shubik": "FirstByShubik",
    "stein-and-rapoport": "FirstBySteinAndRapoport",
    "grudger": "Grudger",
    "davis": "FirstByDavis",
    "graaskamp": "FirstByGraaskamp",
    "downing": "FirstByDowning",
    "feld": "FirstByFeld",
    "joss": "FirstByJoss",
    "tullock": "FirstByTullock",
    "name-withheld": "FirstByAnonymous",
    "random": "Random",
    "cooperator": "Cooperator",
    "defector": "Defector",
    "tit-for-two-tats": "TitFor2Tats",
    "generous-tit-for-tat": "GTFT",
    "win-stay-lose-shift": "WinStayLoseShift",
    "alternator": "Alternator",
    "extort-2": "ZDExtort2",
    "zd-generous-2": "ZDGTFT2",
    "suspicious-tit-for-tat": "SuspiciousTitForTat",
    "two-tits-for-tat": "TwoTitsForTat",
    "hard-tit-for-tat": "HardTitForTat",
    "hard-tit-for-two-tats": "HardTitFor2Tats",
    "slow-tit-for-two-tats": "SlowTitForTwoTats2",
    "bully": "Bully",
    "anti-tit-for-tat": "AntiTitForTat",
    "spiteful-tit-for-tat": "SpitefulTitForTat",
    "adaptive-tit-for-tat": "AdaptiveTitForTat",
    "gradual": "OriginalGradual",
    "soft-grudger": "SoftGrudger",
    "spiteful-cc": "SpitefulCC",
    "easy-go": "EasyGo",
    "grudger-alternator": "GrudgerAlternator",
    "cycler-ccd": "CyclerCCD",
    "cycler-ddc": "CyclerDDC",
    "prober": "Prober",
    "prober-2": "Prober2",
    "prober-3": "Prober3",
    "prober-4": "Prober4",
    "hard-prober": "HardProber",
    "handshake": "Handshake",
    "collective-strategy": "CollectiveStrategy",
    "go-by-majority": "GoByMajority",
    "hard-go-by-majority": "HardGoByMajority",
    "win-shift-lose-stay": "WinShiftLoseStay",
    "doubler": "Doubler",
    "level-punisher": "LevelPunisher",
    "firm-but-fair": "FirmButFair",
    "stochastic-cooperator": "StochasticCooperator",
    "soft-joss": "SoftJoss",
    "zd-extort-3": "ZDExtort3",
    "zd-gen-2": "ZDGen2",
    "negation": "Negation",
    "naive-prober": "NaiveProber",
    "remorseful-prober": "RemorsefulProber",
    "worse-and-worse": "WorseAndWorse",
    "better-and-better": "BetterAndBetter",
}

# the same 50 ids as TournamentBenchmark.FIFTY, in the same order: 19 of alignlab's 23 core strategies (Downing,
# Tideman and Chieruzzi, Shubik and Graaskamp are left out: the two libraries read Axelrod 1980 differently for them),
# then 31 from the literature
FIFTY = [
    "tit-for-tat", "nydegger", "grofman", "stein-and-rapoport", "grudger", "davis", "feld", "joss", "tullock",
    "name-withheld", "random", "cooperator", "defector", "tit-for-two-tats", "generous-tit-for-tat",
    "win-stay-lose-shift", "alternator", "extort-2", "zd-generous-2", "suspicious-tit-for-tat", "two-tits-for-tat",
    "hard-tit-for-tat", "hard-tit-for-two-tats", "slow-tit-for-two-tats", "bully", "anti-tit-for-tat",
    "spiteful-tit-for-tat", "adaptive-tit-for-tat", "gradual", "soft-grudger", "spiteful-cc", "easy-go",
    "grudger-alternator", "cycler-ccd", "cycler-ddc", "prober", "prober-2", "prober-3", "prober-4", "hard-prober",
    "handshake", "collective-strategy", "go-by-majority", "hard-go-by-majority", "win-shift-lose-stay", "doubler",
    "level-punisher", "firm-but-fair", "zd-extort-3", "zd-gen-2",
]


def make(axl, strategy_id):
    """A new instance of the library's class for an alignlab id."""
    return getattr(axl, BY_ID[strategy_id])()


def players(axl, which):
    if which == "first":
        return [s() for s in axl.axelrod_first_strategies]
    return [make(axl, i) for i in FIFTY]


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
