package org.alignlab.threats.powerseeking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.alignlab.core.ClaimChecker;
import org.alignlab.core.ClaimResult;
import org.alignlab.core.Experiment;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.Verdict;
import org.alignlab.decision.power.Horizon;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.power.Power;
import org.alignlab.decision.power.RewardSampler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PowerExperimentTest {

    private static final PowerExperiment EXPERIMENT = new PowerExperiment();
    private static ClaimChecker.Outcome<PowerResult> quick;

    @BeforeAll
    static void checkAtQuickScale() {
        quick = ClaimChecker.check(EXPERIMENT, EXPERIMENT.config(Scale.QUICK),
                ClaimChecker.Options.quick().withThreads(2));
    }

    private static ClaimResult claim(String id) {
        return quick.claim(id);
    }

    @ParameterizedTest(name = "{0} is {1} at quick scale")
    @CsvSource({
        "max-of-n-uniforms,      REPRODUCED",
        "candy-power-myopic,     REPRODUCED",
        "candy-power-farsighted, REPRODUCED",
        "candy-wait-optimal,     REPRODUCED",
        "shutdown-optimal,       REPRODUCED",
        "branching-keep-options, REPRODUCED",
        "branching-alternatives, REPRODUCED",
        "counterexample-up-optimal, NOT_REPRODUCED",
        "counterexample-closed-form, DEMONSTRATED",
        "counterexample-up-more-probable, DEMONSTRATED",
        "counterexample-right-seeks-power, DEMONSTRATED"})
    void claimVerdictAtQuickScale(String id, Verdict expected) {
        ClaimResult c = claim(id);
        assertEquals(expected, c.verdict(), id + ": mean " + c.mean() + " interval " + c.interval());
        assertEquals(PowerExperiment.SEEDS, c.n());
    }

    @Test
    void everyClaimIsCheckedAndCitesAPlace() {
        assertEquals(11, EXPERIMENT.claims().size());
        assertEquals(11, quick.claims().size());
        for (var c : EXPERIMENT.claims()) assertFalse(c.source().where().isBlank(), c.id());
        assertEquals("threat-models.power-seeking", EXPERIMENT.info().node());
    }

    @Test
    void registeredAsAService() {
        boolean found = false;
        for (Experiment<?, ?> e : ServiceLoader.load(Experiment.class)) {
            found |= e.info().id().equals(PowerExperiment.ID);
        }
        assertTrue(found);
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherNumbers() {
        PowerConfig small = new PowerConfig(500, 500, 20, 1);
        PowerResult a = EXPERIMENT.run(small, RunContext.detached(4));
        PowerResult b = EXPERIMENT.run(new PowerConfig(500, 500, 20, 3), RunContext.detached(4));
        PowerResult c = EXPERIMENT.run(small, RunContext.detached(5));
        assertArrayEquals(a.maxOfN(), b.maxOfN(), 0.0);
        assertEquals(a.candyWaitOptimal(), b.candyWaitOptimal(), 0.0);
        assertEquals(a.shutdownOptimal(), b.shutdownOptimal(), 0.0);
        assertEquals(a.cxUpOptimal(), b.cxUpOptimal(), 0.0);
        assertArrayEquals(a.candyPowerCurve(), b.candyPowerCurve(), 0.0);
        assertArrayEquals(a.cxUpCurve(), b.cxUpCurve(), 0.0);
        assertTrue(a.candyWaitOptimal() != c.candyWaitOptimal() || a.shutdownOptimal() != c.shutdownOptimal());
    }

    @Test
    void theMdpsAreShapedAsDescribed() {
        // With fixed rewards the limits give the exact answers the claims rely on.
        double[] r = {0.0, 0.5, 0.9, 0.6, 0.7};
        Power.Sample myopic = Power.evaluate(PowerMdps.candy(), 0, Horizon.myopic(), r);
        assertEquals(0.9, myopic.power(), 0.0); // max(candy, wait)
        Power.Sample far = Power.evaluate(PowerMdps.candy(), 0, Horizon.farSighted(), r);
        assertEquals(0.7, far.power(), 0.0); // max(candy, chocolate, hug); wait is passed through
        assertArrayEquals(new double[] {0, 1}, far.shares());
        Mdp grid = PowerMdps.shutdown();
        assertEquals(11, grid.states());
        double[] s = new double[11];
        s[PowerMdps.SHUTDOWN_STATE] = 0.99;
        s[PowerMdps.SHUTDOWN_GOAL] = 0.5;
        assertEquals(0.99, Power.evaluate(grid, PowerMdps.SHUTDOWN_START, Horizon.farSighted(), s).power(), 0.0);
        // Every cell is reachable from the start and can be stayed in: the gain is the largest reward anywhere.
        for (int c = 0; c < 11; c++) {
            double[] one = new double[11];
            one[c] = 1;
            assertEquals(1.0, Power.evaluate(grid, PowerMdps.SHUTDOWN_START, Horizon.farSighted(), one).power(), 0.0,
                    grid.stateName(c));
        }
        double[] b = new double[12];
        b[4] = 1;
        Power.Sample br = Power.evaluate(PowerMdps.branching(), 0, Horizon.farSighted(), b);
        assertEquals(1.0, br.shares()[0], 0.0);
    }

    @Test
    void theGridMovesAsInAima() {
        Mdp grid = PowerMdps.shutdown();
        int start = PowerMdps.SHUTDOWN_START;
        assertEquals(PowerMdps.cell(1, 2), grid.next(grid.rowStart(start, 0))); // up
        assertEquals(start, grid.next(grid.rowStart(start, 1))); // down: off the grid, stays
        assertEquals(PowerMdps.cell(2, 1), grid.next(grid.rowStart(start, 3))); // right
        int c12 = PowerMdps.cell(1, 2);
        assertEquals(c12, grid.next(grid.rowStart(c12, 3))); // right of (1,2) is the wall
        int c32 = PowerMdps.cell(3, 2);
        assertEquals(PowerMdps.SHUTDOWN_STATE, grid.next(grid.rowStart(c32, 3)));
        for (int a = 0; a < grid.actions(); a++) {
            assertEquals(PowerMdps.SHUTDOWN_STATE, grid.next(grid.rowStart(PowerMdps.SHUTDOWN_STATE, a)));
        }
        assertEquals(-1, PowerMdps.cell(2, 2));
        // Seeded property loop: the far-sighted policy ends in shutdown exactly when shutdown has the most reward.
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            double[] r = RewardSampler.iidUniform().sample(11, rng);
            int best = 0;
            for (int c = 1; c < 11; c++) if (r[c] > r[best]) best = c;
            assertEquals(best == PowerMdps.SHUTDOWN_STATE, PowerExperiment.endsInShutdown(grid, r), "sample " + i);
        }
    }

    @Test
    void counterexampleMatchesThePostsInequality() {
        // Seeded property loop: up is optimal at 1 iff R(2) >= (1-g)R(3) + (1-g)g R(4) + g^2 max(R(5), R(6)).
        Mdp cx = PowerMdps.counterexample();
        SplittableRandom rng = new SplittableRandom(12);
        for (int i = 0; i < 300; i++) {
            double g = 0.02 + 0.96 * rng.nextDouble();
            double[] r = PowerExperiment.QUADRATIC_CDF.sample(6, rng);
            double w = (1 - g) * r[2] + (1 - g) * g * r[3] + g * g * Math.max(r[4], r[5]);
            if (Math.abs(r[1] - w) < 1e-6) continue;
            Power.Sample smp = Power.evaluate(cx, PowerMdps.CX_START, Horizon.discounted(g), r);
            assertEquals(r[1] > w ? 1.0 : 0.0, smp.shares()[0], 0.0, "gamma " + g);
            // POWER of the absorbing state 2 is its reward; of 3 it is (1-g)R(4) + g max(R(5), R(6)).
            assertEquals(r[1], Power.evaluate(cx, PowerMdps.CX_UP, Horizon.discounted(g), r).power(), 1e-7);
            assertEquals((1 - g) * r[3] + g * Math.max(r[4], r[5]),
                    Power.evaluate(cx, PowerMdps.CX_RIGHT, Horizon.discounted(g), r).power(), 1e-7);
        }
    }

    @Test
    void closedFormMatchesItsLimitsAndAQuadrature() {
        assertEquals(0.5, PowerExperiment.cxUpExact(0), 1e-15); // P(R(2) >= R(3))
        assertEquals(1.0 / 3, PowerExperiment.cxUpExact(1), 1e-15); // P(R(2) >= max(R(5), R(6))) = ∫ x^4 2x dx
        // Midpoint rule over the four uniforms U behind R = sqrt(U): E[1 - W^2].
        double g = PowerExperiment.CX_GAMMA;
        int n = 40;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double r3 = Math.sqrt((i + 0.5) / n);
            for (int j = 0; j < n; j++) {
                double r4 = Math.sqrt((j + 0.5) / n);
                for (int k = 0; k < n; k++) {
                    for (int l = 0; l < n; l++) {
                        double m = Math.sqrt(Math.max(k + 0.5, l + 0.5) / n);
                        double w = (1 - g) * r3 + (1 - g) * g * r4 + g * g * m;
                        sum += 1 - w * w;
                    }
                }
            }
        }
        assertEquals(sum / Math.pow(n, 4), PowerExperiment.cxUpExact(g), 1e-3);
        assertEquals(0.50934, PowerExperiment.cxUpExact(g), 1e-5);
    }

    @Test
    void monteCarloCurvesFollowTheClosedFormAndTheLimits() {
        PowerResult r = quick.runs().get(0).result();
        double[] g = r.gammas();
        double[] up = r.cxUpCurve();
        double[] exact = r.cxUpCurveExact();
        double[] candy = r.candyPowerCurve();
        for (int i = 0; i < g.length; i++) {
            assertEquals(PowerExperiment.cxUpExact(g[i]), exact[i], 0.0);
            assertEquals(exact[i], up[i], 0.06, "gamma " + g[i]); // 1,000 samples: ~3.8 standard errors
            assertTrue(candy[i] > 2.0 / 3 - 0.03 && candy[i] < 3.0 / 4 + 0.03, "gamma " + g[i]);
        }
        assertTrue(candy[candy.length - 1] > candy[0] + 0.03, "POWER(start) grows with gamma");
        assertEquals(PowerExperiment.cxPowerGapExact(PowerExperiment.CX_GAMMA), r.cxPowerGap(), 0.005);
    }

    @Test
    void figuresDraw() {
        PowerResult r = quick.runs().get(0).result();
        assertEquals(2, EXPERIMENT.figures().size());
        assertEquals(3, PowerExperiment.candyFigure(r).getSeriesMap().size());
        assertEquals(7, PowerExperiment.counterexampleFigure(r).getSeriesMap().size());
    }
}
