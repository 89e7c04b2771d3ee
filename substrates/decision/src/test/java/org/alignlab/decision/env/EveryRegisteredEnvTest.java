package org.alignlab.decision.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.alignlab.decision.mdp.Mdp;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * As Gymnasium tests every registered environment: the checker and a two-instance determinism rollout over every
 * spec in the registry, those found with ServiceLoader on this module's class path plus a few registered here.
 * Studies run the same over their own environments with {@link EnvChecker#checkAll(EnvRegistry, long)}.
 */
class EveryRegisteredEnvTest {
    private static final long SEED = 7_2017L; // Leike et al. 2017, AI safety gridworlds

    static EnvRegistry registry() {
        EnvRegistry r = EnvRegistry.load();
        Mdp random = TestMdps.random(new SplittableRandom(2017), 5, 3, 0.9);
        r.register(new EnvSpec("test/ExitOrWalk-v0", 50, Double.NaN), () -> new MdpEnv(TestMdps.exitOrWalkChain()));
        r.register(new EnvSpec("test/CliffWalking-v0", 200, -13), () -> new MdpEnv(TestMdps.cliffWalking()));
        r.register(new EnvSpec("test/RandomMdp-v0", 100, Double.NaN), () -> new MdpEnv(random));
        r.register(new EnvSpec("test/SlipperyChain-v0", 40, Double.NaN), () -> new ChainEnv(6, 0.25));
        r.register(EnvSpec.of("test/RecordedChain-v0"), () -> new EpisodeRecorder<>(new ChainEnv(3, 0.1)));
        r.register(EnvSpec.of("test/IndexedChain-v0"),
                () -> new ObservationTransform<>(new ChainEnv(4, 0.1), new Space.Discrete(5), ChainEnv.Cell::x));
        return r;
    }

    @TestFactory
    Stream<DynamicTest> everyRegisteredEnvironmentPassesTheCheckerAndIsDeterministic() {
        EnvRegistry r = registry();
        return r.specs().stream().map(spec -> DynamicTest.dynamicTest(spec.id(), () -> {
            EnvRegistry one = new EnvRegistry().register(spec, () -> r.make(spec.id()));
            assertEquals(List.of(), EnvChecker.checkAll(one, SEED));
        }));
    }

    @Test
    void theReusableHelperCoversTheWholeRegistry() {
        EnvRegistry r = registry();
        assertTrue(r.specs().size() >= 6);
        EnvChecker.requireAll(r, SEED);
    }
}
