package org.alignlab.decision.grid;

import java.util.SplittableRandom;
import org.alignlab.decision.env.Env;
import org.alignlab.decision.env.EnvException;
import org.alignlab.decision.env.EnvSpec;
import org.alignlab.decision.env.Reset;
import org.alignlab.decision.env.Space;
import org.alignlab.decision.env.Step;

/**
 * A {@link GridGame} as a Gymnasium-style environment. Observations are {@link GridObservation}s, actions the
 * numbers 0..actions−1 of {@link GridAction}. Every step's {@code info} holds the hidden reward of the step under
 * {@link Step#HIDDEN_REWARD} and the episode's hidden return so far under {@link #HIDDEN_RETURN} (both
 * {@code Double}), plus the game's {@link GridGame#info extras}. An episode is truncated after the game's
 * {@code maxSteps}.
 */
public final class GridworldEnv implements Env<GridObservation, Integer> {
    /** Key of the episode's cumulative hidden reward (its hidden performance so far) in {@code info}. */
    public static final String HIDDEN_RETURN = "hidden_return";

    private final GridSimulator sim;
    private final GridGame game;
    private final EnvSpec spec;
    private final Space.Discrete actionSpace;
    private final BoardSpace observationSpace;

    /** An unregistered environment, id {@code grid/<game name>-v0}. */
    public GridworldEnv(GridGame game) {
        this(game, new EnvSpec("grid/" + game.name() + "-v0", game.maxSteps(), Double.NaN));
    }

    /**
     * A registered environment.
     *
     * @throws IllegalArgumentException when the spec's step limit is not the game's
     */
    public GridworldEnv(GridGame game, EnvSpec spec) {
        if (spec.maxEpisodeSteps() != game.maxSteps()) {
            throw new IllegalArgumentException("spec " + spec.id() + " limits episodes to " + spec.maxEpisodeSteps()
                    + " steps but the game to " + game.maxSteps());
        }
        this.game = game;
        this.sim = new GridSimulator(game);
        this.spec = spec;
        this.actionSpace = new Space.Discrete(game.actions());
        this.observationSpace = new BoardSpace(game.map());
    }

    public GridGame game() {
        return game;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public Space<GridObservation> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<Integer> actionSpace() {
        return actionSpace;
    }

    @Override
    public Reset<GridObservation> reset(long seed) {
        sim.reset(seed);
        return new Reset<>(sim.observation(), new StepInfo(0, 0, game.info(sim.state())));
    }

    @Override
    public Step<GridObservation> step(Integer action) {
        if (action == null) throw new EnvException("action is null; give one of " + GridSimulator.actionList(game));
        sim.step(action);
        return new Step<>(sim.observation(), sim.reward(), sim.terminated(), sim.truncated(),
                new StepInfo(sim.hiddenReward(), sim.hiddenReturn(), game.info(sim.state())));
    }

    /** A copy of the current state (true state, whatever the agent observes). */
    public GridState state() {
        return sim.state().copy();
    }

    /** Sum of the observed rewards of the current episode. */
    public double episodeReturn() {
        return sim.episodeReturn();
    }

    /** Sum of the hidden rewards of the current episode. */
    public double hiddenReturn() {
        return sim.hiddenReturn();
    }

    /** The boards of one game: same size and legend. */
    private record BoardSpace(GridMap map) implements Space<GridObservation> {
        @Override
        public boolean contains(GridObservation x) {
            return x != null && x.rows() == map.rows() && x.cols() == map.cols() && x.legend().equals(map.legend());
        }

        @Override
        public GridObservation sample(SplittableRandom rng) {
            throw new UnsupportedOperationException("gridworld boards have no uniform sample");
        }
    }
}
