package org.alignlab.decision.grid;

/**
 * Packed boards: one code per cell, {@link Legend#bitsPerCell()} bits each, 64 / bits cells per long, cell 0 in the
 * lowest bits of word 0. Bits per cell is a power of two, so a cell never straddles two words.
 */
final class Boards {
    private Boards() {}

    static int words(Legend legend, int cells) {
        int perWord = 64 / legend.bitsPerCell();
        return (cells + perWord - 1) / perWord;
    }

    static int get(long[] board, Legend legend, int cell) {
        int bits = legend.bitsPerCell();
        int perWord = 64 / bits;
        return (int) (board[cell / perWord] >>> ((cell % perWord) * bits)) & ((1 << bits) - 1);
    }

    static void set(long[] board, Legend legend, int cell, int code) {
        int bits = legend.bitsPerCell();
        int perWord = 64 / bits;
        int shift = (cell % perWord) * bits;
        long mask = ((1L << bits) - 1) << shift;
        int w = cell / perWord;
        board[w] = (board[w] & ~mask) | ((long) code << shift);
    }
}
