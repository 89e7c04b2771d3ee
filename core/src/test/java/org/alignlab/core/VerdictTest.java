package org.alignlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void insideOutsideAndStraddling() {
        assertEquals(Verdict.REPRODUCED, Verdict.decide(0.39, 0.41, 0.38, 0.42, false));
        assertEquals(Verdict.NOT_REPRODUCED, Verdict.decide(0.43, 0.45, 0.38, 0.42, false));
        assertEquals(Verdict.NOT_REPRODUCED, Verdict.decide(0.30, 0.37, 0.38, 0.42, false));
        assertEquals(Verdict.INCONCLUSIVE, Verdict.decide(0.40, 0.44, 0.38, 0.42, false));
        assertEquals(Verdict.INCONCLUSIVE, Verdict.decide(0.30, 0.50, 0.38, 0.42, false));
    }

    @Test
    void oneSidedTolerances() {
        Tolerance atLeast = Tolerance.atLeast(0);
        assertEquals(Verdict.REPRODUCED, Verdict.decide(0.1, 5, atLeast.lo(0), atLeast.hi(0), false));
        assertEquals(Verdict.INCONCLUSIVE, Verdict.decide(-0.1, 5, atLeast.lo(0), atLeast.hi(0), false));
        assertEquals(Verdict.NOT_REPRODUCED, Verdict.decide(-2, -1, atLeast.lo(0), atLeast.hi(0), false));
        Tolerance atMost = Tolerance.atMost(0.5);
        assertEquals(1.5, atMost.hi(1.0));
        assertEquals(Verdict.REPRODUCED, Verdict.decide(-3, 1.4, atMost.lo(1), atMost.hi(1), false));
        assertEquals(Verdict.NOT_REPRODUCED, Verdict.decide(1.6, 2, atMost.lo(1), atMost.hi(1), false));
    }

    @Test
    void relativeBandUsesMagnitude() {
        Tolerance rel = Tolerance.relative(0.1);
        assertEquals(-2.2, rel.lo(-2), 1e-12);
        assertEquals(-1.8, rel.hi(-2), 1e-12);
    }

    @Test
    void demonstrationsNeverSayReproduced() {
        assertEquals(Verdict.DEMONSTRATED, Verdict.decide(1, 2, 0, 3, true));
        assertEquals(Verdict.NOT_DEMONSTRATED, Verdict.decide(4, 5, 0, 3, true));
        assertEquals(Verdict.INCONCLUSIVE, Verdict.decide(2, 5, 0, 3, true));
        assertEquals(Verdict.ERROR, Verdict.decide(Double.NaN, Double.NaN, 0, 3, true));
    }

    @Test
    void negativeTolerancesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Tolerance.absolute(-1));
        assertThrows(IllegalArgumentException.class, () -> Tolerance.atLeast(Double.NaN));
    }

    /** Property: the verdict agrees with a direct set comparison for random intervals and bands. */
    @Test
    void verdictMatchesSetRelationOnRandomCases() {
        SplittableRandom rng = new SplittableRandom(20261127);
        for (int i = 0; i < 10_000; i++) {
            double a = rng.nextDouble(-2, 2);
            double b = a + rng.nextDouble(0, 1);
            double lo = rng.nextDouble(-2, 2);
            double hi = lo + rng.nextDouble(0, 2);
            Verdict v = Verdict.decide(a, b, lo, hi, false);
            boolean inside = a >= lo && b <= hi;
            boolean disjoint = b < lo || a > hi;
            Verdict expected = inside ? Verdict.REPRODUCED : disjoint ? Verdict.NOT_REPRODUCED : Verdict.INCONCLUSIVE;
            assertEquals(expected, v, () -> "interval [" + a + "," + b + "] band [" + lo + "," + hi + "]");
            // Widening the band can only move a verdict towards REPRODUCED.
            Verdict wider = Verdict.decide(a, b, lo - 0.5, hi + 0.5, false);
            assertTrue(wider.ordinal() <= 2);
            if (v == Verdict.REPRODUCED) assertEquals(Verdict.REPRODUCED, wider);
        }
    }

    @Test
    void claimResultCarriesStatsAndVerdict() {
        var info = new ExperimentInfo("a.b", "t", "n", java.util.List.of(), "");
        var claim = Claim.<double[]>published("c", Source.of("A", 2000, "T"), "s", x -> x[0], 1.0,
                Tolerance.absolute(0.5), 3);
        var r = ClaimResult.of(info, claim, new double[] {0.9, 1.0, 1.1}, java.util.List.of("r1", "r2", "r3"));
        assertEquals(1.0, r.mean(), 1e-12);
        // t(0.975, 2) = 4.302652729911275; sd = 0.1; half-width = 4.3027 * 0.1 / sqrt(3)
        assertEquals(1.0 - 4.302652729911275 * 0.1 / Math.sqrt(3), r.ciLo(), 1e-9);
        assertEquals(Verdict.REPRODUCED, r.verdict());
        assertEquals("[0.5, 1.5]", r.band());
    }
}
