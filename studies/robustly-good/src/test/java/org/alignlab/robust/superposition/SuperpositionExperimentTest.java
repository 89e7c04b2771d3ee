package org.alignlab.robust.superposition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.ServiceLoader;
import org.alignlab.core.ClaimChecker;
import org.alignlab.core.ClaimResult;
import org.alignlab.core.Configs;
import org.alignlab.core.Experiment;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.UsageException;
import org.alignlab.core.Verdict;
import org.alignlab.neural.AdamConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuperpositionExperimentTest {

    private static final SuperpositionExperiment EXPERIMENT = new SuperpositionExperiment();
    private static ClaimChecker.Outcome<SuperpositionResult> quick;

    @BeforeAll
    static void checkAtQuickScale() {
        quick = ClaimChecker.check(EXPERIMENT, EXPERIMENT.config(Scale.QUICK),
                ClaimChecker.Options.quick().withThreads(2));
        for (ClaimResult c : quick.claims())
            System.out.printf("%-22s %-16s mean %.4f interval %s values %s%n", c.claim(), c.verdict(), c.mean(),
                    c.interval(), java.util.Arrays.toString(c.values()));
    }

    private static ClaimResult claim(String id) {
        return quick.claims().stream().filter(c -> c.claim().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Verdicts of the quick preset (1,000 steps at lr 1e-2, three seeds; deterministic). The dense n=5 model is not
     * settled after 1,000 steps in one seed of three (a third feature still above the 0.5 norm line), and the quick
     * part (c) (n=100, m=10, eight sparsities) is too coarse and short for the dimensionality claims: most features of
     * its sparsest models sit near 1/4 to 1/6, below the published lines.
     */
    @ParameterizedTest(name = "{0} is {1} at quick scale")
    @CsvSource({
        "a-dense-two-features,  INCONCLUSIVE",
        "a-dense-unit-norms,    INCONCLUSIVE",
        "a-dense-orthogonal,    INCONCLUSIVE",
        "a-sparse-all-five,     REPRODUCED",
        "a-pentagon-angles,     REPRODUCED",
        "a-pentagon-norms,      REPRODUCED",
        "b-dense-five-features, REPRODUCED",
        "b-dense-top-five,      REPRODUCED",
        "b-dense-rest-dropped,  REPRODUCED",
        "b-dense-orthogonal,    REPRODUCED",
        "b-superposition,       DEMONSTRATED",
        "b-more-with-sparsity,  DEMONSTRATED",
        "b-antipodal-pairs,     REPRODUCED",
        "c-dense-one-dimension, REPRODUCED",
        "c-sticky-half,         INCONCLUSIVE",
        "c-sticky-fractions,    NOT_DEMONSTRATED",
        "c-pentagons,           INCONCLUSIVE"})
    void claimVerdictAtQuickScale(String id, Verdict expected) {
        ClaimResult c = claim(id);
        assertEquals(expected, c.verdict(), id + ": mean " + c.mean() + " interval " + c.interval());
        assertEquals(SuperpositionExperiment.SEEDS, c.n());
    }

    @Test
    void everyClaimIsCheckedAndCitesAPlace() {
        assertEquals(17, EXPERIMENT.claims().size());
        assertEquals(17, quick.claims().size());
        for (var c : EXPERIMENT.claims()) {
            assertFalse(c.source().where().isBlank(), c.id());
            assertFalse(c.setupNote().isBlank(), c.id());
        }
        assertEquals("robustly-good.interpretability", EXPERIMENT.info().node());
    }

    @Test
    void registeredAsAService() {
        boolean found = false;
        for (Experiment<?, ?> e : ServiceLoader.load(Experiment.class))
            found |= e.info().id().equals(SuperpositionExperiment.ID);
        assertTrue(found);
    }

    @Test
    void figuresDrawFromAQuickResult() {
        SuperpositionResult r = quick.runs().get(0).result();
        for (var f : EXPERIMENT.figures()) assertNotNull(f.draw().apply(new org.alignlab.core.Figure.Input<>(r,
                quick.runs().get(0).metrics())), f.id());
        assertEquals(r.sweepSparsities().length, r.sweepGram().length);
        assertEquals(EXPERIMENT.config(Scale.QUICK).uniformPoints(), r.uniformDimensionality().length);
    }

    @Test
    void sameSeedSameWeightsBitForBitOtherSeedOtherWeights() {
        double[] imp = SuperpositionExperiment.geometric(0.9, 5);
        var spec = new SparsitySweep.Spec(5, 2, imp, new double[] {0, 0.9}, 2, 40, 64, AdamConfig.adamW(1e-2, 0.01));
        RunContext one = RunContext.detached(7), again = RunContext.detached(7), other = RunContext.detached(8);
        var a = SparsitySweep.train(spec, one.random("init"), one.random("data"), one, "t");
        var b = SparsitySweep.train(spec, again.random("init"), again.random("data"), again, "t");
        var c = SparsitySweep.train(spec, other.random("init"), other.random("data"), other, "t");
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < 5; i++) assertArrayEquals(a.w()[s][i], b.w()[s][i], 0.0);
            assertArrayEquals(a.b()[s], b.b()[s], 0.0);
            assertArrayEquals(a.restartLosses()[s], b.restartLosses()[s], 0.0);
        }
        assertFalse(java.util.Arrays.equals(a.w()[1][0], c.w()[1][0]));
    }

    @Test
    void keepsTheRestartWithTheLowestLoss() {
        var spec = new SparsitySweep.Spec(5, 2, SuperpositionExperiment.geometric(0.9, 5), new double[] {0, 0.95}, 3,
                30, 64, AdamConfig.adamW(1e-2, 0.01));
        RunContext ctx = RunContext.detached(3);
        var t = SparsitySweep.train(spec, ctx.random("init"), ctx.random("data"), ctx, "t");
        for (int s = 0; s < 2; s++) {
            double min = Double.POSITIVE_INFINITY;
            for (double l : t.restartLosses()[s]) min = Math.min(min, l);
            assertEquals(min, t.loss()[s], 0.0);
        }
    }

    @Test
    void badConfigsAreRefusedWithOneLine() {
        SuperpositionConfig q = EXPERIMENT.config(Scale.QUICK);
        UsageException notDense = assertThrows(UsageException.class, () -> EXPERIMENT.validate(
                Configs.override(q, Map.of("pentagonSparsities", "0.5,0.9"))));
        assertTrue(notDense.getMessage().contains("must start at 0"), notDense.getMessage());
        assertThrows(UsageException.class, () -> EXPERIMENT.validate(
                Configs.override(q, Map.of("sweepSparsities", "0,0.9,0.7"))));
        UsageException wide = assertThrows(UsageException.class, () -> EXPERIMENT.validate(
                Configs.override(q, Map.of("uniformHidden", "100"))));
        assertTrue(wide.getMessage().contains("must be below"), wide.getMessage());
        assertThrows(UsageException.class, () -> Configs.override(q, Map.of("pentagonSparsities", "0,1.0")));
        assertThrows(UsageException.class, () -> Configs.override(q, Map.of("steps", "0")));
    }

    @Test
    void paperPresetIsThePublishedSetup() {
        SuperpositionConfig p = EXPERIMENT.config(Scale.PAPER);
        assertEquals(10_000, p.steps());
        assertEquals(1024, p.batch());
        assertEquals(1e-3, p.lr(), 0.0);
        assertArrayEquals(new double[] {0, 0.7, 0.9, 0.97, 0.99, 0.997, 0.999}, p.sweepSparsities(), 0.0);
        double[] s = p.uniformSparsities();
        assertEquals(0, s[0], 0.0);
        assertEquals(1.0 / 20, 1 - s[s.length - 1], 1e-12);
        EXPERIMENT.validate(p);
    }
}
