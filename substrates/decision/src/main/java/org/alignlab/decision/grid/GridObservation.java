package org.alignlab.decision.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the agent of a gridworld sees: the board as glyphs, packed a few bits per cell into longs (see
 * {@link Legend#bitsPerCell()}). A value type: equal boards are equal observations, and the hash is computed once,
 * so observations serve as keys of tabular agents' hash maps.
 */
public final class GridObservation {
    private final Legend legend;
    private final int rows;
    private final int cols;
    private final long[] words;
    private final int hash;

    GridObservation(Legend legend, int rows, int cols, long[] words) {
        this.legend = legend;
        this.rows = rows;
        this.cols = cols;
        this.words = words;
        int h = 31 * rows + cols;
        for (long w : words) h = 31 * h + Long.hashCode(w);
        this.hash = h;
    }

    public Legend legend() {
        return legend;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public char glyph(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") is outside the " + rows + "×" + cols + " board");
        }
        return glyph(row * cols + col);
    }

    /** The glyph of a cell ({@code row * cols + col}). */
    public char glyph(int cell) {
        return legend.glyph(Boards.get(words, legend, cell));
    }

    /** The legend code of a cell. */
    public int code(int cell) {
        return Boards.get(words, legend, cell);
    }

    /** The packed board (a copy): a compact key for agents that want one. */
    public long[] words() {
        return words.clone();
    }

    /** The board as rows of glyphs. */
    public List<String> lines() {
        List<String> out = new ArrayList<>(rows);
        char[] row = new char[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) row[c] = glyph(r * cols + c);
            out.add(new String(row));
        }
        return out;
    }

    /** The board as text, rows separated by line breaks. */
    public String text() {
        return String.join("\n", lines());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof GridObservation g)) return false;
        return hash == g.hash && rows == g.rows && cols == g.cols && Arrays.equals(words, g.words)
                && (legend == g.legend || legend.equals(g.legend));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return text();
    }
}
