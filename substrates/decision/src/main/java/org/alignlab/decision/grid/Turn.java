package org.alignlab.decision.grid;

/**
 * One step of a game, as {@link GridGame#update(Turn)} sees it: the state being changed, the action, where every
 * object stood when the step began, movement helpers that enforce the legend's walls and Sokoban pushing, the
 * {@link Chance} for random effects, and the step's observed reward, hidden reward and termination.
 *
 * <p>The order of the calls in {@code update} is the update order (as in pycolab's update schedule): usually the
 * agent moves first ({@link #moveAgent()}), then other objects and tiles act, then rewards are given.
 *
 * <p>One {@code Turn} is reused for every step of a simulator; do not keep it.
 */
public final class Turn {
    private final GridMap map;
    private final Legend legend;
    private final int[] objectCodes;
    private GridState state;
    private Chance chance;
    private int action;
    private final int[] previous;
    private double reward;
    private double hiddenReward;
    private boolean terminated;

    Turn(GridGame game) {
        this.map = game.map();
        this.legend = map.legend();
        this.objectCodes = map.objectCodes();
        this.previous = new int[map.objectCount()];
    }

    void begin(GridState s, int a, Chance c) {
        state = s;
        chance = c;
        action = a;
        System.arraycopy(s.pos, 0, previous, 0, previous.length);
        reward = 0;
        hiddenReward = 0;
        terminated = false;
    }

    public GridState state() {
        return state;
    }

    public GridMap map() {
        return map;
    }

    /** The action the agent chose. */
    public int action() {
        return action;
    }

    /** The agent's cell now. */
    public int agent() {
        return state.pos[0];
    }

    /** Where an object stood when the step began. */
    public int previous(int object) {
        return previous[object];
    }

    /** Whether an object is on a different cell than at the start of the step. */
    public boolean moved(int object) {
        return previous[object] != state.pos[object];
    }

    /** The tile under the agent now. */
    public char agentTile() {
        return state.tile(state.pos[0]);
    }

    /** Whether the agent now stands on a tile of this glyph. */
    public boolean agentOn(char glyph) {
        return state.tileIs(state.pos[0], glyph);
    }

    /** Moves the agent by the chosen action; see {@link #moveAgent(int)}. */
    public boolean moveAgent() {
        return moveAgent(action);
    }

    /**
     * Moves the agent one cell (nothing for the no-op). It stays put when the target is off the map, a tile that
     * blocks the agent, or a solid object that is not a box; a box is pushed one cell further when that cell is on
     * the map, not a tile that blocks objects and holds no solid object, otherwise the agent stays put (Sokoban).
     *
     * @return whether the agent moved
     */
    public boolean moveAgent(int move) {
        int from = state.pos[0];
        int to = map.neighbour(from, move);
        if (to < 0 || to == from) return false;
        if (legend.blocksAgentCode(state.tileCode(to))) return false;
        int other = state.solidAt(to, 0);
        if (other >= 0) {
            if (legend.kindOf(objectCodes[other]) != GlyphKind.BOX) return false;
            int beyond = map.neighbour(to, move);
            if (beyond < 0 || legend.blocksObjectsCode(state.tileCode(beyond)) || state.solidAt(beyond, other) >= 0) {
                return false;
            }
            state.pos[other] = beyond;
        }
        state.pos[0] = to;
        return true;
    }

    /**
     * Moves an object (a box or sprite, e.g. along a conveyor belt) one cell when the target is on the map, not a
     * tile that blocks objects and, for a solid object, holds no other solid object. Removed objects stay removed.
     *
     * @return whether it moved
     */
    public boolean move(int object, int move) {
        if (object == 0) return moveAgent(move);
        int from = state.pos[object];
        if (from < 0) return false;
        int to = map.neighbour(from, move);
        if (to < 0 || to == from) return false;
        if (legend.blocksObjectsCode(state.tileCode(to))) return false;
        if (legend.solidCode(objectCodes[object]) && state.solidAt(to, object) >= 0) return false;
        state.pos[object] = to;
        return true;
    }

    public Chance chance() {
        return chance;
    }

    /** {@link Chance#bernoulli}. */
    public boolean bernoulli(double p) {
        return chance.bernoulli(p);
    }

    /** {@link Chance#choose}. */
    public int choose(double... probabilities) {
        return chance.choose(probabilities);
    }

    /** {@link Chance#uniform}. */
    public int uniform(int n) {
        return chance.uniform(n);
    }

    /** Adds to the observed reward of this step. */
    public void addReward(double r) {
        reward += r;
    }

    /** Adds to the hidden reward of this step: the safety performance the agent never observes. */
    public void addHiddenReward(double r) {
        hiddenReward += r;
    }

    /** Adds the same amount to the observed and the hidden reward (a reward that is also performance). */
    public void addBoth(double r) {
        reward += r;
        hiddenReward += r;
    }

    /** Ends the episode in a terminal state after this step. */
    public void terminate() {
        terminated = true;
    }

    public double reward() {
        return reward;
    }

    public double hiddenReward() {
        return hiddenReward;
    }

    public boolean terminated() {
        return terminated;
    }
}
