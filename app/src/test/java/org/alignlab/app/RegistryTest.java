package org.alignlab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alignlab.core.ExperimentRegistry;
import org.alignlab.landscape.Landscape;
import org.alignlab.landscape.LandscapeMap;
import org.junit.jupiter.api.Test;

/** The experiments the app ships, found through ServiceLoader, all sit on the map. */
class RegistryTest {
    @Test
    void everyShippedExperimentIsOnTheMap() {
        ExperimentRegistry registry = ExperimentRegistry.load();
        assertFalse(registry.all().isEmpty(), "ServiceLoader finds the studies' experiments");
        new LandscapeMap(Landscape.load(), registry).validate();
        assertTrue(registry.find("agendas.assistance-games.off-switch").isPresent());
    }
}
