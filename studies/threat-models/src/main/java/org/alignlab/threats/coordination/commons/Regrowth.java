package org.alignlab.threats.coordination.commons;

/**
 * How apples come back (Perolat et al. 2017, Sect. 2, the respawn rule): an empty orchard cell l regrows an apple in
 * the next step with a probability that depends only on L, the number of apples within a ball of radius 2 around l:
 * 0 when L = 0, 0.01 when L is 1 or 2, 0.05 when L is 3 or 4, 0.1 when L > 4. A patch that is picked clean never
 * comes back; that is what makes the resource exhaustible.
 */
public final class Regrowth {
    /** The radius of the neighbourhood ball (Euclidean: dx² + dy² ≤ 4, 13 cells with l itself). */
    public static final int RADIUS = 2;

    private static final int[][] BALL = ball();

    private Regrowth() {}

    /** p(L), the paper's respawn table. */
    public static double probability(int nearbyApples) {
        if (nearbyApples < 0) throw new IllegalArgumentException("apple count must be >= 0: " + nearbyApples);
        if (nearbyApples == 0) return 0;
        if (nearbyApples <= 2) return 0.01;
        if (nearbyApples <= 4) return 0.05;
        return 0.1;
    }

    /** L: apples on the radius-2 ball around (x, y), the cell itself excluded, cells off the map ignored. */
    public static int nearbyApples(boolean[] apples, int width, int height, int x, int y) {
        int n = 0;
        for (int[] d : BALL) {
            int nx = x + d[0];
            int ny = y + d[1];
            if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
            if (apples[ny * width + nx]) n++;
        }
        return n;
    }

    /** The offsets of the ball, centre excluded, in a fixed order. */
    static int[][] ball() {
        int count = 0;
        int[][] tmp = new int[25][];
        for (int dy = -RADIUS; dy <= RADIUS; dy++) {
            for (int dx = -RADIUS; dx <= RADIUS; dx++) {
                if ((dx == 0 && dy == 0) || dx * dx + dy * dy > RADIUS * RADIUS) continue;
                tmp[count++] = new int[] {dx, dy};
            }
        }
        int[][] out = new int[count][];
        System.arraycopy(tmp, 0, out, 0, count);
        return out;
    }
}
