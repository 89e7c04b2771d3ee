package org.alignlab.decision.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VectorEnvTest {
    private static final int COPIES = 4;

    private static List<VectorStep<Integer>> run(long seed, int steps) {
        VectorEnv<Integer, Integer> v = new VectorEnv<>(() -> new MdpEnv(TestMdps.exitOrWalkChain()), COPIES);
        SplittableRandom actions = new SplittableRandom(seed ^ 0x5DEECE66DL);
        v.reset(seed);
        List<VectorStep<Integer>> out = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            List<Integer> a = new ArrayList<>();
            for (int i = 0; i < COPIES; i++) a.add(actions.nextInt(2));
            out.add(v.step(a));
        }
        return out;
    }

    @Test
    void sameSeedGivesIdenticalRunsAndAnotherSeedDoesNot() {
        assertEquals(run(17, 200), run(17, 200));
        assertNotEquals(run(17, 200), run(18, 200));
    }

    /** Copy i's trajectory is exactly that of one environment reset with the documented episode seeds. */
    @Test
    void eachCopyMatchesASingleEnvironmentWithTheDerivedSeeds() {
        long seed = 31;
        int steps = 150;
        VectorEnv<Integer, Integer> v = new VectorEnv<>(() -> new MdpEnv(TestMdps.exitOrWalkChain()), COPIES);
        List<Integer> first = v.reset(seed);
        List<MdpEnv> singles = new ArrayList<>();
        long[] episodes = new long[COPIES];
        for (int i = 0; i < COPIES; i++) {
            MdpEnv e = new MdpEnv(TestMdps.exitOrWalkChain());
            assertEquals(first.get(i), e.reset(VectorEnv.episodeSeed(seed, i, 0)).observation());
            singles.add(e);
        }
        SplittableRandom actions = new SplittableRandom(5);
        int finished = 0;
        for (int t = 0; t < steps; t++) {
            List<Integer> a = new ArrayList<>();
            for (int i = 0; i < COPIES; i++) a.add(actions.nextInt(2));
            VectorStep<Integer> vs = v.step(a);
            for (int i = 0; i < COPIES; i++) {
                Step<Integer> s = singles.get(i).step(a.get(i));
                assertEquals(s.reward(), vs.rewards()[i], 0.0);
                assertEquals(s.terminated(), vs.terminated()[i]);
                assertEquals(s.observation(), vs.nextObservation(i));
                if (s.done()) {
                    finished++;
                    episodes[i]++;
                    assertEquals(singles.get(i).reset(VectorEnv.episodeSeed(seed, i, episodes[i])).observation(),
                            vs.observations().get(i), "auto-reset observation");
                } else {
                    assertNull(vs.finalObservations().get(i));
                    assertEquals(s.observation(), vs.observations().get(i));
                }
            }
        }
        assertTrue(finished > 20, "auto-reset exercised: " + finished);
        assertEquals(List.of(episodes[0], episodes[1], episodes[2], episodes[3]),
                java.util.Arrays.stream(v.finishedEpisodes()).boxed().toList());
    }

    @Test
    void badActionsAreRefusedBeforeAnyCopyMoves() {
        VectorEnv<Integer, Integer> v = new VectorEnv<>(() -> new MdpEnv(TestMdps.exitOrWalkChain()), 3);
        assertThrows(EnvException.class, () -> v.step(List.of(0, 0, 0)), "before reset");
        v.reset(1);
        EnvException count = assertThrows(EnvException.class, () -> v.step(List.of(0, 1)));
        assertEquals("mdp/Mdp-v0: need 3 actions, one per copy (got 2)", count.getMessage());
        EnvException bad = assertThrows(EnvException.class, () -> v.step(List.of(1, 1, 7)));
        assertEquals("mdp/Mdp-v0: action 7 of copy 2 is outside the action space Discrete[n=2]", bad.getMessage());
        VectorStep<Integer> ok = v.step(List.of(0, 0, 0)); // every copy still at its start: exit pays 7.4
        for (int i = 0; i < 3; i++) assertEquals(7.4, ok.rewards()[i], 1e-12);
        assertThrows(EnvException.class, () -> new VectorEnv<>(() -> new ChainEnv(3, 0), 0));
    }

    @Test
    void makeFromTheRegistry() {
        EnvRegistry r = new EnvRegistry().register(new EnvSpec("toy/Exit-v0", 10, Double.NaN),
                () -> new MdpEnv(TestMdps.exitOrWalkChain()));
        VectorEnv<Integer, Integer> v = VectorEnv.make(r, "toy/Exit-v0", 2);
        assertEquals(2, v.size());
        assertEquals(10, v.spec().maxEpisodeSteps());
        assertThrows(EnvException.class, () -> VectorEnv.make(r, "toy/Exit-v9", 2));
    }
}
