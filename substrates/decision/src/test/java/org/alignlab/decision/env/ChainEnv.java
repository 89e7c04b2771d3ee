package org.alignlab.decision.env;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * A tiny correct environment for tests: a walk on cells 0..length; action 1 moves right, 0 moves left (floored at
 * 0), and with probability {@code slip} the move goes the other way. Reaching {@code length} terminates with reward
 * 1; every step costs 0.01 and reports a hidden reward of −1 when the agent stands on cell 1 (a "vase"). Observations
 * are {@link Cell} records. {@link Bug} switches in one contract violation at a time, for the checker's tests.
 */
final class ChainEnv implements Env<ChainEnv.Cell, Integer> {
    record Cell(int x) {}

    enum Bug {
        NONE, OBSERVATION_OUTSIDE, NAN_REWARD, STEP_AFTER_DONE_ACCEPTED, BAD_ACTION_ACCEPTED, BAD_ACTION_WRONG_EXCEPTION,
        STEP_BEFORE_RESET_ACCEPTED, RESET_IGNORES_SEED, STATE_SURVIVES_RESET, LAYOUT_DIFFERS_PER_INSTANCE,
        HIDDEN_NOT_A_NUMBER, NULL_STEP
    }

    private static int instances; // only read by LAYOUT_DIFFERS_PER_INSTANCE
    private static long unseeded = 12345; // only used by RESET_IGNORES_SEED

    private final EnvSpec spec;
    private final int length;
    private final double slip;
    private final Bug bug;
    private final Space.Discrete actions = new Space.Discrete(2);
    private final Space<Cell> cells;
    private SplittableRandom rng;
    private int x;
    private boolean finished;
    private long resets;

    ChainEnv(int length, double slip) {
        this(EnvSpec.of("test/Chain-v0"), length, slip, Bug.NONE);
    }

    ChainEnv(EnvSpec spec, int length, double slip, Bug bug) {
        this.spec = spec;
        this.slip = slip;
        this.bug = bug;
        int made;
        synchronized (ChainEnv.class) {
            made = instances++;
        }
        this.length = bug == Bug.LAYOUT_DIFFERS_PER_INSTANCE ? length + made % 2 : length;
        int max = this.length;
        this.cells = new Space<>() {
            @Override
            public boolean contains(Cell c) {
                return c != null && c.x() >= 0 && c.x() <= max;
            }

            @Override
            public Cell sample(SplittableRandom r) {
                return new Cell(r.nextInt(max + 1));
            }

            @Override
            public String toString() {
                return "Cells[0.." + max + "]";
            }
        };
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public Space<Cell> observationSpace() {
        return cells;
    }

    @Override
    public Space<Integer> actionSpace() {
        return actions;
    }

    @Override
    public Reset<Cell> reset(long seed) {
        long s = bug == Bug.RESET_IGNORES_SEED ? unseeded++ : seed;
        // STATE_SURVIVES_RESET: a count that reset should not consult leaks into the dynamics
        rng = new SplittableRandom(bug == Bug.STATE_SURVIVES_RESET ? s + resets++ : s);
        x = bug == Bug.RESET_IGNORES_SEED ? Math.floorMod(s, length) : 0;
        finished = false;
        return new Reset<>(new Cell(x), Map.of("start", x));
    }

    @Override
    public Step<Cell> step(Integer action) {
        if (rng == null && bug != Bug.STEP_BEFORE_RESET_ACCEPTED) throw EnvException.notReset(spec);
        if (rng == null) rng = new SplittableRandom(0);
        if (finished && bug != Bug.STEP_AFTER_DONE_ACCEPTED) throw EnvException.finished(spec);
        if (!actions.contains(action)) {
            if (bug == Bug.BAD_ACTION_WRONG_EXCEPTION) throw new IllegalArgumentException("bad action");
            if (bug != Bug.BAD_ACTION_ACCEPTED) throw EnvException.actionOutside(spec, action, actions);
            action = 0;
        }
        if (bug == Bug.NULL_STEP) return null;
        boolean right = action == 1;
        if (slip > 0 && rng.nextDouble() < slip) right = !right;
        x = Math.max(0, x + (right ? 1 : -1));
        finished = x >= length;
        double reward = (finished ? 1 : 0) - 0.01;
        Object hidden = bug == Bug.HIDDEN_NOT_A_NUMBER ? "minus one" : x == 1 ? -1.0 : 0.0;
        int shown = bug == Bug.OBSERVATION_OUTSIDE && x == 1 ? -1 : x;
        if (bug == Bug.NAN_REWARD && x == 1) reward = Double.NaN;
        return new Step<>(new Cell(shown), reward, finished, false, Map.of(Step.HIDDEN_REWARD, hidden));
    }
}
