package org.alignlab.threats.coordination;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.ClaimChecker;
import org.alignlab.core.ClaimResult;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.UsageException;
import org.alignlab.core.Verdict;
import org.junit.jupiter.api.Test;

class AxelrodTournamentExperimentTest {
    private final AxelrodTournamentExperiment exp = new AxelrodTournamentExperiment();

    @Test
    void verdictsAtQuickScale() {
        List<ClaimResult> r = ClaimChecker.check(exp, exp.config(Scale.QUICK), ClaimChecker.Options.quick()).claims();
        assertEquals(3, r.size());
        // our rebuilt entries do not put Tit for Tat first: the honest verdict
        assertEquals(Verdict.NOT_REPRODUCED, r.get(0).verdict(), r.get(0).toString());
        assertEquals(Verdict.REPRODUCED, r.get(1).verdict(), r.get(1).toString());
        assertEquals(Verdict.DEMONSTRATED, r.get(2).verdict(), r.get(2).toString());
    }

    @Test
    void resultIsConsistentAndSeeded() {
        AxelrodTournamentConfig c = new AxelrodTournamentConfig(2, 200, 5, 0, 1);
        AxelrodTournamentResult a = exp.run(c, RunContext.detached(3));
        AxelrodTournamentResult b = exp.run(new AxelrodTournamentConfig(2, 200, 5, 0, 2), RunContext.detached(3));
        assertArrayEquals(a.meanScore(), b.meanScore(), "threads do not change the numbers");
        assertEquals(a.spearman(), b.spearman());
        AxelrodTournamentResult other = exp.run(c, RunContext.detached(4));
        assertTrue(!java.util.Arrays.equals(a.meanScore(), other.meanScore()), "the seed matters");
        assertEquals(15, a.names().size());
        assertEquals("Tit For Tat", a.names().get(0));
        assertEquals(504.5, a.publishedScore()[0]);
        assertEquals("Tit For Tat", a.ranking().get(a.titForTatRank() - 1));
        for (int k = 1; k < 15; k++) {
            int prev = a.names().indexOf(a.ranking().get(k - 1));
            int cur = a.names().indexOf(a.ranking().get(k));
            assertTrue(a.meanScore()[prev] >= a.meanScore()[cur]);
        }
        // a player's mean match score is 200 times its mean payoff per turn, averaged over the 15 opponents
        for (int i = 0; i < 15; i++) {
            double s = 0;
            for (int j = 0; j < 15; j++) s += a.meanPayoff()[i][j];
            assertEquals(a.meanScore()[i], 200 * s / 15, 1e-9);
        }
        assertTrue(a.table().contains("Tit For Tat"));
    }

    @Test
    void rankCorrelationsByHand() {
        int[] same = new int[15];
        int[] reversed = new int[15];
        for (int i = 0; i < 15; i++) {
            same[i] = i + 1;
            reversed[i] = 15 - i;
        }
        assertEquals(1, AxelrodTournamentExperiment.spearman(same), 1e-15);
        assertEquals(-1, AxelrodTournamentExperiment.spearman(reversed), 1e-15);
        assertEquals(1, AxelrodTournamentExperiment.kendall(same), 1e-15);
        assertEquals(-1, AxelrodTournamentExperiment.kendall(reversed), 1e-15);
        int[] swap = same.clone();
        swap[3] = 5;
        swap[4] = 4;
        assertEquals(1 - 6.0 * 2 / (15 * 224), AxelrodTournamentExperiment.spearman(swap), 1e-15);
        assertEquals(1 - 2.0 / 105, AxelrodTournamentExperiment.kendall(swap), 1e-15);
    }

    /** Property: for random permutations both correlations lie in [-1, 1] and agree in sign when |rho| is large. */
    @Test
    void rankCorrelationsOfRandomPermutations() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 500; trial++) {
            int[] p = new int[15];
            for (int i = 0; i < 15; i++) p[i] = i + 1;
            for (int i = 14; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            double rho = AxelrodTournamentExperiment.spearman(p);
            double tau = AxelrodTournamentExperiment.kendall(p);
            assertTrue(rho >= -1 && rho <= 1 && tau >= -1 && tau <= 1);
            if (Math.abs(rho) > 0.8) assertTrue(Math.signum(rho) == Math.signum(tau), rho + " " + tau);
        }
    }

    @Test
    void badInputIsOneLine() {
        assertThrows(UsageException.class, () -> exp.run(new AxelrodTournamentConfig(0, 200, 5, 0, 1),
                RunContext.detached(1)));
        assertThrows(UsageException.class, () -> exp.run(new AxelrodTournamentConfig(1, 0, 5, 0, 1),
                RunContext.detached(1)));
        assertThrows(UsageException.class, () -> exp.run(new AxelrodTournamentConfig(1, 200, 0, 0, 1),
                RunContext.detached(1)));
        UsageException e = assertThrows(UsageException.class, () -> exp.run(
                new AxelrodTournamentConfig(1, 200, 5, 1.5, 1), RunContext.detached(1)));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void figuresDraw() {
        RunContext ctx = RunContext.detached(2);
        var r = exp.run(new AxelrodTournamentConfig(1, 200, 5, 0, 1), ctx);
        for (var f : exp.figures()) {
            var chart = f.draw().apply(new org.alignlab.core.Figure.Input<>(r, ctx.metrics()));
            assertTrue(chart != null && !chart.getSeriesMap().isEmpty(), f.id());
        }
    }
}
