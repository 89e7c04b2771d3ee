package org.alignlab.threats.coordination.commons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.junit.jupiter.api.Test;

class CommonsGameTest {
    private static final int N = 0;
    private static final int E = 1;
    private static final int S = 2;
    private static final int W = 3;

    private static final CommonsMap FIELD = CommonsMap.parse(List.of(
            "..........",
            "..........",
            "....A.....",
            "..........",
            "..........",
            ".........."));

    private static int a(CommonsAction act) {
        return act.ordinal();
    }

    @Test
    void steppingOntoAnAppleHarvestsIt() {
        CommonsGame g = new CommonsGame(FIELD, 1, 5, 25);
        SplittableRandom rng = new SplittableRandom(1);
        g.reset(rng);
        g.liftAll();
        g.place(0, 4, 3, N);
        double[] r = new double[1];
        g.step(new int[] {a(CommonsAction.FORWARD)}, r, rng);
        assertEquals(1.0, r[0]);
        assertEquals(0, g.apples());
        assertEquals(4, g.x(0));
        assertEquals(2, g.y(0));
    }

    @Test
    void movesAreRelativeToFacing() {
        CommonsGame g = new CommonsGame(FIELD, 1, 5, 25);
        SplittableRandom rng = new SplittableRandom(1);
        g.reset(rng);
        g.liftAll();
        double[] r = new double[1];
        g.place(0, 7, 3, E);
        g.step(new int[] {a(CommonsAction.STEP_LEFT)}, r, rng); // facing east, left is north
        assertEquals(7, g.x(0));
        assertEquals(2, g.y(0));
        g.step(new int[] {a(CommonsAction.BACKWARD)}, r, rng); // backward is west
        assertEquals(6, g.x(0));
        g.step(new int[] {a(CommonsAction.TURN_RIGHT)}, r, rng);
        assertEquals(S, g.facing(0));
        g.step(new int[] {a(CommonsAction.STEP_RIGHT)}, r, rng); // facing south, right is west
        assertEquals(5, g.x(0));
        g.place(0, 0, 0, N);
        g.step(new int[] {a(CommonsAction.FORWARD)}, r, rng); // off the map: stays
        assertEquals(0, g.y(0));
    }

    @Test
    void twoAgentsCannotShareACellAndTheRandomOrderDecidesWhoGetsTheApple() {
        int[] wins = new int[2];
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 400; trial++) {
            CommonsGame g = new CommonsGame(FIELD, 2, 5, 25);
            g.reset(rng);
            g.liftAll();
            g.place(0, 3, 2, E);
            g.place(1, 5, 2, W);
            double[] r = new double[2];
            g.step(new int[] {a(CommonsAction.FORWARD), a(CommonsAction.FORWARD)}, r, rng);
            assertEquals(1.0, r[0] + r[1], "exactly one agent harvests");
            assertTrue(g.x(0) != g.x(1) || g.y(0) != g.y(1));
            wins[r[0] > 0 ? 0 : 1]++;
        }
        // the order is a fair coin: 200 ± 4 sd (sd = 10)
        assertTrue(Math.abs(wins[0] - 200) < 40, Arrays.toString(wins));
    }

    @Test
    void theBeamTimesOutEveryAgentOnItsLineForTheTimeOut() {
        CommonsGame g = new CommonsGame(FIELD, 3, 5, 25);
        SplittableRandom rng = new SplittableRandom(2);
        g.reset(rng);
        g.liftAll();
        g.place(0, 0, 5, E);
        g.place(1, 2, 5, N);
        g.place(2, 5, 5, S); // within 5 cells
        int[] act = {a(CommonsAction.BEAM), a(CommonsAction.STAND), a(CommonsAction.STAND)};
        double[] r = new double[3];
        g.step(act, r, rng);
        assertFalse(g.inPlay(1));
        assertFalse(g.inPlay(2));
        assertTrue(g.inPlay(0));
        int[] stand = {a(CommonsAction.STAND), a(CommonsAction.STAND), a(CommonsAction.STAND)};
        for (int t = 0; t < 24; t++) {
            g.step(stand, r, rng);
            assertFalse(g.inPlay(1), "still out after " + (t + 1) + " steps");
        }
        g.step(stand, r, rng);
        assertTrue(g.inPlay(1), "back after 25 steps");
        assertTrue(g.inPlay(2));
    }

    @Test
    void theBeamStopsAtItsLength() {
        CommonsGame g = new CommonsGame(FIELD, 2, 3, 25);
        SplittableRandom rng = new SplittableRandom(2);
        g.reset(rng);
        g.liftAll();
        g.place(0, 0, 5, E);
        g.place(1, 4, 5, N);
        double[] r = new double[2];
        g.step(new int[] {a(CommonsAction.BEAM), a(CommonsAction.STAND)}, r, rng);
        assertTrue(g.inPlay(1));
    }

    @Test
    void theViewTurnsWithTheAgent() {
        CommonsGame g = new CommonsGame(FIELD, 1, 5, 25);
        SplittableRandom rng = new SplittableRandom(1);
        g.reset(rng);
        g.liftAll();
        int nf = CommonsGame.featureCount(3, 1, 2);
        int[] north = new int[nf];
        int[] west = new int[nf];
        g.place(0, 4, 4, N); // apple two cells ahead
        int n1 = g.observe(0, 3, 1, 2, north);
        g.place(0, 6, 2, W); // apple two cells ahead again
        int n2 = g.observe(0, 3, 1, 2, west);
        assertEquals(n1, n2);
        int[] a1 = Arrays.copyOf(north, n1);
        int[] a2 = Arrays.copyOf(west, n2);
        assertArrayEquals(a1, a2);
        g.place(0, 4, 1, S); // apple one cell ahead: a different view
        int n3 = g.observe(0, 3, 1, 2, west);
        assertFalse(Arrays.equals(a1, Arrays.copyOf(west, n3)));
        for (int k = 0; k < n1; k++) assertTrue(north[k] >= 0 && north[k] < nf);
    }

    @Test
    void badMapsAndBadGroupsAreRefusedInOneLine() {
        assertThrows(UsageException.class, () -> CommonsMap.parse(List.of("...", "..")));
        assertThrows(UsageException.class, () -> CommonsMap.parse(List.of("...", ".x.", "...")));
        assertThrows(UsageException.class, () -> CommonsMap.parse(List.of("...", "...", "...")));
        UsageException ex = assertThrows(UsageException.class, () -> new CommonsGame(FIELD, 60, 5, 25));
        assertFalse(ex.getMessage().contains("\n"));
        assertThrows(UsageException.class, () -> CommonsMap.patches(20, 10, 2, 4));
    }

    /** Property: apples never exceed the orchard, agents never share a cell, rewards equal apples taken. */
    @Test
    void invariantsHoldUnderRandomPlay() {
        CommonsMap map = CommonsMap.patches(20, 10, 1, 6);
        SplittableRandom rng = new SplittableRandom(42);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rng.nextInt(6);
            CommonsGame g = new CommonsGame(map, n, 4, 5);
            g.reset(rng);
            int[] act = new int[n];
            double[] r = new double[n];
            for (int t = 0; t < 200; t++) {
                for (int i = 0; i < n; i++) act[i] = rng.nextInt(CommonsAction.count());
                int before = g.apples();
                g.step(act, r, rng);
                double harvested = 0;
                for (double x : r) harvested += x;
                assertTrue(g.apples() >= before - harvested - 1e-9, "apples only leave by harvest");
                assertTrue(g.apples() <= map.orchardSize());
                boolean[] seen = new boolean[map.cells()];
                for (int i = 0; i < n; i++) {
                    if (!g.inPlay(i)) {
                        assertEquals(0.0, r[i]);
                        continue;
                    }
                    int c = g.y(i) * map.width() + g.x(i);
                    assertFalse(seen[c], "two agents on one cell");
                    seen[c] = true;
                }
            }
        }
    }
}
