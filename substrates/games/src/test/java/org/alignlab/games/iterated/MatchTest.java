package org.alignlab.games.iterated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alignlab.core.UsageException;
import org.alignlab.games.iterated.strategies.Cooperator;
import org.alignlab.games.iterated.strategies.Defector;
import org.alignlab.games.iterated.strategies.RandomPlayer;
import org.alignlab.games.iterated.strategies.TitForTat;
import org.alignlab.games.iterated.strategies.ZeroDeterminant;
import org.junit.jupiter.api.Test;

class MatchTest {
    @Test
    void titForTatAgainstDefectorScoresSuckerThenPunishment() {
        MatchResult m = Match.play(new TitForTat(), new Defector(), MatchSpec.of(200), 1);
        assertEquals(200, m.turns());
        assertEquals(0 + 199 * 1, m.scoreA());
        assertEquals(5 + 199 * 1, m.scoreB());
        assertEquals(1, m.cooperationsA());
        MatchResult c = Match.play(new TitForTat(), new TitForTat(), MatchSpec.of(200), 1);
        assertEquals(600, c.scoreA());
    }

    @Test
    void noiseFlipsIntendedMoves() {
        MatchResult all = Match.play(new Cooperator(), new Cooperator(), MatchSpec.of(100).withNoise(1), 1);
        assertEquals(0, all.cooperationsA() + all.cooperationsB());
        MatchResult some = Match.play(new Cooperator(), new Cooperator(), MatchSpec.of(20000).withNoise(0.1), 1);
        assertEquals(0.9, some.cooperationsA() / 20000.0, 0.01);
    }

    @Test
    void probabilisticEndingIsGeometricAndSeeded() {
        MatchSpec spec = MatchSpec.of(10_000).withEndProbability(0.02);
        double sum = 0;
        for (long seed = 0; seed < 400; seed++) {
            MatchResult m = Match.play(new TitForTat(), new Cooperator(), spec, seed);
            assertEquals(m.turns(), Match.play(new TitForTat(), new Cooperator(), spec, seed).turns());
            sum += m.turns();
        }
        assertEquals(50, sum / 400, 6); // mean of a geometric length is 1/0.02
    }

    @Test
    void badInputIsRefusedInOneLine() {
        UsageException e = assertThrows(UsageException.class, () -> MatchSpec.of(10).withNoise(1.5));
        assertTrue(e.getMessage().contains("[0, 1]"));
        assertFalse(e.getMessage().contains("\n"));
        assertThrows(UsageException.class, () -> MatchSpec.of(10).withNoise(-0.1));
        assertThrows(UsageException.class, () -> MatchSpec.of(10).withEndProbability(Double.NaN));
        assertThrows(UsageException.class, () -> MatchSpec.of(0));
        assertThrows(UsageException.class, () -> new RandomPlayer(2));
        assertThrows(UsageException.class, () -> new StageGame(3, 0, 2, 1));
        assertThrows(UsageException.class, () -> ZeroDeterminant.extortion(0.5));
    }

    @Test
    void zeroDeterminantVectorsMatchStewartAndPlotkin() {
        double[] extort = ZeroDeterminant.extortion(2).probabilities();
        assertArrayEquals4(new double[] {8.0 / 9, 0.5, 1.0 / 3, 0}, extort);
        double[] generous = ZeroDeterminant.generous(2).probabilities();
        assertArrayEquals4(new double[] {1, 1.0 / 8, 1, 1.0 / 4}, generous);
    }

    private static void assertArrayEquals4(double[] want, double[] got) {
        for (int k = 0; k < 4; k++) assertEquals(want[k], got[k], 1e-12, "p[" + k + "]");
    }

    /** Press and Dyson 2012: s_X − P = χ(s_Y − P) against any opponent, up to sampling error in a long match. */
    @Test
    void extortionerEnforcesItsLinearRelation() {
        for (double chi : new double[] {2, 3}) {
            ZeroDeterminant zd = ZeroDeterminant.extortion(chi);
            for (Strategy opp : new Strategy[] {new RandomPlayer(0.7), new TitForTat(), new Cooperator(),
                    new org.alignlab.games.iterated.strategies.Grofman()}) {
                MatchResult m = Match.play(zd, opp, MatchSpec.of(200_000), 11);
                double sx = m.meanScoreA() - 1;
                double sy = m.meanScoreB() - 1;
                assertEquals(chi * sy, sx, 0.03 * (1 + chi), "chi=" + chi + " vs " + opp.name());
            }
        }
    }
}
