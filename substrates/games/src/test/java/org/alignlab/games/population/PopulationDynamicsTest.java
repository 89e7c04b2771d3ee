package org.alignlab.games.population;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.junit.jupiter.api.Test;

class PopulationDynamicsTest {
    private static final double T = 5, R = 3, P = 1, S = 0;

    @Test
    void memoryOnePayoffsMatchKnownLimits() {
        // With rare errors, two Tit for Tats cycle through all four outcomes equally (mean (R+S+T+P)/4 = 2.25), two
        // WSLS players restore mutual cooperation (→ R), and ALLD against ALLC earns T (Nowak and Sigmund 1993).
        double eps = 1e-6;
        MemoryOne tft = MemoryOne.TIT_FOR_TAT.withNoise(eps);
        MemoryOne wsls = MemoryOne.WIN_STAY_LOSE_SHIFT.withNoise(eps);
        assertEquals(2.25, MemoryOne.payoff(tft, tft, T, R, P, S), 1e-3);
        assertEquals(3.0, MemoryOne.payoff(wsls, wsls, T, R, P, S), 1e-3);
        assertEquals(5.0, MemoryOne.payoff(MemoryOne.ALWAYS_DEFECT.withNoise(eps),
                MemoryOne.ALWAYS_COOPERATE.withNoise(eps), T, R, P, S), 1e-3);
    }

    @Test
    void stationaryDistributionIsAProbabilityAndSymmetric() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < 200; i++) {
            MemoryOne x = random(rnd);
            MemoryOne y = random(rnd);
            double[] v = MemoryOne.stationary(x, y);
            double sum = 0;
            for (double q : v) {
                assertTrue(q >= -1e-12, "negative mass " + q);
                sum += q;
            }
            assertEquals(1, sum, 1e-9);
            double[] w = MemoryOne.stationary(y, x);
            // y sees x's CD as its DC.
            assertEquals(v[0], w[0], 1e-9);
            assertEquals(v[1], w[2], 1e-9);
            assertEquals(v[3], w[3], 1e-9);
            // Total payoff of the pair is the same from both sides.
            double a = MemoryOne.payoff(x, y, T, R, P, S) + MemoryOne.payoff(y, x, T, R, P, S);
            double b = 2 * R * v[0] + (S + T) * (v[1] + v[2]) + 2 * P * v[3];
            assertEquals(b, a, 1e-9);
        }
    }

    private static MemoryOne random(SplittableRandom rnd) {
        return new MemoryOne(0.01 + 0.98 * rnd.nextDouble(), 0.01 + 0.98 * rnd.nextDouble(),
                0.01 + 0.98 * rnd.nextDouble(), 0.01 + 0.98 * rnd.nextDouble());
    }

    @Test
    void replicatorRockPaperScissorsConservesTheProductOfShares() {
        // For zero-sum RPS, x1 x2 x3 is a constant of motion (Hofbauer and Sigmund 1998).
        Replicator rps = new Replicator(new double[][] {{0, -1, 1}, {1, 0, -1}, {-1, 1, 0}});
        double[][] path = rps.integrate(new double[] {0.5, 0.3, 0.2}, 0.01, 2000);
        double h0 = 0.5 * 0.3 * 0.2;
        double[] end = path[path.length - 1];
        assertEquals(h0, end[0] * end[1] * end[2], 1e-6);
    }

    @Test
    void replicatorHawkDoveGoesToTheMixedEquilibrium() {
        // Hawk–dove with V = 2, C = 4: hawks' share tends to V/C = 1/2.
        Replicator hd = new Replicator(new double[][] {{(2 - 4) / 2.0, 2}, {0, 1}});
        double[][] path = hd.integrate(new double[] {0.9, 0.1}, 0.05, 4000);
        assertEquals(0.5, path[path.length - 1][0], 1e-6);
        // Prisoner's dilemma: defection takes over.
        Replicator pd = new Replicator(new double[][] {{R, S}, {T, P}});
        double[][] p2 = pd.integrate(new double[] {0.99, 0.01}, 0.05, 4000);
        assertTrue(p2[p2.length - 1][1] > 0.999);
    }

    @Test
    void moranNeutralFixationIsOneOverN() {
        MoranProcess neutral = new MoranProcess(new double[][] {{1, 1}, {1, 1}}, 1, 0);
        assertEquals(1.0 / 20, neutral.fixationProbability(0, 1, 20), 1e-12);
    }

    @Test
    void moranSimulationMatchesTheClosedFormFixationProbability() {
        double[][] a = {{R, S}, {T, P}};
        MoranProcess m = new MoranProcess(new double[][] {{3, 3}, {2, 2}}, 0.1, 0);
        int n = 10;
        double exact = m.fixationProbability(0, 1, n);
        SplittableRandom rnd = new SplittableRandom(5);
        int trials = 20_000;
        int fix = 0;
        for (int i = 0; i < trials; i++) {
            if (m.run(new int[] {1, n - 1}, 1_000_000, 1_000_000, rnd.split()).fixated() == 0) fix++;
        }
        double est = (double) fix / trials;
        double se = Math.sqrt(exact * (1 - exact) / trials);
        assertEquals(exact, est, 4 * se, "closed form " + exact + ", simulated " + est);
        assertTrue(exact > 1.0 / n, "an advantageous mutant fixes more often than a neutral one");
        assertEquals(2, a.length);
    }

    @Test
    void evolutionIsDeterministicForASeed() {
        MemoryOneEvolution e = MemoryOneEvolution.nowakSigmund(20_000);
        var a = e.run(new SplittableRandom(3), 1000);
        var b = e.run(new SplittableRandom(3), 1000);
        assertEquals(a, b);
        assertTrue(a.mutants() > 100);
        double[] p = a.last().dominant().p();
        for (double v : p) assertTrue(v >= 0.001 && v <= 0.999);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(UsageException.class, () -> new MemoryOne(1.5, 0, 0, 0));
        assertThrows(UsageException.class, () -> MemoryOne.TIT_FOR_TAT.withNoise(-0.1));
        assertThrows(UsageException.class, () -> new Replicator(new double[][] {{1, 2}, {3}}));
        assertThrows(UsageException.class, () -> new MoranProcess(new double[][] {{1}}, 2, 0));
        assertThrows(UsageException.class, () -> new MoranProcess(new double[][] {{1}}, 0.5, -0.1));
        assertThrows(UsageException.class, () -> new MemoryOneEvolution(1, 3, 5, 0, 10, 0.01, 0.01, 0.001, 0.001));
        assertArrayEquals(new double[] {0.5, 0.5}, new Replicator(new double[][] {{1, 0}, {0, 1}})
                .check(new double[] {0.5, 0.5}));
    }
}
