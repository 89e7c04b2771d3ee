package org.alignlab.decision.grid;

/**
 * What a glyph of a {@link Legend} stands for. Tiles form the board's tile layer (floor, walls, goals, lava, ...; the
 * rules may repaint them during an episode); the other kinds are movable objects, each with a position in the
 * {@link GridState}.
 */
public enum GlyphKind {
    /** A cell of the tile layer. Whether it blocks the agent and objects is set in the legend. */
    TILE,
    /** The agent: exactly one per map, object 0 of every state. */
    AGENT,
    /** A pushable object (Sokoban rules): the agent walking into it pushes it one cell if the cell behind is free. */
    BOX,
    /** A movable object that only the rules move ({@link Turn#move(int, int)}); solid or not, as the legend says. */
    SPRITE
}
