package org.alignlab.decision.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alignlab.core.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvRegistryTest {
    private static EnvRegistry registry() {
        return new EnvRegistry()
                .register(EnvSpec.of("safety/BoatRace-v0"), () -> new ChainEnv(4, 0))
                .register(EnvSpec.of("safety/BoatRace-v1"), () -> new ChainEnv(5, 0))
                .register(new EnvSpec("safety/Vase-v0", 7, Double.NaN), () -> new ChainEnv(50, 0))
                .register(EnvSpec.of("toy/Chain-v2"), () -> new ChainEnv(3, 0.1));
    }

    @Test
    void specsAreSortedById() {
        assertEquals(List.of("safety/BoatRace-v0", "safety/BoatRace-v1", "safety/Vase-v0", "toy/Chain-v2"),
                registry().specs().stream().map(EnvSpec::id).toList());
    }

    @Test
    void makeGivesAFreshInstanceThatReportsTheRegisteredSpec() {
        EnvRegistry r = registry();
        Env<ChainEnv.Cell, Integer> a = r.make("safety/BoatRace-v1");
        Env<ChainEnv.Cell, Integer> b = r.make("safety/BoatRace-v1");
        assertNotSame(a, b);
        assertEquals(EnvSpec.of("safety/BoatRace-v1"), a.spec());
        assertInstanceOf(ChainEnv.class, a.unwrapped());
        a.reset(1);
        for (int i = 0; i < 4; i++) a.step(1);
        assertTrue(a.step(1).terminated(), "BoatRace-v1 is the 5-cell chain");
    }

    @Test
    void makeAppliesTheSpecsStepLimit() {
        Env<ChainEnv.Cell, Integer> env = registry().make("safety/Vase-v0");
        assertInstanceOf(TimeLimit.class, env);
        assertEquals(7, env.spec().maxEpisodeSteps());
        env.reset(0);
        for (int i = 0; i < 6; i++) assertTrue(!env.step(1).done());
        Step<ChainEnv.Cell> last = env.step(1);
        assertTrue(last.truncated() && !last.terminated());
        assertThrows(EnvException.class, () -> env.step(1));
    }

    @Test
    void anUnknownIdNamesTheClosestRegisteredIds() {
        EnvException ex = assertThrows(EnvException.class, () -> registry().make("safety/BoatRaec-v0"));
        assertEquals("unknown environment 'safety/BoatRaec-v0'; did you mean safety/BoatRace-v0, safety/BoatRace-v1, "
                + "safety/Vase-v0?", ex.getMessage());
        EnvException far = assertThrows(EnvException.class, () -> registry().make("atari/Pong-v5"));
        assertEquals("unknown environment 'atari/Pong-v5'; registered: safety/BoatRace-v0, safety/BoatRace-v1, "
                + "safety/Vase-v0, toy/Chain-v2", far.getMessage());
        assertInstanceOf(UsageException.class, ex, "exit code 2 at the command line");
    }

    @Test
    void anUnregisteredVersionNamesTheRegisteredVersions() {
        EnvException ex = assertThrows(EnvException.class, () -> registry().make("toy/Chain-v0"));
        assertEquals("version v0 of toy/Chain is not registered; registered: toy/Chain-v2", ex.getMessage());
        EnvException none = assertThrows(EnvException.class, () -> registry().make("safety/BoatRace"));
        assertEquals("environment id 'safety/BoatRace' has no version; registered: safety/BoatRace-v0, "
                + "safety/BoatRace-v1", none.getMessage());
    }

    @Test
    void blankIdsAndEmptyRegistriesSaySo() {
        assertEquals("give an environment id such as safety/BoatRace-v0",
                assertThrows(EnvException.class, () -> registry().make(" ")).getMessage());
        assertEquals("unknown environment 'a/B-v0'; no environments are registered",
                assertThrows(EnvException.class, () -> new EnvRegistry().make("a/B-v0")).getMessage());
    }

    @Test
    void duplicateIdsAreAProgrammingError() {
        EnvRegistry r = registry();
        IllegalStateException ex = assertThrows(IllegalStateException.class,
                () -> r.register(EnvSpec.of("toy/Chain-v2"), () -> new ChainEnv(2, 0)));
        assertEquals("two environments share the id toy/Chain-v2", ex.getMessage());
    }

    /** A provider listed in META-INF/services on a (temporary) class path is found and its environments made. */
    @Test
    void providersAreFoundWithServiceLoader(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(EnvProvider.class.getName()), TestProvider.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            EnvRegistry r = EnvRegistry.load(loader);
            assertEquals(List.of("provided/Chain-v0", "provided/Chain-v1"), r.specs().stream().map(EnvSpec::id).toList());
            assertEquals(List.of(), EnvChecker.checkAll(r, 3));
        }
    }

    public static final class TestProvider implements EnvProvider {
        @Override
        public List<EnvRegistration> environments() {
            return List.of(new EnvRegistration(new EnvSpec("provided/Chain-v1", 20, 0.9), () -> new ChainEnv(6, 0.3)),
                    new EnvRegistration(EnvSpec.of("provided/Chain-v0"), () -> new ChainEnv(3, 0)));
        }
    }
}
