package org.alignlab.robust.induction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.alignlab.core.ClaimChecker;
import org.alignlab.core.ClaimResult;
import org.alignlab.core.Experiment;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.UsageException;
import org.alignlab.core.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InductionExperimentTest {

    private static final InductionExperiment EXPERIMENT = new InductionExperiment();
    private static ClaimChecker.Outcome<InductionResult> quick;

    @BeforeAll
    static void checkAtQuickScale() {
        quick = ClaimChecker.check(EXPERIMENT, EXPERIMENT.config(Scale.QUICK), ClaimChecker.Options.quick());
        for (ClaimResult c : quick.claims())
            System.out.println("claim " + c.claim() + " " + c.verdict() + " mean " + c.mean() + " interval "
                    + c.interval() + " values " + java.util.Arrays.toString(c.values()));
    }

    @ParameterizedTest(name = "{0} is demonstrated at quick scale")
    @ValueSource(strings = {"induction-head-forms", "no-induction-head-one-layer", "in-context-learning",
        "one-layer-less-in-context-learning", "ablation-removes-in-context-learning",
        "previous-token-head-needed", "control-ablation-keeps-in-context-learning", "phase-change-coincides"})
    void claimVerdictAtQuickScale(String id) {
        ClaimResult c = quick.claims().stream().filter(r -> r.claim().equals(id)).findFirst().orElseThrow();
        assertEquals(Verdict.DEMONSTRATED, c.verdict(), id + ": mean " + c.mean() + " interval " + c.interval());
        assertEquals(InductionExperiment.SEEDS, c.n());
    }

    /** The loss drop and the score jump fall within a few measurement intervals of each other in every seed. */
    @Test
    void phaseChangeGapIsSmallInEverySeed() {
        ClaimResult c = quick.claim("phase-change-coincides");
        for (double v : c.values()) assertTrue(v <= 0.05, "gap " + v);
    }

    @Test
    void everyClaimIsCheckedAndCitesAPlace() {
        assertEquals(8, quick.claims().size());
        for (var c : EXPERIMENT.claims()) assertFalse(c.source().where().isBlank(), c.id());
        assertEquals("robustly-good.interpretability", EXPERIMENT.info().node());
    }

    @Test
    void registeredAsAService() {
        boolean found = false;
        for (Experiment<?, ?> e : ServiceLoader.load(Experiment.class)) found |= e.info().id().equals(InductionExperiment.ID);
        assertTrue(found);
    }

    @Test
    void theInductionHeadAttendsAlongTheInductionStripe() {
        InductionResult r = quick.runs().get(0).result();
        double[][] p = r.probePattern();
        int start = r.probePrefix(), len = r.probeSegment();
        double onStripe = 0;
        for (int j = 1; j < len; j++) onStripe += p[start + len + j - 1][start + j];
        assertTrue(onStripe / (len - 1) > 0.3, "mean attention on the stripe " + onStripe / (len - 1));
        // Ablating the induction head raises the loss on the second copy of the probe, not on the first.
        double first = 0, second = 0, firstAbl = 0, secondAbl = 0;
        for (int j = 1; j < len; j++) {
            first += r.probeLoss()[start + j - 1];
            second += r.probeLoss()[start + len + j - 1];
            firstAbl += r.probeLossAblated()[start + j - 1];
            secondAbl += r.probeLossAblated()[start + len + j - 1];
        }
        assertTrue(secondAbl - second > 0.5 * (len - 1), "second copy: " + second + " -> " + secondAbl);
        assertTrue(Math.abs(firstAbl - first) < 0.2 * (len - 1), "first copy: " + first + " -> " + firstAbl);
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherNumbers() {
        InductionConfig tiny = new InductionConfig(16, 12, 2, 5, 8, 2, 4, 20, 1e-3, 10, 4);
        InductionResult a = EXPERIMENT.run(tiny, RunContext.detached(7));
        InductionResult b = EXPERIMENT.run(tiny, RunContext.detached(7));
        InductionResult c = EXPERIMENT.run(tiny, RunContext.detached(8));
        assertArrayEquals(a.evalLoss(), b.evalLoss(), 0.0);
        assertArrayEquals(a.oneLayerEvalLoss(), b.oneLayerEvalLoss(), 0.0);
        assertArrayEquals(a.prefixScores(), b.prefixScores(), 0.0);
        assertArrayEquals(a.removedByHead(), b.removedByHead(), 0.0);
        assertArrayEquals(a.probeLossAblated(), b.probeLossAblated(), 0.0);
        assertEquals(3, a.evalSteps().length);
        assertTrue(a.evalLoss()[2] != c.evalLoss()[2]);
    }

    @Test
    void badSettingsAreRefusedWithOneLine() {
        var q = InductionConfig.quick();
        var tooLong = new InductionConfig(q.vocab(), 20, 4, 12, q.dModel(), q.nHeads(), q.batch(), q.steps(), q.lr(),
                q.evalEvery(), q.evalBatch());
        assertTrue(assertThrows(UsageException.class, () -> EXPERIMENT.validate(tooLong)).getMessage()
                .contains("nCtx"));
        var oneHead = new InductionConfig(q.vocab(), q.nCtx(), q.minSegment(), q.maxSegment(), q.dModel(), 1,
                q.batch(), q.steps(), q.lr(), q.evalEvery(), q.evalBatch());
        assertThrows(UsageException.class, () -> EXPERIMENT.validate(oneHead));
        var swapped = new InductionConfig(q.vocab(), q.nCtx(), 9, 5, q.dModel(), q.nHeads(), q.batch(), q.steps(),
                q.lr(), q.evalEvery(), q.evalBatch());
        assertThrows(UsageException.class, () -> EXPERIMENT.validate(swapped));
    }
}
