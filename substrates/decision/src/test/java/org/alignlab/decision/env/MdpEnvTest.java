package org.alignlab.decision.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.decision.mdp.Mdp;
import org.junit.jupiter.api.Test;

class MdpEnvTest {
    /** Successor frequencies match P(s'|s,a) within 4 standard errors, over random MDPs and state-action pairs. */
    @Test
    void successorsAreSampledFromTheTransitionProbabilities() {
        SplittableRandom cases = new SplittableRandom(11);
        for (int c = 0; c < 5; c++) {
            Mdp mdp = TestMdps.random(cases, 4, 2, 0.9);
            MdpEnv env = new MdpEnv(mdp);
            int s = cases.nextInt(4);
            int a = cases.nextInt(2);
            int trials = 20_000;
            int[] counts = new int[mdp.states()];
            double rewardSum = 0;
            for (int t = 0; t < trials; t++) {
                // reset until the start is s (initial distribution is uniform over live states), then step once
                long seed = cases.nextLong();
                if (env.reset(seed).observation() != s) {
                    t--;
                    continue;
                }
                Step<Integer> step = env.step(a);
                counts[step.observation()]++;
                rewardSum += step.reward();
                assertEquals(mdp.terminal(step.observation()), step.terminated());
                assertFalse(step.truncated());
            }
            for (int k = mdp.rowStart(s, a); k < mdp.rowEnd(s, a); k++) {
                double p = mdp.prob(k);
                double freq = (double) counts[mdp.next(k)] / trials;
                double se = Math.sqrt(p * (1 - p) / trials);
                assertEquals(p, freq, 4 * se + 1e-12, "P(" + mdp.next(k) + "|" + s + "," + a + ")");
            }
            double expected = mdp.expectedReward(s, a);
            assertEquals(expected, rewardSum / trials, 0.05, "mean reward of (" + s + "," + a + ")");
        }
    }

    @Test
    void rewardIsStateRewardPlusTransitionReward() {
        Mdp mdp = TestMdps.exitOrWalkChain();
        MdpEnv env = new MdpEnv(mdp);
        assertEquals(0, env.reset(1).observation());
        Step<Integer> exit = env.step(0);
        assertEquals(TestMdps.CHAIN_EXIT, exit.observation());
        assertEquals(-0.1 + 7.5, exit.reward(), 0.0);
        assertTrue(exit.terminated());
    }

    @Test
    void theStartStateFollowsTheInitialDistribution() {
        Mdp mdp = Mdp.builder(3, 1).initialDistribution(new double[] {0.25, 0, 0.75})
                .deterministic(0, 0, 0).deterministic(1, 0, 1).deterministic(2, 0, 2).build();
        MdpEnv env = new MdpEnv(mdp);
        int twos = 0;
        for (int i = 0; i < 4000; i++) {
            int s0 = env.reset(i).observation();
            assertTrue(s0 == 0 || s0 == 2);
            if (s0 == 2) twos++;
        }
        assertEquals(0.75, twos / 4000.0, 4 * Math.sqrt(0.75 * 0.25 / 4000));
    }

    @Test
    void misuseGivesClearEnvExceptions() {
        MdpEnv env = new MdpEnv(EnvSpec.of("test/ExitChain-v0"), TestMdps.exitOrWalkChain());
        EnvException before = assertThrows(EnvException.class, () -> env.step(0));
        assertEquals("test/ExitChain-v0: step called before reset; call reset(seed) first", before.getMessage());
        env.reset(3);
        EnvException bad = assertThrows(EnvException.class, () -> env.step(2));
        assertEquals("test/ExitChain-v0: action 2 is outside the action space Discrete[n=2]", bad.getMessage());
        env.step(0);
        EnvException done = assertThrows(EnvException.class, () -> env.step(1));
        assertEquals("test/ExitChain-v0: the episode has finished; call reset before stepping again", done.getMessage());
    }

    @Test
    void anInitialDistributionOnATerminalStateIsRefused() {
        Mdp mdp = Mdp.builder(2, 1).initial(1).terminal(1).deterministic(0, 0, 1).build();
        EnvException ex = assertThrows(EnvException.class, () -> new MdpEnv(mdp));
        assertTrue(ex.getMessage().contains("terminal state 1"), ex.getMessage());
    }

    @Test
    void passesTheCheckerAndIsDeterministic() {
        for (Mdp mdp : List.of(TestMdps.exitOrWalkChain(), TestMdps.cliffWalking(),
                TestMdps.random(new SplittableRandom(5), 6, 3, 0.95))) {
            assertEquals(List.of(), EnvChecker.check(new MdpEnv(mdp), 99));
            assertEquals(List.of(), EnvChecker.determinism(() -> new MdpEnv(mdp), 99, 400));
        }
    }
}
