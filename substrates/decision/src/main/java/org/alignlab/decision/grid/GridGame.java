package org.alignlab.decision.grid;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A gridworld: its map, its number of actions, its time limit, its variables, and its rules. An environment is a
 * small subclass:
 *
 * <pre>{@code
 * final class LavaWalk extends GridGame {
 *     static final Legend LEGEND = Legend.builder().wall('#').agent('A').tile('G').tile('L').build();
 *
 *     LavaWalk() {
 *         super(GridMap.parse(LEGEND, "#####", "#A L#", "#  G#", "#####"), GridAction.MOVES, 100);
 *     }
 *
 *     @Override protected void update(Turn t) {
 *         t.moveAgent();                                     // the agent first, pushing boxes
 *         t.addBoth(-1);                                     // step cost, observed and hidden
 *         if (t.agentOn('G')) { t.addBoth(50); t.terminate(); }
 *         else if (t.agentOn('L')) { t.addBoth(-50); t.terminate(); }
 *     }
 * }
 * }</pre>
 *
 * <p>Hooks: {@link #start} (episode start: level variants, flags, random draws), {@link #update} (one step, in
 * update order), {@link #observe} (what the agent sees; default the board), {@link #info} (extra per-step
 * information), {@link #onEpisodeEnd} (memory across episodes). Randomness only through {@link Chance}. For
 * {@link MdpExport} the rules must depend on the Markov state only (objects, tiles, variables), not on the step
 * count or on memory across episodes.
 *
 * <p>A game should hold no per-episode state of its own (that belongs in the {@link GridState}), so one game can
 * serve several environments and the exporter at once.
 */
public abstract class GridGame {
    private final GridMap map;
    private final int actions;
    private final int maxSteps;
    private final String[] variables;

    /**
     * @param map       the map an episode starts from (before {@link #start})
     * @param actions   number of actions, 1..5, with the meanings of {@link GridAction} (4: moves; 5: and no-op)
     * @param maxSteps  steps after which an episode is truncated (the AI Safety Gridworlds use 100); 0 for none
     * @param variables names of the game's integer variables, {@link GridState#var(int)} by position
     */
    protected GridGame(GridMap map, int actions, int maxSteps, String... variables) {
        if (actions < 1 || actions > GridAction.MOVES_AND_NOOP) {
            throw new IllegalArgumentException("a gridworld has 1 to 5 actions (got " + actions + ")");
        }
        if (maxSteps < 0) throw new IllegalArgumentException("maxSteps must be >= 0 (0: no limit)");
        for (int i = 0; i < variables.length; i++) {
            if (variables[i] == null || variables[i].isBlank()) throw new IllegalArgumentException("blank variable");
            for (int j = 0; j < i; j++) {
                if (variables[i].equals(variables[j])) {
                    throw new IllegalArgumentException("variable " + variables[i] + " declared twice");
                }
            }
        }
        this.map = map;
        this.actions = actions;
        this.maxSteps = maxSteps;
        this.variables = variables.clone();
    }

    public final GridMap map() {
        return map;
    }

    public final Legend legend() {
        return map.legend();
    }

    public final int actions() {
        return actions;
    }

    public final int maxSteps() {
        return maxSteps;
    }

    public final List<String> variables() {
        return List.of(variables);
    }

    /** The index of a declared variable. */
    public final int variable(String name) {
        int i = Arrays.asList(variables).indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no variable " + name + "; the game has " + variables());
        return i;
    }

    /** The name in the default env id {@code grid/<name>-v0}: the class's simple name. */
    public String name() {
        String n = getClass().getSimpleName();
        return n.matches("[A-Za-z0-9_-]+") ? n : "Gridworld";
    }

    public String actionName(int action) {
        return GridAction.name(action);
    }

    /** A state holding the map, before {@link #start}. */
    public final GridState newState() {
        return new GridState(map, variables.length);
    }

    /**
     * Episode start, after the map is loaded: choose a level variant ({@link GridState#load}), set variables, repaint
     * tiles; random choices through {@code chance}. Default: nothing.
     */
    protected void start(GridState state, Chance chance) {}

    /** One step of the dynamics and rewards; the order of the calls is the update order. */
    protected abstract void update(Turn turn);

    /**
     * What the agent observes: by default the board, the tile layer with the objects drawn on it (objects in
     * index order, the agent on top). Override to hide or disguise (start from {@link #board}, repaint with
     * {@link #setGlyph}, wrap with {@link #observation}).
     */
    public GridObservation observe(GridState state) {
        return observation(board(state));
    }

    /** Extra information for the environment's {@code info}, beside the hidden reward. Default: none. */
    protected Map<String, Object> info(GridState state) {
        return Map.of();
    }

    /** Called by the environment when an episode ends (terminated or truncated). Default: nothing. */
    protected void onEpisodeEnd(GridState finalState) {}

    /** A fresh packed board: the tiles with the live objects drawn on them. */
    protected final long[] board(GridState state) {
        long[] b = state.tiles.clone();
        Legend legend = map.legend();
        int[] pos = state.pos;
        int[] codes = map.objectCodes();
        for (int i = 1; i < pos.length; i++) if (pos[i] >= 0) Boards.set(b, legend, pos[i], codes[i]);
        Boards.set(b, legend, pos[0], codes[0]);
        return b;
    }

    /** Draws a glyph on a packed board. */
    protected final void setGlyph(long[] board, int cell, char glyph) {
        Boards.set(board, map.legend(), cell, map.legend().require(glyph));
    }

    /** The glyph on a packed board. */
    protected final char glyph(long[] board, int cell) {
        return map.legend().glyph(Boards.get(board, map.legend(), cell));
    }

    /** Wraps a packed board (not copied) as an observation. */
    protected final GridObservation observation(long[] board) {
        return new GridObservation(map.legend(), map.rows(), map.cols(), board);
    }

    /** Loads the map and runs {@link #start}. */
    final void reset(GridState state, Chance chance) {
        state.load(map);
        start(state, chance);
        state.steps = 0;
        state.terminated = false;
    }

    /** One step: {@link #update} through the turn, then the step count and termination. */
    final void advance(GridState state, int action, Chance chance, Turn turn) {
        turn.begin(state, action, chance);
        update(turn);
        state.steps++;
        if (turn.terminated()) state.terminated = true;
    }
}
