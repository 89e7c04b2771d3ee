package org.alignlab.decision.grid;

/**
 * How {@link GridRender} draws a glyph inside its cell: the whole cell in the glyph's colour, or a shape in the
 * glyph's colour on the floor colour (so that objects stand out from the tiles and arrows show their direction).
 */
public enum CellShape {
    FILL, DISC, SQUARE, DIAMOND, TRIANGLE_UP, TRIANGLE_DOWN, TRIANGLE_LEFT, TRIANGLE_RIGHT
}
