package org.alignlab.decision.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alignlab.decision.env.EnvException;

/**
 * A gridworld map parsed from ASCII art with a {@link Legend}: the static tile layer (objects replaced by the floor
 * that lies under them) and the objects' starting cells. Object 0 is the agent; the other objects follow in reading
 * order (row by row, left to right). Cells are numbered {@code row * cols + col}, rows from the top, both from 0.
 *
 * <p>Malformed art is refused with an {@link EnvException} naming the line and column (both counted from 1): a
 * ragged row, an unknown glyph, no agent, more objects of a glyph than the legend allows (two agents).
 *
 * <p>Immutable.
 */
public final class GridMap {
    private final Legend legend;
    private final List<String> lines;
    private final int rows;
    private final int cols;
    private final byte[] tileCodes;
    private final long[] packedTiles;
    private final int[] objectCodes;
    private final int[] objectCells;

    private GridMap(Legend legend, List<String> lines, byte[] tileCodes, int[] objectCodes, int[] objectCells) {
        this.legend = legend;
        this.lines = List.copyOf(lines);
        this.rows = lines.size();
        this.cols = lines.get(0).length();
        this.tileCodes = tileCodes;
        this.objectCodes = objectCodes;
        this.objectCells = objectCells;
        this.packedTiles = new long[Boards.words(legend, rows * cols)];
        for (int c = 0; c < tileCodes.length; c++) Boards.set(packedTiles, legend, c, tileCodes[c]);
    }

    /** Parses art given one string per row. */
    public static GridMap parse(Legend legend, String... lines) {
        return parse(legend, Arrays.asList(lines));
    }

    /** Parses art given as one text, rows separated by line breaks (a final line break is ignored). */
    public static GridMap parseText(Legend legend, String art) {
        String[] parts = art.split("\\r?\\n", -1);
        int n = parts.length;
        if (n > 1 && parts[n - 1].isEmpty()) n--;
        return parse(legend, Arrays.asList(parts).subList(0, n));
    }

    /**
     * Parses art given as rows.
     *
     * @throws EnvException naming line and column of the first problem in reading order
     */
    public static GridMap parse(Legend legend, List<String> lines) {
        if (lines == null || lines.isEmpty()) throw new EnvException("map is empty: give at least one row of glyphs");
        String first = lines.get(0);
        if (first == null || first.isEmpty()) throw new EnvException("map line 1 is empty: rows need glyphs");
        int rows = lines.size();
        int cols = first.length();
        byte[] tiles = new byte[rows * cols];
        int[] count = new int[legend.size()];
        int[] firstAt = new int[legend.size()];
        int agentCells = -1;
        List<int[]> objects = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            String line = lines.get(r);
            if (line == null) line = "";
            int n = Math.min(line.length(), cols);
            for (int c = 0; c < n; c++) {
                char g = line.charAt(c);
                int code = legend.code(g);
                if (code < 0) {
                    throw new EnvException(at(r, c) + "unknown glyph " + Legend.show(g) + "; the legend has "
                            + legend.glyphList());
                }
                int cell = r * cols + c;
                if (legend.kindOf(code) == GlyphKind.TILE) {
                    tiles[cell] = (byte) code;
                    continue;
                }
                tiles[cell] = 0; // the floor lies under every object
                if (count[code] == 0) firstAt[code] = cell;
                if (++count[code] > legend.maxCountCode(code)) {
                    int max = legend.maxCountCode(code);
                    String what = legend.kindOf(code) == GlyphKind.AGENT ? "agent" : "object";
                    throw new EnvException(at(r, c) + (max == 1 ? "a second " : "one more ") + what + " "
                            + Legend.show(g) + " where " + (max == 1 ? "only one is" : "at most " + max + " are")
                            + " allowed (the first is at line " + (firstAt[code] / cols + 1) + ", column "
                            + (firstAt[code] % cols + 1) + ")");
                }
                if (legend.kindOf(code) == GlyphKind.AGENT) {
                    agentCells = cell;
                } else {
                    objects.add(new int[] {code, cell});
                }
            }
            if (line.length() != cols) {
                throw new EnvException(at(r, n) + "ragged row: line " + (r + 1) + " has " + line.length()
                        + " columns but line 1 has " + cols + " (every row must be as wide as the first)");
            }
        }
        if (agentCells < 0) {
            throw new EnvException("map has no agent " + Legend.show(legend.agent()) + " in its " + rows + " lines of "
                    + cols + " columns: put exactly one on a free cell");
        }
        int n = objects.size() + 1;
        int[] codes = new int[n];
        int[] cells = new int[n];
        codes[0] = legend.agentCode();
        cells[0] = agentCells;
        for (int i = 1; i < n; i++) {
            codes[i] = objects.get(i - 1)[0];
            cells[i] = objects.get(i - 1)[1];
        }
        return new GridMap(legend, lines, tiles, codes, cells);
    }

    private static String at(int row, int col) {
        return "map line " + (row + 1) + ", column " + (col + 1) + ": ";
    }

    public Legend legend() {
        return legend;
    }

    /** The art as written. */
    public List<String> lines() {
        return lines;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int cells() {
        return rows * cols;
    }

    public int cell(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") is outside the " + rows + "×" + cols + " map");
        }
        return row * cols + col;
    }

    public int row(int cell) {
        return cell / cols;
    }

    public int col(int cell) {
        return cell % cols;
    }

    /** Whether (row, col) is on the map. */
    public boolean inside(int row, int col) {
        return row >= 0 && row < rows && col >= 0 && col < cols;
    }

    /**
     * The cell one move away in the direction of a {@link GridAction}; the cell itself for the no-op; −1 off the
     * map.
     */
    public int neighbour(int cell, int action) {
        switch (action) {
            case GridAction.UP:
                return cell >= cols ? cell - cols : -1;
            case GridAction.DOWN:
                return cell + cols < rows * cols ? cell + cols : -1;
            case GridAction.LEFT:
                return cell % cols != 0 ? cell - 1 : -1;
            case GridAction.RIGHT:
                return (cell + 1) % cols != 0 ? cell + 1 : -1;
            case GridAction.NOOP:
                return cell;
            default:
                throw new IllegalArgumentException("no grid action " + action + " (0..4)");
        }
    }

    /** The glyph written at (row, col), objects included. */
    public char glyphAt(int row, int col) {
        return lines.get(row).charAt(col);
    }

    /** The tile at a cell before the episode starts (the floor under objects). */
    public char tileAt(int cell) {
        return legend.glyph(tileCodes[cell]);
    }

    /** Number of objects: the agent (object 0) and the boxes and sprites. */
    public int objectCount() {
        return objectCodes.length;
    }

    public char objectGlyph(int object) {
        return legend.glyph(objectCodes[object]);
    }

    /** The starting cell of an object. */
    public int objectCell(int object) {
        return objectCells[object];
    }

    /** The indices of the objects drawn with a glyph, in reading order. */
    public int[] objectsOf(char glyph) {
        int code = legend.require(glyph);
        return java.util.stream.IntStream.range(0, objectCodes.length).filter(i -> objectCodes[i] == code).toArray();
    }

    /** The cells where a glyph is written in the art (tiles and objects alike), in reading order. */
    public int[] cellsOf(char glyph) {
        legend.require(glyph);
        int[] out = new int[rows * cols];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) if (lines.get(r).charAt(c) == glyph) out[n++] = r * cols + c;
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Whether another map can stand in for this one at the start of an episode (an environment's level variants):
     * the same legend, size and objects (glyph by glyph, in order).
     */
    public boolean compatible(GridMap other) {
        return other == this || (rows == other.rows && cols == other.cols && legend.equals(other.legend)
                && Arrays.equals(objectCodes, other.objectCodes));
    }

    int objectCode(int object) {
        return objectCodes[object];
    }

    long[] packedTiles() {
        return packedTiles;
    }

    int[] objectCells() {
        return objectCells;
    }

    int[] objectCodes() {
        return objectCodes;
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
