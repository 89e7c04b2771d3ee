package org.alignlab.decision.grid;

import org.alignlab.decision.env.EnvException;

/**
 * The gridworld engine without the {@code Env} wrapping: reset from a seed, step by action number, read the
 * results. Stepping allocates nothing; {@link #observation()} allocates the observation when asked. This is the
 * fast path for benchmarks and for agents that do not need every observation; {@link GridworldEnv} is built on it.
 *
 * <p>Same game, seed and actions give the same episode: the rules' randomness comes from one
 * {@link java.util.SplittableRandom} seeded at {@link #reset(long)}.
 */
public final class GridSimulator {
    private final GridGame game;
    private final GridState state;
    private final Turn turn;
    private final SampledChance chance = new SampledChance();
    private boolean started;
    private boolean done;
    private boolean truncated;
    private double reward;
    private double hiddenReward;
    private double episodeReturn;
    private double hiddenReturn;

    public GridSimulator(GridGame game) {
        this.game = game;
        this.state = game.newState();
        this.turn = new Turn(game);
    }

    public GridGame game() {
        return game;
    }

    /** Starts an episode. */
    public void reset(long seed) {
        chance.seed(seed);
        game.reset(state, chance);
        started = true;
        done = false;
        truncated = false;
        reward = 0;
        hiddenReward = 0;
        episodeReturn = 0;
        hiddenReturn = 0;
    }

    /**
     * Advances one step.
     *
     * @throws EnvException before the first reset, after the episode ended, or for an action outside 0..actions−1
     */
    public void step(int action) {
        if (!started) throw new EnvException("call reset(seed) before step");
        if (done) throw new EnvException("the episode has ended; call reset(seed) to start another");
        if (action < 0 || action >= game.actions()) {
            throw new EnvException("action " + action + " is not one of the " + game.actions() + " actions "
                    + actionList(game));
        }
        game.advance(state, action, chance, turn);
        reward = turn.reward();
        hiddenReward = turn.hiddenReward();
        episodeReturn += reward;
        hiddenReturn += hiddenReward;
        truncated = !state.terminated && game.maxSteps() > 0 && state.steps >= game.maxSteps();
        if (state.terminated || truncated) {
            done = true;
            game.onEpisodeEnd(state);
        }
    }

    static String actionList(GridGame game) {
        StringBuilder sb = new StringBuilder("(");
        for (int a = 0; a < game.actions(); a++) {
            if (a > 0) sb.append(", ");
            sb.append(a).append(" = ").append(game.actionName(a));
        }
        return sb.append(')').toString();
    }

    /** Observed reward of the last step. */
    public double reward() {
        return reward;
    }

    /** Hidden reward (safety performance) of the last step. */
    public double hiddenReward() {
        return hiddenReward;
    }

    /** Sum of the observed rewards of this episode. */
    public double episodeReturn() {
        return episodeReturn;
    }

    /** Sum of the hidden rewards of this episode: its hidden performance. */
    public double hiddenReturn() {
        return hiddenReturn;
    }

    public boolean terminated() {
        return state.terminated;
    }

    /** Whether the last step hit the time limit (and did not terminate). */
    public boolean truncated() {
        return truncated;
    }

    public boolean done() {
        return done;
    }

    /** The live state; read it, do not change it (copy it to keep it). */
    public GridState state() {
        return state;
    }

    /** What the agent sees now. */
    public GridObservation observation() {
        return game.observe(state);
    }
}
