package org.alignlab.threats.coordination;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alignlab.core.ClaimChecker;
import org.alignlab.core.ClaimResult;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.UsageException;
import org.alignlab.core.Verdict;
import org.alignlab.games.iterated.Match;
import org.alignlab.games.iterated.MatchResult;
import org.alignlab.games.iterated.MatchSpec;
import org.alignlab.games.iterated.StageGame;
import org.alignlab.games.iterated.strategies.Cooperator;
import org.alignlab.games.iterated.strategies.MemoryOne;
import org.alignlab.games.iterated.strategies.ZeroDeterminant;
import org.junit.jupiter.api.Test;

class ExtortionExperimentTest {
    private final ExtortionExperiment exp = new ExtortionExperiment();

    @Test
    void verdictsAtQuickScale() {
        List<ClaimResult> r = ClaimChecker.check(exp, exp.config(Scale.QUICK), ClaimChecker.Options.quick()).claims();
        assertEquals(2, r.size());
        assertEquals(Verdict.REPRODUCED, r.get(0).verdict(), r.get(0).toString());
        assertEquals(Verdict.DEMONSTRATED, r.get(1).verdict(), r.get(1).toString());
    }

    @Test
    void extort2ByHand() {
        // Stewart and Plotkin's Extort-2 is (8/9, 1/2, 1/3, 0): phi = 1/18; against full cooperation X cooperates in
        // 3/4 of the turns, so s_Y = 9/4 and s_X = 7/2, on the line 7/2 - 1 = 2 (9/4 - 1)
        ZeroDeterminant x = ZeroDeterminant.extortion(2);
        assertArrayEquals(new double[] {8.0 / 9, 0.5, 1.0 / 3, 0}, x.probabilities(), 1e-12);
        assertEquals(1.0 / 18, ExtortionExperiment.phi(x, StageGame.AXELROD), 1e-12);
        assertEquals(2.25, ExtortionExperiment.cooperatorExact(x, StageGame.AXELROD), 1e-12);
    }

    @Test
    void resultAgreesWithTheExactCooperatorScore() {
        ExtortionResult r = exp.run(new ExtortionConfig("2,3", 0.5, 50_000), RunContext.detached(5));
        int coop = r.opponent("Cooperator");
        for (int c = 0; c < 2; c++) {
            assertEquals(r.cooperatorExact()[c], r.scoreY()[c][coop], 0.05, "chi " + r.chis()[c]);
            assertTrue(r.maxDeviationRatio() <= 1, r.table());
        }
        assertEquals(r.opponents().size(), r.scoreX()[0].length);
        assertEquals("own twin", r.opponents().get(r.opponents().size() - 1));
        ExtortionResult again = exp.run(new ExtortionConfig("2,3", 0.5, 50_000), RunContext.detached(5));
        assertArrayEquals(r.scoreX()[1], again.scoreX()[1], "same seed, same numbers");
    }

    /** The bound has teeth: a memory-one player that is not zero-determinant misses the line by far more than it. */
    @Test
    void aNonZdPlayerFailsTheBound() {
        int turns = 100_000;
        double phi = ExtortionExperiment.phi(ZeroDeterminant.extortion(2), StageGame.AXELROD);
        double bound = ExtortionExperiment.bound(phi, turns);
        // Extort-2 with p_CC nudged from 8/9 to 0.95
        MemoryOne nudged = new MemoryOne("nudged", 0.95, 0.5, 1.0 / 3, 0, 1);
        MatchResult m = Match.play(nudged, new Cooperator(), MatchSpec.of(turns), 1);
        double dev = Math.abs((m.meanScoreA() - 1) - 2 * (m.meanScoreB() - 1));
        assertTrue(dev > 2 * bound, dev + " vs " + bound);
        MatchResult z = Match.play(ZeroDeterminant.extortion(2), new Cooperator(), MatchSpec.of(turns), 1);
        assertTrue(Math.abs((z.meanScoreA() - 1) - 2 * (z.meanScoreB() - 1)) <= bound);
    }

    @Test
    void badInputIsOneLine() {
        for (String chis : new String[] {"", "abc", "0.5", "2,,x"}) {
            UsageException e = assertThrows(UsageException.class,
                    () -> exp.run(new ExtortionConfig(chis, 0.5, 1000), RunContext.detached(1)), chis);
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
        assertThrows(UsageException.class, () -> exp.validate(new ExtortionConfig("2", 0, 1000)));
    }

    @Test
    void figuresDraw() {
        RunContext ctx = RunContext.detached(2);
        var r = exp.run(new ExtortionConfig("2,5", 0.5, 5000), ctx);
        for (var f : exp.figures()) {
            var chart = f.draw().apply(new org.alignlab.core.Figure.Input<>(r, ctx.metrics()));
            assertTrue(chart != null && !chart.getSeriesMap().isEmpty(), f.id());
        }
    }
}
