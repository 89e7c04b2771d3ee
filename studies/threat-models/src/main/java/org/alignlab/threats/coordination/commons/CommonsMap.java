package org.alignlab.threats.coordination.commons;

import java.util.List;
import org.alignlab.core.UsageException;

/**
 * The ground of the commons game: a walled-in rectangle, the cells where apples can grow (the orchard) and the
 * cells that are blocked. Apples only ever grow on orchard cells; at the start of an episode every orchard cell holds
 * an apple (Perolat et al. 2017, Sect. 2 and Fig. 1: the episode starts with the full initial resource).
 *
 * @param width   columns
 * @param height  rows
 * @param orchard orchard[y * width + x]: an apple starts here and can regrow here
 * @param wall    wall[y * width + x]: no agent may stand here
 */
public record CommonsMap(int width, int height, boolean[] orchard, boolean[] wall) {
    public CommonsMap {
        if (width < 3 || height < 3) {
            throw new UsageException("commons map must be at least 3x3, got " + width + "x" + height);
        }
        if (orchard.length != width * height || wall.length != width * height) {
            throw new IllegalArgumentException("map arrays must have width * height cells");
        }
        orchard = orchard.clone();
        wall = wall.clone();
    }

    /**
     * Parses rows of text: {@code A} an apple cell, {@code #} a wall, space or {@code .} open ground.
     *
     * @throws UsageException on ragged rows, unknown characters or a map with no apple or no free cell
     */
    public static CommonsMap parse(List<String> rows) {
        if (rows.isEmpty()) throw new UsageException("commons map has no rows");
        int w = rows.get(0).length();
        int h = rows.size();
        boolean[] orchard = new boolean[w * h];
        boolean[] wall = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            String row = rows.get(y);
            if (row.length() != w) {
                throw new UsageException("commons map row " + (y + 1) + " has " + row.length() + " cells, expected "
                        + w + " (all rows must be equally long)");
            }
            for (int x = 0; x < w; x++) {
                char ch = row.charAt(x);
                switch (ch) {
                    case 'A' -> orchard[y * w + x] = true;
                    case '#' -> wall[y * w + x] = true;
                    case ' ', '.' -> { }
                    default -> throw new UsageException("commons map row " + (y + 1) + " column " + (x + 1)
                            + ": unknown cell '" + ch + "' (use A for apple, # for wall, space or . for ground)");
                }
            }
        }
        CommonsMap m = new CommonsMap(w, h, orchard, wall);
        if (m.orchardSize() == 0) throw new UsageException("commons map has no apple cell (A)");
        return m;
    }

    /**
     * An open field with apple patches in the manner of the paper's Fig. 1: diamonds of Manhattan radius
     * {@code patchRadius} whose centres lie on a staggered lattice {@code spacing} cells apart, with a margin of
     * {@code spacing / 2} open cells around the field. The layout is a function of the arguments only.
     */
    public static CommonsMap patches(int width, int height, int patchRadius, int spacing) {
        if (spacing < 2 * patchRadius + 2) {
            throw new UsageException("patch spacing " + spacing + " leaves no gap between patches of radius "
                    + patchRadius + " (need spacing >= " + (2 * patchRadius + 2) + ")");
        }
        boolean[] orchard = new boolean[width * height];
        boolean[] wall = new boolean[width * height];
        int margin = patchRadius + 1;
        int row = 0;
        for (int cy = margin; cy + patchRadius < height - 1; cy += spacing / 2 + 1, row++) {
            int offset = (row % 2 == 0) ? margin : margin + spacing / 2;
            for (int cx = offset; cx + patchRadius < width - 1; cx += spacing) {
                for (int dy = -patchRadius; dy <= patchRadius; dy++) {
                    for (int dx = -patchRadius; dx <= patchRadius; dx++) {
                        if (Math.abs(dx) + Math.abs(dy) > patchRadius) continue;
                        orchard[(cy + dy) * width + cx + dx] = true;
                    }
                }
            }
        }
        CommonsMap m = new CommonsMap(width, height, orchard, wall);
        if (m.orchardSize() == 0) {
            throw new UsageException("a " + width + "x" + height + " field holds no apple patch of radius "
                    + patchRadius);
        }
        return m;
    }

    public int cells() {
        return width * height;
    }

    public int orchardSize() {
        int n = 0;
        for (boolean b : orchard) if (b) n++;
        return n;
    }

    /** Cells an agent may be placed on at (re)spawn: neither wall nor orchard. */
    public int spawnCells() {
        int n = 0;
        for (int i = 0; i < cells(); i++) if (!wall[i] && !orchard[i]) n++;
        return n;
    }

    public boolean isOrchard(int x, int y) {
        return orchard[y * width + x];
    }

    public boolean isWall(int x, int y) {
        return wall[y * width + x];
    }

    /** The map as text, in the form {@link #parse} reads. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                sb.append(wall[y * width + x] ? '#' : orchard[y * width + x] ? 'A' : '.');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
