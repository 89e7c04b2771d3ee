package org.alignlab.threats.overoptimisation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.alignlab.core.ClaimChecker;
import org.alignlab.core.ClaimResult;
import org.alignlab.core.Configs;
import org.alignlab.core.ExperimentRegistry;
import org.alignlab.core.FigureRenderer;
import org.alignlab.core.MetricSink;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.UsageException;
import org.alignlab.core.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OveroptimisationExperimentTest {

    private static final OveroptimisationExperiment EXPERIMENT = new OveroptimisationExperiment();
    private static ClaimChecker.Outcome<OveroptimisationResult> quick;

    @BeforeAll
    static void checkAtQuickScale() {
        quick = ClaimChecker.check(EXPERIMENT, EXPERIMENT.config(Scale.QUICK),
                ClaimChecker.Options.quick().withThreads(2));
    }

    private static ClaimResult claim(ClaimChecker.Outcome<?> outcome, String id) {
        return outcome.claims().stream().filter(c -> c.claim().equals(id)).findFirst().orElseThrow();
    }

    // The verdicts measured at quick scale (5 seeds from base seed 1). The inconclusive ones straddle their
    // thresholds; see each claim's setup note and the experiment's report.
    @ParameterizedTest(name = "{0} is {1} at quick scale")
    @CsvSource({
        "kl-bon-formula,       REPRODUCED",
        "bon-gold-fit,         INCONCLUSIVE",
        "bon-overoptimisation, DEMONSTRATED",
        "bon-peak-location,    INCONCLUSIVE",
        "alpha-rises-with-n,   INCONCLUSIVE",
        "beta-falls-with-n,    DEMONSTRATED",
        "rl-gold-fit,          INCONCLUSIVE",
        "rl-form-distinct,     NOT_DEMONSTRATED"})
    void claimVerdictAtQuickScale(String id, Verdict expected) {
        ClaimResult c = claim(quick, id);
        assertEquals(expected, c.verdict(), id + ": mean " + c.mean() + " interval " + c.interval() + " band "
                + c.band());
    }

    @Test
    void everyClaimIsCheckedWithItsSeedsAndHasASourcePlace() {
        assertEquals(8, EXPERIMENT.claims().size());
        assertEquals(EXPERIMENT.claims().size(), quick.claims().size());
        for (var c : EXPERIMENT.claims()) {
            assertFalse(c.source().where().isBlank(), c.id());
            assertFalse(c.setupNote().isBlank(), c.id());
        }
        assertEquals(5, claim(quick, "bon-overoptimisation").n());
        assertEquals(1, claim(quick, "kl-bon-formula").n());
        // Five seeds give five different proxies, hence five different values.
        assertEquals(5, java.util.Arrays.stream(claim(quick, "bon-gold-fit").values()).distinct().count());
    }

    @Test
    void theHeadlineProxyIsOveroptimisedAndBetterProxiesLessSo() {
        OveroptimisationResult r = quick.runs().get(0).result();
        OveroptimisationResult.ProxyCurves head = r.proxies().get(0);
        int last = r.n().length - 1;
        // Gold peaks inside the grid and ends lower while the proxy ends higher.
        assertTrue(head.bonArgmaxD() < r.d()[last]);
        assertTrue(head.bonGold()[last] < head.bonGold()[OveroptimisationExperiment.argmax(head.bonGold())]);
        for (int j = 1; j <= last; j++) assertTrue(head.bonProxy()[j] > head.bonProxy()[j - 1], "proxy step " + j);
        // More comparisons: a proxy that correlates better with gold, and more gold gained at the start.
        for (int i = 1; i < r.proxies().size(); i++) {
            assertTrue(r.proxies().get(i).correlation() > r.proxies().get(i - 1).correlation());
            assertTrue(r.trend().initialGainBon()[i] > r.trend().initialGainBon()[i - 1]);
        }
        assertEquals(head.bonGold()[1] / r.d()[1], head.bonInitialGain(), 0);
        assertEquals(0, head.bonGold()[0], 0);
        assertEquals(r.n().length - 1, head.rlGold().length);
        assertEquals(r.d()[1], head.rlD()[0], 0);
    }

    @Test
    void sameSeedGivesBitIdenticalResultsOnOneOrTwoThreads() throws Exception {
        // The shared check ran 5 seeds on 2 threads; rerun its first two seeds on 1 thread.
        ClaimChecker.Outcome<OveroptimisationResult> one = ClaimChecker.check(EXPERIMENT,
                EXPERIMENT.config(Scale.QUICK), ClaimChecker.Options.quick().withThreads(1).withSeeds(2));
        ObjectMapper json = new ObjectMapper();
        assertEquals(2, one.runs().size());
        for (int i = 0; i < one.runs().size(); i++) {
            assertEquals(quick.runs().get(i).seed(), one.runs().get(i).seed());
            assertEquals(json.writeValueAsString(quick.runs().get(i).result()),
                    json.writeValueAsString(one.runs().get(i).result()), "run " + i);
            assertEquals(quick.runs().get(i).metrics().asMap(), one.runs().get(i).metrics().asMap(), "run " + i);
        }
        assertFalse(json.writeValueAsString(quick.runs().get(0).result())
                .equals(json.writeValueAsString(quick.runs().get(1).result())), "different seeds differ");
    }

    @Test
    void resultIsSerialisableAndLogsTheCurves() throws Exception {
        OveroptimisationResult r = quick.runs().get(0).result();
        ObjectMapper json = new ObjectMapper();
        OveroptimisationResult back = json.readValue(json.writeValueAsString(r), OveroptimisationResult.class);
        assertEquals(r.checks(), back.checks());
        assertArrayEquals(r.proxies().get(2).bonGold(), back.proxies().get(2).bonGold());
        var metrics = quick.runs().get(0).metrics();
        OveroptimisationResult.ProxyCurves head = r.proxies().get(0);
        assertArrayEquals(head.bonGold(), metrics.values("bon/gold/N=" + head.trainingSize()));
        assertArrayEquals(head.rlGold(), metrics.values("rl/gold/N=" + head.trainingSize()));
        assertArrayEquals(r.d(), metrics.values("bon/d"));
        assertEquals(r.proxies().size(), metrics.values("fit/bon/alpha").length);
    }

    @Test
    void figuresRender(@TempDir Path dir) throws Exception {
        OveroptimisationResult r = quick.runs().get(0).result();
        FigureRenderer.renderAll(EXPERIMENT.figures(), r, quick.runs().get(0).metrics(), dir, MetricSink.NONE);
        assertEquals(4, EXPERIMENT.figures().size());
        for (var f : EXPERIMENT.figures()) {
            assertTrue(Files.size(dir.resolve(f.id() + ".png")) > 1000, f.id());
            assertTrue(Files.size(dir.resolve(f.id() + ".svg")) > 1000, f.id());
        }
    }

    @Test
    void overoptimisationClaimFailsWhenTheGoldRewardHasNothingToOveroptimise() {
        // Bends at 10 sd: within reach of best-of-n the gold reward is linear in each feature, the quadratic proxy
        // learns it well, and gold keeps rising with the proxy. The demonstration must then fail, not pass vacuously.
        OveroptimisationConfig c = Configs.override(EXPERIMENT.config(Scale.QUICK), Map.of(
                "bendMin", "10", "bendMax", "10", "trainingSizes", "2048,4096"));
        var outcome = ClaimChecker.check(EXPERIMENT, c, ClaimChecker.Options.quick().withSeeds(2).withThreads(2));
        assertEquals(Verdict.NOT_DEMONSTRATED, claim(outcome, "bon-overoptimisation").verdict());
        assertEquals(Verdict.NOT_DEMONSTRATED, claim(outcome, "bon-peak-location").verdict());
        // and the law itself fits a curve without a peak
        assertEquals(Verdict.DEMONSTRATED, claim(outcome, "bon-gold-fit").verdict());
    }

    @Test
    void quickAndPaperPresetsAreValidAndDocumented() {
        for (Scale s : Scale.values()) EXPERIMENT.validate(EXPERIMENT.config(s));
        OveroptimisationConfig q = EXPERIMENT.config(Scale.QUICK);
        OveroptimisationConfig p = EXPERIMENT.config(Scale.PAPER);
        assertTrue(p.poolLog2() > q.poolLog2() && p.maxNLog2() > q.maxNLog2()
                && p.trainingSizes().length > q.trainingSizes().length && p.replicates() > q.replicates());
        assertEquals(q.trainingSizes()[0], p.trainingSizes()[0], "both presets share the headline N");
        for (var info : Configs.describe(q)) assertFalse(info.doc().isBlank(), info.key());
    }

    @Test
    void overridesAcceptGoodValues() {
        OveroptimisationConfig c = Configs.override(EXPERIMENT.config(Scale.QUICK), Map.of(
                "trainingSizes", "100,200,400", "features", "4", "labelTemperature", "0.5", "poolLog2", "14",
                "maxNLog2", "10"));
        assertArrayEquals(new int[] {100, 200, 400}, c.trainingSizes());
        assertEquals(4, c.features());
        assertEquals(0.5, c.labelTemperature(), 0);
        EXPERIMENT.validate(c);
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource(delimiter = ';', value = {
        "features; 0",
        "features; 65",
        "bendMin; 0.1",
        "bendMax; NaN",
        "labelTemperature; 0",
        "ridge; 0",
        "trainingSizes; 4,64",
        "trainingSizes; 64,200000",
        "replicates; 0",
        "poolLog2; 23",
        "maxNLog2; 0",
        "stepsPerOctave; 9",
        "trainingSizes; many",
        "noSuchKey; 1"})
    void overridesRejectBadValues(String key, String value) {
        assertThrows(UsageException.class,
                () -> Configs.override(EXPERIMENT.config(Scale.QUICK), Map.of(key, value)));
    }

    @Test
    void validateRejectsBadCombinations() {
        for (var bad : List.of(Map.of("bendMin", "3", "bendMax", "2"), Map.of("trainingSizes", "64"),
                Map.of("trainingSizes", "256,64"), Map.of("trainingSizes", "64,64"),
                Map.of("poolLog2", "12", "maxNLog2", "9"), Map.of("maxNLog2", "1", "stepsPerOctave", "1"))) {
            OveroptimisationConfig c = Configs.override(EXPERIMENT.config(Scale.QUICK), bad);
            assertThrows(UsageException.class, () -> EXPERIMENT.validate(c), bad.toString());
            assertThrows(UsageException.class, () -> EXPERIMENT.run(c, RunContext.detached(1)), bad.toString());
        }
    }

    @Test
    void registeredWithTheServiceLoader() {
        var found = ExperimentRegistry.load().find(OveroptimisationExperiment.ID);
        assertTrue(found.isPresent());
        assertEquals("threat-models.specification-gaming", found.get().info().node());
    }
}
