package org.alignlab.games.normal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.junit.jupiter.api.Test;

class NormalFormTest {
    private static final double TOL = 1e-9;

    @Test
    void prisonersDilemmaHasMutualDefectionAsOnlyEquilibrium() {
        BimatrixGame pd = ClassicGames.prisonersDilemma();
        assertEquals(5, pd.rowPayoff(1, 0));
        assertEquals(0, pd.columnPayoff(1, 0));
        List<int[]> eq = pd.pureNash();
        assertEquals(1, eq.size());
        assertArrayEquals(new int[] {1, 1}, eq.get(0));
        // optimum 6 (mutual cooperation) over equilibrium welfare 2 (mutual defection)
        assertEquals(3.0, pd.priceOfAnarchy(), TOL);
        assertEquals(3.0, pd.toNormalForm().priceOfAnarchy(), TOL);
        assertArrayEquals(new int[] {1}, pd.rowBestResponses(new double[] {1, 0}, 0));
    }

    @Test
    void matchingPenniesIsHalfHalf() {
        List<MixedEquilibrium> eq = SupportEnumeration.equilibria(ClassicGames.matchingPennies());
        assertEquals(1, eq.size());
        assertArrayEquals(new double[] {0.5, 0.5}, eq.get(0).row(), TOL);
        assertArrayEquals(new double[] {0.5, 0.5}, eq.get(0).column(), TOL);
        assertEquals(0, eq.get(0).rowPayoff(), TOL);
        assertTrue(ClassicGames.matchingPennies().pureNash().isEmpty());
    }

    @Test
    void battleOfTheSexesHasThreeEquilibria() {
        BimatrixGame g = ClassicGames.battleOfTheSexes();
        List<MixedEquilibrium> eq = SupportEnumeration.equilibria(g);
        assertEquals(3, eq.size());
        assertEquals(2, g.pureNash().size());
        MixedEquilibrium mixed = eq.stream().filter(e -> e.row()[0] > 0 && e.row()[0] < 1).findFirst().orElseThrow();
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, mixed.row(), TOL);
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3}, mixed.column(), TOL);
        assertEquals(2.0 / 3, mixed.rowPayoff(), TOL);
        // optimum welfare 3; worst equilibrium is the mixed one with welfare 4/3; best equilibrium 3
        assertEquals(3 / (4.0 / 3), g.priceOfAnarchy(), 1e-9);
        assertEquals(1.0, g.priceOfStability(), 1e-9);
    }

    @Test
    void rockPaperScissorsIsUniform() {
        BimatrixGame g = ClassicGames.rockPaperScissors();
        List<MixedEquilibrium> eq = SupportEnumeration.equilibria(g);
        assertEquals(1, eq.size());
        double third = 1.0 / 3;
        assertArrayEquals(new double[] {third, third, third}, eq.get(0).row(), TOL);
        for (int label = 0; label < 6; label++) {
            assertTrue(LemkeHowson.solve(g, label).sameAs(eq.get(0), 1e-9), "label " + label);
        }
    }

    @Test
    void stagHuntAndChicken() {
        BimatrixGame stag = ClassicGames.stagHunt();
        assertEquals(2, stag.pureNash().size());
        assertEquals(3, SupportEnumeration.equilibria(stag).size());
        assertEquals(1.0, stag.toNormalForm().priceOfStability(), TOL);
        assertEquals(2.0, stag.toNormalForm().priceOfAnarchy(), TOL); // 8 / 4
        BimatrixGame chicken = ClassicGames.chicken();
        List<int[]> pure = chicken.pureNash();
        assertEquals(2, pure.size());
        assertArrayEquals(new int[] {0, 1}, pure.get(0));
        assertArrayEquals(new int[] {1, 0}, pure.get(1));
    }

    @Test
    void publicGoodsFreeRidingIsTheEquilibrium() {
        NormalFormGame g = ClassicGames.publicGoods(4, 1.6, 1.0);
        List<int[]> eq = g.pureNash();
        assertEquals(1, eq.size());
        assertArrayEquals(new int[] {1, 1, 1, 1}, eq.get(0));
        assertEquals(4 * 1.6, g.welfare(new int[] {0, 0, 0, 0}), TOL);
        assertEquals(4.0, g.welfare(new int[] {1, 1, 1, 1}), TOL);
        assertEquals(1.6, g.priceOfAnarchy(), TOL);
        assertArrayEquals(new int[] {1}, g.bestResponses(2, new int[] {0, 0, 0, 0}));
        assertThrows(UsageException.class, () -> ClassicGames.publicGoods(1, 1.5, 1));
    }

    @Test
    void wrongShapesAreRefusedInOneLine() {
        UsageException e = assertThrows(UsageException.class,
                () -> BimatrixGame.of("g", new double[][] {{1, 2}, {3, 4}}, new double[][] {{1, 2, 3}, {3, 4, 5}}));
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().contains("same shape"), e.getMessage());
        assertThrows(UsageException.class, () -> BimatrixGame.of("g", new double[][] {{1, 2}, {3}}, new double[][] {{1, 2}, {3, 4}}));
        assertThrows(UsageException.class, () -> BimatrixGame.of("g", new double[0][], new double[0][]));
        UsageException n = assertThrows(UsageException.class, () -> NormalFormGame.of("h", new int[] {2, 2}, new double[3][2]));
        assertTrue(n.getMessage().contains("expected 4"), n.getMessage());
        assertThrows(UsageException.class, () -> NormalFormGame.of("h", new int[] {2, 2}, new double[][] {{1, 2}, {1, 2}, {1}, {1, 2}}));
        assertThrows(UsageException.class, () -> ClassicGames.prisonersDilemma(3, 5, 1, 0));
        assertThrows(UsageException.class, () -> LemkeHowson.solve(ClassicGames.chicken(), 4));
    }

    /** Property: on random nondegenerate games, every support-enumeration profile is an equilibrium and LH finds one of them. */
    @Test
    void lemkeHowsonFindsASupportEnumerationEquilibrium() {
        SplittableRandom rnd = new SplittableRandom(20240601L);
        int checked = 0;
        for (int trial = 0; trial < 150; trial++) {
            int m = 2 + rnd.nextInt(4);
            int n = 2 + rnd.nextInt(4);
            double[][] a = new double[m][n];
            double[][] b = new double[m][n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] = rnd.nextInt(-50, 50) + rnd.nextDouble();
                    b[i][j] = rnd.nextInt(-50, 50) + rnd.nextDouble();
                }
            }
            BimatrixGame g = BimatrixGame.of("random " + trial, a, b);
            List<MixedEquilibrium> all = SupportEnumeration.equilibria(g);
            assertTrue(all.size() % 2 == 1, "a nondegenerate game has an odd number of equilibria: " + all.size());
            for (MixedEquilibrium e : all) {
                assertTrue(g.isNash(e.row(), e.column(), 1e-7));
                assertEquals(1.0, sum(e.row()), 1e-9);
                assertEquals(1.0, sum(e.column()), 1e-9);
            }
            for (int label = 0; label < m + n; label++) {
                MixedEquilibrium lh = LemkeHowson.solve(g, label);
                assertTrue(g.isNash(lh.row(), lh.column(), 1e-7), "LH result is an equilibrium");
                assertTrue(all.stream().anyMatch(e -> e.sameAs(lh, 1e-7)), "LH result is among the enumerated ones");
                checked++;
            }
            // a deviation from an equilibrium never gains: perturbing toward a pure action lowers or keeps the payoff
            MixedEquilibrium e = all.get(0);
            for (int i = 0; i < m; i++) {
                double[] pure = new double[m];
                pure[i] = 1;
                assertTrue(g.rowPayoff(pure, e.column()) <= e.rowPayoff() + 1e-7);
            }
        }
        assertTrue(checked > 500);
    }

    private static double sum(double[] p) {
        double s = 0;
        for (double v : p) {
            assertTrue(v >= 0);
            s += v;
        }
        return s;
    }
}
