package org.alignlab.threats.coordination.commons;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.alignlab.core.UsageException;

/**
 * The commons game (Perolat et al. 2017, Sect. 2) as a small multi-agent grid engine: N agents on a shared orchard,
 * +1 for each apple an agent steps onto, apples regrowing by {@link Regrowth}, and a time-out beam that removes every
 * agent it hits from the game for a fixed number of steps. Moves are simultaneous in the sense of the paper's Markov
 * game: every agent picks its action from the same state, and the actions are then carried out one agent at a time in
 * a fresh random order each step (a move into an occupied cell fails, a beam removes agents before they act).
 *
 * <p>Not thread-safe; one game per thread. All randomness comes from the {@link SplittableRandom} passed in.
 */
public final class CommonsGame {
    /** Facing: north, east, south, west; y grows southwards. */
    private static final int[] DX = {0, 1, 0, -1};
    private static final int[] DY = {-1, 0, 1, 0};

    private final CommonsMap map;
    private final int agents;
    private final int beamLength;
    private final int timeoutSteps;
    private final boolean[] apples;
    private final int[] occupant; // agent id + 1, or 0
    private final int[] x;
    private final int[] y;
    private final int[] facing;
    private final int[] timeout; // steps left outside the game; 0 = in play
    private final int[] order;
    private final boolean[] grow;
    private final boolean[] wasOut;
    private int appleCount;

    /**
     * @param beamLength   how many cells ahead the beam reaches (it stops at a wall or the edge)
     * @param timeoutSteps how long a tagged agent stays out (the paper: 25)
     */
    public CommonsGame(CommonsMap map, int agents, int beamLength, int timeoutSteps) {
        if (agents < 1) throw new UsageException("the commons game needs at least one agent, got " + agents);
        if (agents > map.spawnCells()) {
            throw new UsageException(agents + " agents do not fit on a map with " + map.spawnCells()
                    + " free cells outside the orchard; use fewer agents or a larger map");
        }
        if (beamLength < 1) throw new UsageException("beam length must be >= 1, got " + beamLength);
        if (timeoutSteps < 1) throw new UsageException("time-out must be >= 1 step, got " + timeoutSteps);
        this.map = map;
        this.agents = agents;
        this.beamLength = beamLength;
        this.timeoutSteps = timeoutSteps;
        this.apples = new boolean[map.cells()];
        this.occupant = new int[map.cells()];
        this.x = new int[agents];
        this.y = new int[agents];
        this.facing = new int[agents];
        this.timeout = new int[agents];
        this.order = new int[agents];
        this.grow = new boolean[map.cells()];
        this.wasOut = new boolean[agents];
    }

    /** Full orchard, every agent placed on a random free cell outside it, facing a random way. */
    public void reset(SplittableRandom rng) {
        Arrays.fill(occupant, 0);
        appleCount = 0;
        for (int i = 0; i < map.cells(); i++) {
            apples[i] = map.orchard()[i];
            if (apples[i]) appleCount++;
        }
        Arrays.fill(timeout, 0);
        for (int a = 0; a < agents; a++) spawn(a, rng);
    }

    /** Places an agent on a uniformly drawn free non-orchard cell (rejection sampling). */
    private void spawn(int a, SplittableRandom rng) {
        int w = map.width();
        while (true) {
            int c = rng.nextInt(map.cells());
            if (map.wall()[c] || map.orchard()[c] || occupant[c] != 0) continue;
            x[a] = c % w;
            y[a] = c / w;
            facing[a] = rng.nextInt(4);
            occupant[c] = a + 1;
            return;
        }
    }

    /**
     * One step: agents in play carry out their actions in a random order, then time-outs count down (an agent whose
     * time-out ends reappears on a random free cell), then apples regrow.
     *
     * @param actions actions[a], ignored for agents out of play
     * @param rewards filled with each agent's reward this step
     */
    public void step(int[] actions, double[] rewards, SplittableRandom rng) {
        Arrays.fill(rewards, 0, agents, 0.0);
        for (int i = 0; i < agents; i++) order[i] = i;
        for (int i = agents - 1; i > 0; i--) { // Fisher–Yates
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int a = 0; a < agents; a++) wasOut[a] = timeout[a] > 0;
        for (int k = 0; k < agents; k++) {
            int a = order[k];
            if (timeout[a] > 0) continue;
            act(a, CommonsAction.of(actions[a]), rewards);
        }
        for (int a = 0; a < agents; a++) {
            if (!wasOut[a]) continue;
            if (--timeout[a] == 0) spawn(a, rng);
        }
        regrow(rng);
    }

    private void act(int a, CommonsAction action, double[] rewards) {
        int f = facing[a];
        switch (action) {
            case FORWARD -> move(a, DX[f], DY[f], rewards);
            case BACKWARD -> move(a, -DX[f], -DY[f], rewards);
            case STEP_RIGHT -> move(a, DX[(f + 1) & 3], DY[(f + 1) & 3], rewards);
            case STEP_LEFT -> move(a, DX[(f + 3) & 3], DY[(f + 3) & 3], rewards);
            case TURN_RIGHT -> facing[a] = (f + 1) & 3;
            case TURN_LEFT -> facing[a] = (f + 3) & 3;
            case BEAM -> beam(a);
            case STAND -> { }
        }
    }

    private void move(int a, int dx, int dy, double[] rewards) {
        int nx = x[a] + dx;
        int ny = y[a] + dy;
        if (nx < 0 || ny < 0 || nx >= map.width() || ny >= map.height()) return;
        int c = ny * map.width() + nx;
        if (map.wall()[c] || occupant[c] != 0) return;
        occupant[y[a] * map.width() + x[a]] = 0;
        occupant[c] = a + 1;
        x[a] = nx;
        y[a] = ny;
        if (apples[c]) {
            apples[c] = false;
            appleCount--;
            rewards[a] += 1;
        }
    }

    /** The time-out beam: a straight line ahead; every agent in play on it leaves the game. */
    private void beam(int a) {
        int f = facing[a];
        int bx = x[a];
        int by = y[a];
        for (int s = 0; s < beamLength; s++) {
            bx += DX[f];
            by += DY[f];
            if (bx < 0 || by < 0 || bx >= map.width() || by >= map.height()) return;
            int c = by * map.width() + bx;
            if (map.wall()[c]) return;
            int hit = occupant[c] - 1;
            if (hit >= 0) {
                occupant[c] = 0;
                timeout[hit] = timeoutSteps;
            }
        }
    }

    /** Synchronous regrowth: every empty orchard cell not under an agent draws against p(L) of the same snapshot. */
    private void regrow(SplittableRandom rng) {
        int w = map.width();
        int h = map.height();
        boolean[] orchard = map.orchard();
        int grown = 0;
        for (int c = 0; c < apples.length; c++) {
            grow[c] = false;
            if (!orchard[c] || apples[c] || occupant[c] != 0) continue;
            double p = Regrowth.probability(Regrowth.nearbyApples(apples, w, h, c % w, c / w));
            if (p > 0 && rng.nextDouble() < p) {
                grow[c] = true;
                grown++;
            }
        }
        if (grown == 0) return;
        for (int c = 0; c < apples.length; c++) {
            if (grow[c]) {
                apples[c] = true;
                appleCount++;
            }
        }
    }

    /**
     * The agent's egocentric view as active feature indices: for each cell of a window {@code ahead} rows in front,
     * {@code behind} rows behind and {@code side} columns to each side (rotated with the agent), one of four contents
     * (ground, apple, agent, wall or off-map), then a bucket of the number of apples in view, then a bias feature.
     *
     * @return how many indices were written into {@code out}, or 0 when the agent is out of play
     */
    public int observe(int a, int ahead, int behind, int side, int[] out) {
        if (timeout[a] > 0) return 0;
        int f = facing[a];
        int fx = DX[f];
        int fy = DY[f];
        int rx = DX[(f + 1) & 3];
        int ry = DY[(f + 1) & 3];
        int width = 2 * side + 1;
        int n = 0;
        int applesSeen = 0;
        for (int r = -behind; r <= ahead; r++) {
            for (int s = -side; s <= side; s++) {
                int cx = x[a] + r * fx + s * rx;
                int cy = y[a] + r * fy + s * ry;
                int content;
                if (cx < 0 || cy < 0 || cx >= map.width() || cy >= map.height() || map.isWall(cx, cy)) {
                    content = 3;
                } else {
                    int c = cy * map.width() + cx;
                    content = occupant[c] != 0 ? 2 : apples[c] ? 1 : 0;
                    if (apples[c]) applesSeen++;
                }
                int cell = (r + behind) * width + (s + side);
                out[n++] = cell * 4 + content;
            }
        }
        int cells = (ahead + behind + 1) * width;
        out[n++] = cells * 4 + appleBucket(applesSeen);
        out[n++] = cells * 4 + APPLE_BUCKETS;
        return n;
    }

    static final int APPLE_BUCKETS = 6;

    /** 0, 1, 2, 3–4, 5–8, more than 8 apples in view. */
    static int appleBucket(int n) {
        if (n <= 2) return n;
        if (n <= 4) return 3;
        if (n <= 8) return 4;
        return 5;
    }

    /** How many feature indices {@link #observe} can produce for a window. */
    public static int featureCount(int ahead, int behind, int side) {
        return (ahead + behind + 1) * (2 * side + 1) * 4 + APPLE_BUCKETS + 1;
    }

    public int apples() {
        return appleCount;
    }

    public boolean appleAt(int cx, int cy) {
        return apples[cy * map.width() + cx];
    }

    public boolean inPlay(int a) {
        return timeout[a] == 0;
    }

    public int agents() {
        return agents;
    }

    public CommonsMap map() {
        return map;
    }

    public int x(int a) {
        return x[a];
    }

    public int y(int a) {
        return y[a];
    }

    public int facing(int a) {
        return facing[a];
    }

    /** Takes every agent off the grid, to be put back with {@link #place} (for hand-made situations). */
    void liftAll() {
        Arrays.fill(occupant, 0);
    }

    /** Puts an agent in play at a cell facing a way (for tests and hand-made situations). */
    void place(int a, int cx, int cy, int face) {
        int old = y[a] * map.width() + x[a];
        if (timeout[a] == 0 && occupant[old] == a + 1) occupant[old] = 0;
        int c = cy * map.width() + cx;
        if (occupant[c] != 0 && occupant[c] != a + 1) {
            throw new IllegalStateException("cell taken by agent " + (occupant[c] - 1));
        }
        timeout[a] = 0;
        x[a] = cx;
        y[a] = cy;
        facing[a] = face;
        occupant[cy * map.width() + cx] = a + 1;
    }

    /** Sets or clears an apple (for tests and hand-made situations). */
    void setApple(int cx, int cy, boolean present) {
        int c = cy * map.width() + cx;
        if (apples[c] != present) appleCount += present ? 1 : -1;
        apples[c] = present;
    }
}
