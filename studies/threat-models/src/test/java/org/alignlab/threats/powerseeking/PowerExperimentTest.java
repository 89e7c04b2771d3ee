package org.alignlab.threats.powerseeking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.alignlab.core.ClaimChecker;
import org.alignlab.core.ClaimResult;
import org.alignlab.core.Experiment;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.Verdict;
import org.alignlab.decision.power.Horizon;
import org.alignlab.decision.power.Power;
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
        return quick.claims().stream().filter(c -> c.claim().equals(id)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} is {1} at quick scale")
    @CsvSource({
        "max-of-n-uniforms,      REPRODUCED",
        "candy-power-myopic,     REPRODUCED",
        "candy-power-farsighted, REPRODUCED",
        "candy-wait-optimal,     REPRODUCED",
        "shutdown-optimal,       REPRODUCED",
        "branching-keep-options, REPRODUCED",
        "branching-alternatives, REPRODUCED"})
    void claimVerdictAtQuickScale(String id, Verdict expected) {
        ClaimResult c = claim(id);
        assertEquals(expected, c.verdict(), id + ": mean " + c.mean() + " interval " + c.interval());
        assertEquals(PowerExperiment.SEEDS, c.n());
    }

    @Test
    void everyClaimIsCheckedAndCitesAPlace() {
        assertEquals(7, EXPERIMENT.claims().size());
        assertEquals(7, quick.claims().size());
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
        PowerConfig small = new PowerConfig(500, 1);
        PowerResult a = EXPERIMENT.run(small, RunContext.detached(4));
        PowerResult b = EXPERIMENT.run(new PowerConfig(500, 3), RunContext.detached(4));
        PowerResult c = EXPERIMENT.run(small, RunContext.detached(5));
        assertArrayEquals(a.maxOfN(), b.maxOfN(), 0.0);
        assertEquals(a.candyWaitOptimal(), b.candyWaitOptimal(), 0.0);
        assertEquals(a.shutdownOptimal(), b.shutdownOptimal(), 0.0);
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
        double[] s = new double[13];
        s[1] = 0.99;
        Power.Sample shut = Power.evaluate(PowerMdps.shutdown(), 0, Horizon.farSighted(), s);
        assertEquals(1.0, shut.shares()[0], 0.0);
        double[] b = new double[12];
        b[4] = 1;
        Power.Sample br = Power.evaluate(PowerMdps.branching(), 0, Horizon.farSighted(), b);
        assertEquals(1.0, br.shares()[0], 0.0);
    }
}
