package org.alignlab.landscape;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.alignlab.core.Experiment;
import org.alignlab.core.ExperimentRegistry;
import org.alignlab.core.testkit.NoisyMean;
import org.alignlab.core.UsageException;
import org.junit.jupiter.api.Test;

class LandscapeMapTest {
    private static LandscapeMap mapWith(Experiment<?, ?>... experiments) {
        return new LandscapeMap(Landscape.load(), new ExperimentRegistry(List.of(experiments)));
    }

    private static List<String> ids(List<Experiment<?, ?>> experiments) {
        return experiments.stream().map(e -> e.info().id()).toList();
    }

    @Test
    void experimentIsFoundAtItsNodeAndUnderEveryAncestor() {
        LandscapeMap m = mapWith(
                new NoisyMean("threats.inner.fake", "threat-models.inner-misalignment"),
                new NoisyMean("agendas.debate.fake", "agendas.debate"));

        assertEquals(List.of("threats.inner.fake"), ids(m.experimentsAt("threat-models.inner-misalignment")));
        assertEquals(List.of("threats.inner.fake"), ids(m.experimentsUnder("threat-models.inner-misalignment")));
        assertEquals(List.of("threats.inner.fake"), ids(m.experimentsUnder("threat-models.power-seeking")));
        assertEquals(List.of("threats.inner.fake"), ids(m.experimentsUnder("threat-models")));

        // Not *at* the ancestors, and not anywhere else.
        assertTrue(m.experimentsAt("threat-models.power-seeking").isEmpty());
        assertTrue(m.experimentsAt("threat-models").isEmpty());
        assertTrue(m.experimentsUnder("threat-models.specification-gaming").isEmpty());
        assertTrue(m.experimentsUnder("robustly-good").isEmpty());

        assertEquals(List.of("agendas.debate.fake"), ids(m.experimentsUnder("agendas")));
        assertDoesNotThrow(m::validate);
        assertTrue(m.offMap().isEmpty());
    }

    @Test
    void experimentsUnderFollowMapOrder() {
        LandscapeMap m = mapWith(
                new NoisyMean("a.inner", "threat-models.inner-misalignment"),
                new NoisyMean("z.power", "threat-models.power-seeking"),
                new NoisyMean("b.coord", "threat-models.coordination-failures"));
        // power-seeking comes before inner misalignment in the depth-first map, whatever the experiment ids say
        assertEquals(List.of("z.power", "a.inner", "b.coord"), ids(m.experimentsUnder("threat-models")));
    }

    @Test
    void countsUnderAddUpThroughAncestors() {
        LandscapeMap m = mapWith(
                new NoisyMean("one", "threat-models.inner-misalignment"),
                new NoisyMean("two", "threat-models.power-seeking"),
                new NoisyMean("three", "robustly-good.robustness"));
        Map<String, Integer> counts = m.countsUnder();
        assertEquals(2, counts.get("threat-models"));
        assertEquals(2, counts.get("threat-models.power-seeking"));
        assertEquals(1, counts.get("threat-models.inner-misalignment"));
        assertEquals(1, counts.get("robustly-good"));
        assertEquals(0, counts.get("agendas"));
        assertEquals(Landscape.load().ids(), List.copyOf(counts.keySet()));
    }

    @Test
    void experimentAtAnUnknownNodeFailsValidation() {
        LandscapeMap m = mapWith(
                new NoisyMean("good", "agendas.debate"),
                new NoisyMean("lost", "agendas.debat"));
        IllegalStateException e = assertThrows(IllegalStateException.class, m::validate);
        assertTrue(e.getMessage().contains("lost"), e.getMessage());
        assertTrue(e.getMessage().contains("'agendas.debat'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean agendas.debate?"), e.getMessage());
        assertTrue(!e.getMessage().contains("good "), e.getMessage());
        assertEquals(List.of("lost"), ids(m.offMap()));
        // The lost experiment is not counted anywhere on the map.
        assertEquals(List.of("good"), ids(m.experimentsUnder("agendas")));
    }

    @Test
    void askingAboutAnUnknownNodeIsAUsageError() {
        LandscapeMap m = mapWith();
        UsageException e = assertThrows(UsageException.class, () -> m.experimentsAt("agendas.debat"));
        assertTrue(e.getMessage().contains("did you mean agendas.debate?"), e.getMessage());
        assertThrows(UsageException.class, () -> m.experimentsUnder("nowhere"));
    }

    @Test
    void everyRegisteredExperimentOnTheClassPathIsOnTheMap() {
        assertDoesNotThrow(() -> LandscapeMap.load().validate());
    }
}
