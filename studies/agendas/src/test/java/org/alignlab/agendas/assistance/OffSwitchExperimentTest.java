package org.alignlab.agendas.assistance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

class OffSwitchExperimentTest {

    private static final OffSwitchExperiment EXPERIMENT = new OffSwitchExperiment();
    private static ClaimChecker.Outcome<OffSwitchResult> quick;

    @BeforeAll
    static void checkAtQuickScale() {
        quick = ClaimChecker.check(EXPERIMENT, EXPERIMENT.config(Scale.QUICK),
                ClaimChecker.Options.quick().withThreads(1));
    }

    private static ClaimResult claim(ClaimChecker.Outcome<?> outcome, String id) {
        return outcome.claims().stream().filter(c -> c.claim().equals(id)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} is {1} at quick scale")
    @CsvSource({
        "rational-nonnegative,           REPRODUCED",
        "rational-vanishes-when-certain, REPRODUCED",
        "standard-normal-monte-carlo,    REPRODUCED",
        "noisy-decomposition,            REPRODUCED",
        "noisy-mean-zero-defers,         REPRODUCED",
        "noisy-sign-change,              DEMONSTRATED",
        "noisy-monotone-in-beta,         DEMONSTRATED",
        "noisy-boundary-closed-form,     DEMONSTRATED"})
    void claimHoldsAtQuickScale(String id, Verdict expected) {
        ClaimResult c = claim(quick, id);
        assertEquals(expected, c.verdict(), id + ": mean " + c.mean() + " interval " + c.interval() + " band "
                + c.band());
    }

    @Test
    void everyClaimIsTested() {
        assertEquals(8, EXPERIMENT.claims().size());
        assertEquals(EXPERIMENT.claims().size(), quick.claims().size());
    }

    @Test
    void monteCarloClaimUsesFiveSeedsThatDiffer() {
        ClaimResult c = claim(quick, "standard-normal-monte-carlo");
        assertEquals(5, c.n());
        assertEquals(5, java.util.Arrays.stream(c.values()).distinct().count());
        assertEquals(StandardNormal.INV_SQRT_2PI, c.published(), 0);
    }

    @Test
    void sameSeedGivesBitIdenticalResultsOnOneOrTwoThreads() throws Exception {
        ClaimChecker.Outcome<OffSwitchResult> two = ClaimChecker.check(EXPERIMENT, EXPERIMENT.config(Scale.QUICK),
                ClaimChecker.Options.quick().withThreads(2));
        ObjectMapper json = new ObjectMapper();
        assertEquals(quick.runs().size(), two.runs().size());
        for (int i = 0; i < quick.runs().size(); i++) {
            assertEquals(quick.runs().get(i).seed(), two.runs().get(i).seed());
            assertEquals(json.writeValueAsString(quick.runs().get(i).result()),
                    json.writeValueAsString(two.runs().get(i).result()), "run " + i);
        }
        for (int k = 0; k < quick.claims().size(); k++) {
            assertArrayEquals(quick.claims().get(k).values(), two.claims().get(k).values());
        }
    }

    @Test
    void resultIsSerialisableAndLogsTheCurves() throws Exception {
        OffSwitchResult r = quick.runs().get(0).result();
        String text = new ObjectMapper().writeValueAsString(r);
        OffSwitchResult back = new ObjectMapper().readValue(text, OffSwitchResult.class);
        assertEquals(r.checks(), back.checks());
        var metrics = quick.runs().get(0).metrics();
        assertEquals(r.curves().sigmas().length, metrics.values("noisy/delta/rational").length);
        assertArrayEquals(r.curves().delta()[0], metrics.values("noisy/delta/rational"));
        assertEquals(3, r.panels().size());
        assertEquals(0.0, r.panels().get(1).mean(), 0);
    }

    @Test
    void figuresRender(@TempDir Path dir) throws Exception {
        OffSwitchResult r = quick.runs().get(0).result();
        FigureRenderer.renderAll(EXPERIMENT.figures(), r, quick.runs().get(0).metrics(), dir, MetricSink.NONE);
        for (var f : EXPERIMENT.figures()) {
            assertTrue(Files.size(dir.resolve(f.id() + ".png")) > 1000, f.id());
            assertTrue(Files.size(dir.resolve(f.id() + ".svg")) > 1000, f.id());
        }
    }

    @Test
    void claimsFailWhenTheGridMissesTheBoundary() {
        // All of this grid lies where Δ > 0 (σ ≥ 0.8, β ≤ 0.05 < σ²/(2·0.25)): no sign change and no Δ = 0 line, so
        // the two demonstrations must say NOT_DEMONSTRATED rather than pass vacuously.
        OffSwitchConfig c = Configs.override(EXPERIMENT.config(Scale.QUICK), Map.of(
                "heatSigmaMin", "0.8", "heatSigmaMax", "1", "heatSigmaSteps", "4",
                "betaMin", "0.01", "betaMax", "0.05", "betaSteps", "4", "samples", "1000", "randomPriors", "0"));
        var outcome = ClaimChecker.check(EXPERIMENT, c, ClaimChecker.Options.quick().withSeeds(1));
        assertEquals(Verdict.NOT_DEMONSTRATED, claim(outcome, "noisy-sign-change").verdict());
        assertEquals(Verdict.NOT_DEMONSTRATED, claim(outcome, "noisy-boundary-closed-form").verdict());
    }

    @Test
    void quickAndPaperPresetsAreValid() {
        for (Scale s : Scale.values()) EXPERIMENT.validate(EXPERIMENT.config(s));
        OffSwitchConfig q = EXPERIMENT.config(Scale.QUICK);
        OffSwitchConfig p = EXPERIMENT.config(Scale.PAPER);
        assertTrue(p.samples() > q.samples() && p.betaSteps() > q.betaSteps() && p.meanSteps() > q.meanSteps());
        // Every config component is documented.
        for (var info : Configs.describe(q)) assertTrue(!info.doc().isBlank(), info.key());
    }

    @Test
    void overridesAcceptGoodValues() {
        OffSwitchConfig c = Configs.override(EXPERIMENT.config(Scale.QUICK), Map.of(
                "samples", "5000", "heatMapMean", "0.5", "lineBetas", "0.1,0.2", "meanSteps", "21",
                "certainSigma", "0.001"));
        assertEquals(5000, c.samples());
        assertEquals(0.5, c.heatMapMean(), 0);
        assertArrayEquals(new double[] {0.1, 0.2}, c.lineBetas());
        assertEquals(21, c.meanSteps());
        assertEquals(0.001, c.certainSigma(), 0);
        EXPERIMENT.validate(c);
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource(delimiter = ';', value = {
        "samples; 10",
        "samples; lots",
        "certainSigma; 0.5",
        "heatMapMean; -0.25",
        "meanSteps; 1",
        "betaSteps; 5000",
        "lineBetas; 0.1,0",
        "sigmaMin; NaN",
        "noSuchKey; 1"})
    void overridesRejectBadValues(String key, String value) {
        assertThrows(UsageException.class,
                () -> Configs.override(EXPERIMENT.config(Scale.QUICK), Map.of(key, value)));
    }

    @Test
    void validateRejectsInvertedRanges() {
        for (var bad : List.of(Map.of("sigmaMin", "2", "sigmaMax", "1"), Map.of("betaMin", "0.5", "betaMax", "0.5"),
                Map.of("heatSigmaMin", "1", "heatSigmaMax", "0.1"), Map.of("lineBetas", ""))) {
            OffSwitchConfig c = Configs.override(EXPERIMENT.config(Scale.QUICK), bad);
            assertThrows(UsageException.class, () -> EXPERIMENT.validate(c), bad.toString());
            assertThrows(UsageException.class, () -> EXPERIMENT.run(c, RunContext.detached(1)), bad.toString());
        }
    }

    @Test
    void registeredWithTheServiceLoader() {
        var found = ExperimentRegistry.load().find(OffSwitchExperiment.ID);
        assertTrue(found.isPresent());
        assertEquals("agendas.assistance-games", found.get().info().node());
        List<String> places = EXPERIMENT.claims().stream().map(c -> c.source().where()).collect(Collectors.toList());
        assertTrue(places.stream().noneMatch(String::isBlank));
    }
}
