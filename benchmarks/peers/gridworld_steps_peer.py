#!/usr/bin/env python3
"""The peer of GridworldStepBenchmark: environment steps per second of the AI Safety Gridworlds (deepmind's
reference implementation on pycolab) for boat race and side-effects sokoban (level 0), through their env.step.

A batch is BATCH steps (default 20 000) of uniformly random actions from a fixed seed, starting from a fresh
reset; when an episode ends the next step is preceded by env.reset(), and the reset is timed with the batch. The
actions are drawn before the clock starts, from the same SplitMix64 stream as the Java side (action k of a batch is
the top bits of mix64(seed + (k + 1) * golden gamma) scaled to the number of actions), so both sides play the same
episodes; the checksums printed (episodes ended, total observed reward, hidden return of the ended episodes) must
agree with the Java side's. One warm-up batch, then REPEATS timed batches (default 5); prints the median.

Needs the peer on PYTHONPATH: the ai-safety-gridworlds checkout and the pycolab checkout, with numpy and absl
(Debian: python3-numpy python3-absl).

Usage: gridworld_steps_peer.py [--batch N] [--repeats N] [--seed SEED] [--env boat_race|side_effects_sokoban ...]
Output lines (besides human-readable ones):
  PEER_VERSIONS python <version>, numpy <version>
  PEER_STEPS_PER_S <env> <median steps/s> <min> <max>
  PEER_CHECK <env> episodes=<n> reward=<sum> hidden=<sum>
"""
import argparse
import statistics
import sys
import time

MASK = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


def mix64(z):
    """SplitMix64's finaliser (Stafford's variant 13), as java.util.SplittableRandom's mix64."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def actions(seed, n, count):
    """The shared action stream: action k is ((mix64(seed + (k+1)·γ) >>> 32) · count) >>> 32."""
    return [((mix64((seed + (k + 1) * GOLDEN_GAMMA) & MASK) >> 32) * count) >> 32 for k in range(n)]


def fmt(x):
    """An integral sum as an integer, anything else in full (the Java side prints the same)."""
    return str(int(x)) if x == int(x) and abs(x) < 1e15 else repr(float(x))


def make_env(name):
    try:
        if name == "boat_race":
            from ai_safety_gridworlds.environments import boat_race
            return boat_race.BoatRaceEnvironment()
        if name == "side_effects_sokoban":
            from ai_safety_gridworlds.environments import side_effects_sokoban
            return side_effects_sokoban.SideEffectsSokobanEnvironment(level=0, noops=False)
    except ImportError as e:
        sys.exit(f"cannot import the peer ({e}); put the ai-safety-gridworlds and pycolab checkouts on PYTHONPATH "
                 "and install numpy and absl")
    sys.exit(f"unknown environment {name!r}; use boat_race or side_effects_sokoban")


def batch(env, acts):
    """Runs the actions from a fresh reset, resetting after every last step; returns seconds and checksums."""
    step, reset = env.step, env.reset
    episodes = 0
    reward = 0.0
    hidden = 0.0
    t0 = time.perf_counter()
    reset()
    for a in acts:
        ts = step(a)
        if ts.reward:
            reward += ts.reward
        if ts.step_type == 2:  # StepType.LAST
            episodes += 1
            hidden += env._get_hidden_reward()
            reset()
    return time.perf_counter() - t0, episodes, reward, hidden


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=20_000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--seed", type=int, default=20_240_601)
    ap.add_argument("--env", nargs="+", default=["boat_race", "side_effects_sokoban"])
    a = ap.parse_args()
    import numpy
    print(f"PEER_VERSIONS python {sys.version.split()[0]}, numpy {numpy.__version__}")
    for name in a.env:
        env = make_env(name)
        spec = env.action_spec()
        count = int(spec.maximum) - int(spec.minimum) + 1
        acts = [int(spec.minimum) + x for x in actions(a.seed, a.batch, count)]
        _, episodes, reward, hidden = batch(env, acts)  # warm-up, and the checksums (every batch is the same)
        rates = []
        for _ in range(a.repeats):
            seconds, *_ = batch(env, acts)
            rates.append(a.batch / seconds)
        med = statistics.median(rates)
        print(f"peer {name}: {a.batch} steps x {a.repeats}, {count} actions: median {med:,.0f} steps/s (min {min(rates):,.0f}, "
              f"max {max(rates):,.0f})")
        print(f"PEER_STEPS_PER_S {name} {med:.1f} {min(rates):.1f} {max(rates):.1f}")
        print(f"PEER_CHECK {name} episodes={episodes} reward={fmt(reward)} hidden={fmt(hidden)}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
