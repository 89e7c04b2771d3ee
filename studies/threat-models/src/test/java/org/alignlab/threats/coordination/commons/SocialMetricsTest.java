package org.alignlab.threats.coordination.commons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SocialMetricsTest {

    private static boolean[][] nobodyOut(int n, int t) {
        return new boolean[n][t];
    }

    @Test
    void equalReturnsHaveGiniZero() {
        double[][] r = {
                {1, 0, 1, 0},
                {0, 1, 0, 1},
                {1, 1, 0, 0}};
        SocialMetrics m = SocialMetrics.of(r, nobodyOut(3, 4));
        assertEquals(1.0, m.equality(), 1e-12);
        assertEquals(6.0 / 4, m.efficiency(), 1e-12); // six apples in four steps
        assertEquals(3.0, m.peace(), 1e-12);
    }

    @Test
    void oneAgentTakingEverythingGivesGiniOfNMinusOneOverN() {
        double[][] r = new double[4][10];
        r[0][3] = 1;
        r[0][7] = 1;
        SocialMetrics m = SocialMetrics.of(r, nobodyOut(4, 10));
        // Σ_i Σ_j |R_i − R_j| = 2 · 3 · 2 = 12; 2 N Σ R = 2 · 4 · 2 = 16; E = 1 − 12/16
        assertEquals(0.25, m.equality(), 1e-12);
        // rewards at steps 4 and 8 (1-based): t = 6
        assertEquals(6.0, m.sustainability(), 1e-12);
    }

    @Test
    void sustainabilityIsTheMeanHarvestStepAveragedOverHarvesters() {
        double[][] r = new double[3][10];
        r[0][0] = 1; // step 1
        r[0][1] = 1; // step 2 → agent 0: 1.5
        r[1][9] = 1; // step 10 → agent 1: 10
        SocialMetrics m = SocialMetrics.of(r, nobodyOut(3, 10));
        assertEquals((1.5 + 10) / 2, m.sustainability(), 1e-12);
    }

    @Test
    void peaceCountsAgentStepsInPlay() {
        double[][] r = new double[2][10];
        boolean[][] out = new boolean[2][10];
        for (int t = 2; t < 7; t++) out[1][t] = true; // agent 1 out for 5 of 10 steps
        SocialMetrics m = SocialMetrics.of(r, out);
        assertEquals(1.5, m.peace(), 1e-12);
    }

    @Test
    void nobodyHarvestedMeansNoSustainabilityAndFullEquality() {
        SocialMetrics m = SocialMetrics.of(new double[2][5], nobodyOut(2, 5));
        assertTrue(Double.isNaN(m.sustainability()));
        assertEquals(1.0, m.equality());
        assertEquals(0.0, m.efficiency());
    }

    /** Property: E lies in [0, 1], is invariant to permuting agents and to scaling all returns. */
    @Test
    void equalityIsBoundedAndScaleFree() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rng.nextInt(8);
            int t = 1 + rng.nextInt(30);
            double[][] r = new double[n][t];
            double[][] doubled = new double[n][t];
            double[][] reversed = new double[n][t];
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < t; s++) {
                    r[i][s] = rng.nextInt(4) == 0 ? 1 : 0;
                    doubled[i][s] = 2 * r[i][s];
                }
            }
            for (int i = 0; i < n; i++) reversed[i] = r[n - 1 - i];
            SocialMetrics m = SocialMetrics.of(r, nobodyOut(n, t));
            assertTrue(m.equality() >= 0 && m.equality() <= 1, "E = " + m.equality());
            assertEquals(m.equality(), SocialMetrics.of(doubled, nobodyOut(n, t)).equality(), 1e-12);
            assertEquals(m.equality(), SocialMetrics.of(reversed, nobodyOut(n, t)).equality(), 1e-12);
            if (!Double.isNaN(m.sustainability())) {
                assertTrue(m.sustainability() >= 1 && m.sustainability() <= t);
            }
        }
    }
}
