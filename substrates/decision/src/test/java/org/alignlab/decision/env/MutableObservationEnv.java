package org.alignlab.decision.env;

import java.util.Map;
import java.util.SplittableRandom;

/** Returns the same mutable observation object every step, updated in place: the aliasing bug. */
final class MutableObservationEnv implements Env<MutableObservationEnv.Position, Integer> {
    static final class Position {
        int x;

        @Override
        public boolean equals(Object o) {
            return o instanceof Position p && p.x == x;
        }

        @Override
        public int hashCode() {
            return x;
        }

        @Override
        public String toString() {
            return "Position(" + x + ")";
        }
    }

    private final Position position = new Position();
    private final Space.Discrete actions = new Space.Discrete(2);
    private boolean started;
    private boolean finished;

    @Override
    public EnvSpec spec() {
        return EnvSpec.of("test/Mutable-v0");
    }

    @Override
    public Space<Position> observationSpace() {
        return new Space<>() {
            @Override
            public boolean contains(Position p) {
                return p != null && p.x >= 0 && p.x <= 3;
            }

            @Override
            public Position sample(SplittableRandom rng) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Override
    public Space<Integer> actionSpace() {
        return actions;
    }

    @Override
    public Reset<Position> reset(long seed) {
        position.x = 0;
        started = true;
        finished = false;
        return Reset.of(position);
    }

    @Override
    public Step<Position> step(Integer action) {
        if (!started) throw EnvException.notReset(spec());
        if (finished) throw EnvException.finished(spec());
        if (!actions.contains(action)) throw EnvException.actionOutside(spec(), action, actions);
        position.x = Math.max(0, position.x + (action == 1 ? 1 : -1));
        finished = position.x == 3;
        return new Step<>(position, 0, finished, false, Map.of());
    }
}
