package org.alignlab.decision.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.decision.agents.TabularLearner.Algorithm;
import org.alignlab.decision.env.MdpEnv;
import org.alignlab.decision.env.TestMdps;
import org.alignlab.decision.env.TimeLimit;
import org.alignlab.decision.mdp.Mdp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The learners find exact optima (computed by brute-force value iteration in the test) on small MDPs. */
class LearnersLearnTest {
    private static final int CHAIN_EPISODES = 3000;

    /** GLIE exploration: ε falls linearly from 1 to 0.01 over the first 2000 episodes. */
    private static Hyperparameters chainHyper(Exploration exploration) {
        return Hyperparameters.of(0.9, LearningRate.constant(0.1), exploration);
    }

    private static final Exploration DECAYING_EPSILON =
            new EpsilonGreedy(Schedule.linear(1.0, 0.01, 2000, Schedule.Unit.EPISODES));

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void everyLearnerFindsTheOptimalPolicyOfTheExitOrWalkChain(Algorithm algorithm) {
        Mdp mdp = TestMdps.exitOrWalkChain();
        int[] optimal = TestMdps.greedy(mdp, TestMdps.optimalQ(mdp));
        assertArrayEquals(new int[] {0, 1, 1, -1, -1}, optimal, "exit at 0, walk at 1 and 2");
        for (long seed = 1; seed <= 3; seed++) {
            TabularLearner<Integer> agent = algorithm.create(2, chainHyper(DECAYING_EPSILON), new SplittableRandom(seed));
            Trainer.train(new MdpEnv(mdp), agent, CHAIN_EPISODES, seed * 31);
            for (int s = 0; s < 3; s++) {
                assertEquals(optimal[s], agent.greedy(s), algorithm + " seed " + seed + " state " + s + ": Q = "
                        + java.util.Arrays.toString(agent.qValues(s)));
            }
        }
    }

    @Test
    void boltzmannExplorationAlsoFindsTheChainOptimum() {
        Mdp mdp = TestMdps.exitOrWalkChain();
        int[] optimal = TestMdps.greedy(mdp, TestMdps.optimalQ(mdp));
        Exploration cooling = new Boltzmann(Schedule.exponential(5.0, 0.05, 0.998, Schedule.Unit.EPISODES));
        for (Algorithm algorithm : List.of(Algorithm.Q_LEARNING, Algorithm.EXPECTED_SARSA)) {
            TabularLearner<Integer> agent = algorithm.create(2, chainHyper(cooling), new SplittableRandom(4));
            Trainer.train(new MdpEnv(mdp), agent, CHAIN_EPISODES, 8);
            for (int s = 0; s < 3; s++) assertEquals(optimal[s], agent.greedy(s), algorithm + " state " + s);
        }
    }

    /** Q-learning's values approach Q* where the optimal policy goes (off-policy: it learns Q* while exploring). */
    @Test
    void qLearningValuesApproachQStar() {
        Mdp mdp = TestMdps.exitOrWalkChain();
        double[][] qStar = TestMdps.optimalQ(mdp);
        Hyperparameters h = Hyperparameters.of(0.9, LearningRate.sampleAverage(), EpsilonGreedy.of(0.5));
        QLearning<Integer> agent = new QLearning<>(2, h, new SplittableRandom(2));
        Trainer.train(new MdpEnv(mdp), agent, 20_000, 3);
        for (int s = 0; s < 3; s++) {
            for (int a = 0; a < 2; a++) {
                assertEquals(qStar[s][a], agent.table().value(s, a), 0.15, "Q(" + s + "," + a + ")");
            }
        }
    }

    /**
     * Property over seeded random MDPs: Q-learning's greedy policy matches the exact optimum in every state whose
     * optimal action leads by a clear gap (the rest may tie within sampling noise).
     */
    @Test
    void qLearningMatchesTheOptimumOnRandomMdps() {
        SplittableRandom cases = new SplittableRandom(2018);
        int checked = 0;
        for (int c = 0; c < 8; c++) {
            Mdp mdp = TestMdps.random(cases, 4, 3, 0.9);
            double[][] q = TestMdps.optimalQ(mdp);
            Hyperparameters h = Hyperparameters.of(0.9,
                    LearningRate.scheduled(Schedule.linear(0.3, 0.02, 4000, Schedule.Unit.EPISODES)),
                    EpsilonGreedy.of(0.4));
            QLearning<Integer> agent = new QLearning<>(3, h, cases.split());
            Trainer.train(new MdpEnv(mdp), agent, 5000, cases.nextLong());
            for (int s = 0; s < 4; s++) {
                double[] row = q[s].clone();
                java.util.Arrays.sort(row);
                if (row[2] - row[1] < 0.15) continue;
                checked++;
                assertEquals(TestMdps.greedy(mdp, q)[s], agent.greedy(s), "case " + c + " state " + s + ": Q* = "
                        + java.util.Arrays.toString(q[s]) + ", learned " + java.util.Arrays.toString(agent.qValues(s)));
            }
        }
        assertTrue(checked >= 15, "enough states with a clear optimum: " + checked);
    }

    /**
     * Cliff walking (Sutton &amp; Barto 2018, Example 6.6, ε = 0.1): Q-learning learns the optimal path along the
     * cliff edge but, exploring, falls off often; SARSA learns the longer path away from the edge and earns more per
     * episode online (Figure 6.4: about −25 for SARSA against about −50 for Q-learning).
     */
    @Test
    void sarsaTakesTheSafePathAndQLearningTheOptimalOne() {
        Mdp mdp = TestMdps.cliffWalking();
        int[] optimal = TestMdps.greedy(mdp, TestMdps.optimalQ(mdp));
        List<Integer> optimalPath = path(mdp, optimal);
        assertEquals(14, optimalPath.size(), "start, 12 cells along the edge, goal: 13 steps");
        for (long seed = 1; seed <= 3; seed++) {
            Hyperparameters h = Hyperparameters.of(1.0, LearningRate.constant(0.5), EpsilonGreedy.of(0.1));
            QLearning<Integer> q = new QLearning<>(4, h, new SplittableRandom(seed));
            Sarsa<Integer> sarsa = new Sarsa<>(4, h, new SplittableRandom(seed));
            Episodes qOnline = Trainer.train(new MdpEnv(mdp), q, 500, seed);
            Episodes sarsaOnline = Trainer.train(new MdpEnv(mdp), sarsa, 500, seed);

            assertEquals(optimalPath, path(mdp, greedyPolicy(mdp, q)), "Q-learning's greedy path is the optimal one");
            assertEquals(-13.0, Trainer.evaluate(new TimeLimit<>(new MdpEnv(mdp), 100), q, 1, 0).meanReturn(), 0.0);

            // SARSA climbs two rows away from the cliff before it moves right.
            int start = TestMdps.CLIFF_START;
            assertEquals(0, sarsa.greedy(start), "SARSA: up from the start");
            assertEquals(0, sarsa.greedy(start - TestMdps.CLIFF_COLS), "SARSA: up again, away from the edge");
            assertEquals(1, q.greedy(start - TestMdps.CLIFF_COLS), "Q-learning: right along the edge");

            double qMean = mean(qOnline, 100);
            double sarsaMean = mean(sarsaOnline, 100);
            assertTrue(sarsaMean > qMean + 10, "seed " + seed + ": online return SARSA " + sarsaMean
                    + " vs Q-learning " + qMean);
            assertTrue(sarsaMean > -35 && qMean < -40, "seed " + seed + ": SARSA " + sarsaMean + ", Q " + qMean);
        }
    }

    private static double mean(Episodes e, int from) {
        double sum = 0;
        for (int i = from; i < e.size(); i++) sum += e.get(i).totalReward();
        return sum / (e.size() - from);
    }

    private static int[] greedyPolicy(Mdp mdp, TabularAgent<Integer> agent) {
        int[] pi = new int[mdp.states()];
        for (int s = 0; s < pi.length; s++) pi[s] = mdp.terminal(s) ? -1 : agent.greedy(s);
        return pi;
    }

    /** The states a deterministic policy visits from the start (at most 60). */
    private static List<Integer> path(Mdp mdp, int[] policy) {
        List<Integer> out = new ArrayList<>();
        int s = TestMdps.CLIFF_START;
        out.add(s);
        for (int t = 0; t < 60 && !mdp.terminal(s); t++) {
            s = mdp.next(mdp.rowStart(s, policy[s]));
            out.add(s);
        }
        return out;
    }
}
