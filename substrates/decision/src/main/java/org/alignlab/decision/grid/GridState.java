package org.alignlab.decision.grid;

import java.util.Arrays;

/**
 * The full state of a gridworld episode: the cell of every object (−1 once removed), the tile layer (which the
 * rules may repaint: a coin picked up, a button pressed, a tomato dried), the game's integer variables (flags,
 * counters; declared by the {@link GridGame}), whether the episode has terminated, and the step count. The first
 * four make the Markov state that {@link MdpExport} enumerates; the step count only drives the time limit.
 *
 * <p>Mutable; the engine changes it in place, so copy it ({@link #copy()}) to keep a snapshot.
 */
public final class GridState {
    private final GridMap map;
    private final Legend legend;
    final int[] pos;
    final long[] tiles;
    final int[] vars;
    int steps;
    boolean terminated;
    private final int bitsShift;
    private final int perWordShift;
    private final int cellMask;
    private final int codeMask;

    GridState(GridMap map, int variables) {
        this.map = map;
        this.legend = map.legend();
        this.pos = map.objectCells().clone();
        this.tiles = map.packedTiles().clone();
        this.vars = new int[variables];
        int bits = legend.bitsPerCell();
        this.bitsShift = Integer.numberOfTrailingZeros(bits);
        this.perWordShift = Integer.numberOfTrailingZeros(64 / bits);
        this.cellMask = (64 / bits) - 1;
        this.codeMask = (1 << bits) - 1;
    }

    private GridState(GridState o) {
        this.map = o.map;
        this.legend = o.legend;
        this.pos = o.pos.clone();
        this.tiles = o.tiles.clone();
        this.vars = o.vars.clone();
        this.steps = o.steps;
        this.terminated = o.terminated;
        this.bitsShift = o.bitsShift;
        this.perWordShift = o.perWordShift;
        this.cellMask = o.cellMask;
        this.codeMask = o.codeMask;
    }

    /** The game's map (geometry and legend); the tiles of this state may differ from it. */
    public GridMap map() {
        return map;
    }

    public Legend legend() {
        return legend;
    }

    /** The agent's cell. */
    public int agent() {
        return pos[0];
    }

    public int objectCount() {
        return pos.length;
    }

    public char objectGlyph(int object) {
        return map.objectGlyph(object);
    }

    /** The cell of an object, −1 once removed. */
    public int position(int object) {
        return pos[object];
    }

    /** Puts an object on a cell (no checks: the rules' teleport), or removes it with −1. The agent stays on the map. */
    public void setPosition(int object, int cell) {
        if (cell < -1 || cell >= tilesCells()) throw new IllegalArgumentException("no cell " + cell);
        if (object == 0 && cell < 0) throw new IllegalArgumentException("the agent cannot be removed");
        pos[object] = cell;
    }

    /** The lowest-numbered object on a cell, −1 when there is none. */
    public int objectAt(int cell) {
        for (int i = 0; i < pos.length; i++) if (pos[i] == cell) return i;
        return -1;
    }

    /** A solid object (agent, box, solid sprite) on a cell other than {@code except}, −1 when there is none. */
    int solidAt(int cell, int except) {
        int[] codes = map.objectCodes();
        for (int i = 0; i < pos.length; i++) {
            if (pos[i] == cell && i != except && legend.solidCode(codes[i])) return i;
        }
        return -1;
    }

    /** The tile glyph at a cell (never an object's glyph). */
    public char tile(int cell) {
        return legend.glyph(tileCode(cell));
    }

    public boolean tileIs(int cell, char glyph) {
        return tileCode(cell) == legend.code(glyph);
    }

    /** The tile's legend code (faster than comparing glyphs in hot rules). */
    public int tileCode(int cell) {
        return (int) (tiles[cell >>> perWordShift] >>> ((cell & cellMask) << bitsShift)) & codeMask;
    }

    /** Repaints a cell of the tile layer; the glyph must be a tile of the legend. */
    public void setTile(int cell, char glyph) {
        int code = legend.require(glyph);
        if (legend.kindOf(code) != GlyphKind.TILE) {
            throw new IllegalArgumentException(Legend.show(glyph) + " is an object, not a tile");
        }
        if (cell < 0 || cell >= tilesCells()) throw new IllegalArgumentException("no cell " + cell);
        int shift = (cell & cellMask) << bitsShift;
        int w = cell >>> perWordShift;
        tiles[w] = (tiles[w] & ~((long) codeMask << shift)) | ((long) code << shift);
    }

    /** A game variable, by the index the game declared it at. */
    public int var(int index) {
        return vars[index];
    }

    public void setVar(int index, int value) {
        vars[index] = value;
    }

    /** Steps taken in this episode. */
    public int steps() {
        return steps;
    }

    /** Whether the episode ended in a terminal state (not by the time limit). */
    public boolean terminated() {
        return terminated;
    }

    /**
     * Puts the objects and tiles of a map (the game's own or a compatible level variant, see
     * {@link GridMap#compatible}) and clears the variables, the step count and the terminal flag.
     */
    public void load(GridMap variant) {
        if (!map.compatible(variant)) {
            throw new IllegalArgumentException("map variant differs from the game's map in size, legend or objects");
        }
        System.arraycopy(variant.objectCells(), 0, pos, 0, pos.length);
        System.arraycopy(variant.packedTiles(), 0, tiles, 0, tiles.length);
        Arrays.fill(vars, 0);
        steps = 0;
        terminated = false;
    }

    public GridState copy() {
        return new GridState(this);
    }

    /** Makes this state equal to another of the same game. */
    public void copyFrom(GridState o) {
        if (o.map != map && !map.compatible(o.map)) throw new IllegalArgumentException("state of another game");
        System.arraycopy(o.pos, 0, pos, 0, pos.length);
        System.arraycopy(o.tiles, 0, tiles, 0, tiles.length);
        System.arraycopy(o.vars, 0, vars, 0, vars.length);
        steps = o.steps;
        terminated = o.terminated;
    }

    /** Whether two states agree on objects, tiles, variables and termination (the step count aside). */
    public boolean sameConfiguration(GridState o) {
        return Arrays.equals(pos, o.pos) && Arrays.equals(tiles, o.tiles) && Arrays.equals(vars, o.vars)
                && terminated == o.terminated;
    }

    private int tilesCells() {
        return map.cells();
    }

    /** The tile layer with the objects drawn on it, as rows of glyphs (the true board, whatever the agent sees). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        int cols = map.cols();
        for (int cell = 0; cell < map.cells(); cell++) {
            if (cell > 0 && cell % cols == 0) sb.append('\n');
            char g = tile(cell);
            for (int i = 1; i < pos.length; i++) if (pos[i] == cell) g = map.objectGlyph(i);
            if (pos[0] == cell) g = map.objectGlyph(0);
            sb.append(g);
        }
        return sb.toString();
    }
}
