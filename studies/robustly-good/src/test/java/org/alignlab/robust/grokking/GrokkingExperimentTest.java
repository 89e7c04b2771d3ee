package org.alignlab.robust.grokking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.alignlab.core.ClaimChecker;
import org.alignlab.core.ClaimResult;
import org.alignlab.core.Experiment;
import org.alignlab.core.MetricLog;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.UsageException;
import org.alignlab.core.Verdict;
import org.alignlab.core.Figure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrokkingExperimentTest {
    private static final GrokkingExperiment EXPERIMENT = new GrokkingExperiment();
    private static ClaimChecker.Outcome<GrokkingResult> quick;

    @BeforeAll
    static void checkAtQuickScale() {
        quick = ClaimChecker.check(EXPERIMENT, EXPERIMENT.config(Scale.QUICK), ClaimChecker.Options.quick());
    }

    private static ClaimResult claim(String id) {
        return quick.claims().stream().filter(c -> c.claim().equals(id)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} is {1} at quick scale")
    @CsvSource({
        "generalizes,                       INCONCLUSIVE",
        "grokking-delay,                    INCONCLUSIVE",
        "key-frequency-count,               INCONCLUSIVE",
        "key-frequencies-explain-embedding, NOT_DEMONSTRATED",
        "restricted-below-full,             DEMONSTRATED",
        "excluded-loss-rises,               INCONCLUSIVE"})
    void claimVerdictAtQuickScale(String id, Verdict expected) {
        ClaimResult c = claim(id);
        System.out.printf("quick %s: mean %.4g interval %s verdict %s%n", id, c.mean(), c.interval(), c.verdict());
        assertEquals(expected, c.verdict(), id + ": mean " + c.mean() + " interval " + c.interval());
        assertEquals(GrokkingExperiment.SEEDS, c.n());
    }

    @Test
    void quickRunsMemoriseFirstAndFormTheCircuitAfterwards() {
        for (var run : quick.runs()) {
            GrokkingResult r = run.result();
            System.out.printf("quick seed %d: memorised %d, circuit %d, generalised %d, test acc %.4f, keys %s, share "
                    + "%.4f, restricted/full %.3g, excluded %.3g -> %.3g%n", run.seed(), r.memorizedStep(),
                    r.circuitFormedStep(), r.generalizedStep(), r.finalTestAccuracy(),
                    java.util.Arrays.toString(r.keyFrequencies()), r.keyEmbeddingShare(), r.restrictedToFullRatio(),
                    r.excludedAtMemorized(), r.excludedAtCircuit());
            assertTrue(r.memorizedStep() > 0 && r.memorizedStep() < r.circuitFormedStep(), r.memorizedStep() + " "
                    + r.circuitFormedStep());
            assertEquals(1.0, r.finalTrainAccuracy());
            // The restricted loss ends far below the test loss: the circuit alone is right where the model is not.
            assertTrue(r.finalRestrictedLoss() < 0.1 * r.finalTestLoss());
            assertEquals(r.measuredSteps().length, r.excludedLoss().length);
        }
    }

    @Test
    void figuresDrawFromAResult() {
        GrokkingResult r = quick.runs().get(0).result();
        for (Figure<GrokkingResult> f : EXPERIMENT.figures())
            assertTrue(f.draw().apply(new Figure.Input<>(r, new MetricLog())) != null, f.id());
        assertEquals(3, EXPERIMENT.figures().size());
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherNumbers() {
        GrokkingConfig tiny = new GrokkingConfig(7, 0.5, 30, 3e-3, 1.0, 5, 10);
        GrokkingResult a = EXPERIMENT.run(tiny, RunContext.detached(4));
        GrokkingResult b = EXPERIMENT.run(tiny, RunContext.detached(4));
        GrokkingResult c = EXPERIMENT.run(tiny, RunContext.detached(5));
        assertArrayEquals(a.trainLoss(), b.trainLoss(), 0.0);
        assertArrayEquals(a.testLoss(), b.testLoss(), 0.0);
        assertArrayEquals(a.restrictedLoss(), b.restrictedLoss(), 0.0);
        assertArrayEquals(a.excludedLoss(), b.excludedLoss(), 0.0);
        assertArrayEquals(a.embeddingSpectrum(), b.embeddingSpectrum(), 0.0);
        assertArrayEquals(a.keyFrequencies(), b.keyFrequencies());
        assertFalse(java.util.Arrays.equals(a.trainLoss(), c.trainLoss()));
        assertArrayEquals(new double[] {0, 10, 20, 30}, a.measuredSteps(), 0.0);
        assertEquals(25, a.trainPairs());
        assertEquals(24, a.testPairs());
    }

    @Test
    void badSettingsAreRefusedInOneLine() {
        var notPrime = assertThrows(UsageException.class,
                () -> EXPERIMENT.run(new GrokkingConfig(21, 0.3, 100, 1e-3, 1, 10, 10), RunContext.detached(1)));
        assertEquals("p must be a prime (the paper uses 113), got 21", notPrime.getMessage());
        var every = assertThrows(UsageException.class,
                () -> EXPERIMENT.validate(new GrokkingConfig(23, 0.3, 100, 1e-3, 1, 10, 200)));
        assertEquals("measureEvery=200 is larger than steps=100", every.getMessage());
    }

    @Test
    void registeredAsAServiceWithCitedClaims() {
        boolean found = false;
        for (Experiment<?, ?> e : ServiceLoader.load(Experiment.class)) found |= e.info().id().equals(GrokkingExperiment.ID);
        assertTrue(found);
        assertEquals(6, EXPERIMENT.claims().size());
        for (var c : EXPERIMENT.claims()) assertFalse(c.source().where().isBlank(), c.id());
        assertEquals("robustly-good.interpretability", EXPERIMENT.info().node());
        assertEquals(new GrokkingConfig(113, 0.3, 40_000, 1e-3, 1.0, 10, 200), EXPERIMENT.config(Scale.PAPER));
    }
}
