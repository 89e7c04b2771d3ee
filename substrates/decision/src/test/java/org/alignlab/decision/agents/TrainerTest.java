package org.alignlab.decision.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.MetricLog;
import org.alignlab.core.RunContext;
import org.alignlab.core.UsageException;
import org.alignlab.decision.agents.TabularLearner.Algorithm;
import org.alignlab.decision.env.ChainEnvs;
import org.alignlab.decision.env.EnvException;
import org.alignlab.decision.env.EpisodeRecorder;
import org.alignlab.decision.env.MdpEnv;
import org.alignlab.decision.env.TestMdps;
import org.alignlab.decision.env.TimeLimit;
import org.alignlab.decision.mdp.Mdp;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static Hyperparameters hyper() {
        return Hyperparameters.of(0.9, LearningRate.constant(0.1), EpsilonGreedy.of(0.2));
    }

    @Test
    void returnsAndHiddenReturnsAreLoggedPerEpisode() {
        RunContext ctx = RunContext.detached(5);
        EpisodeRecorder<Object, Integer> recorder = new EpisodeRecorder<>(ChainEnvs.slippery(3, 0.1, 25));
        QLearning<Object> agent = new QLearning<>(2, hyper(), ctx.random("agent"));
        Episodes episodes = Trainer.train(recorder, agent, 20, ctx.seed("env"), ctx, "q/");
        assertEquals(20, episodes.size());
        List<EpisodeRecorder.Episode<Object, Integer>> seen = recorder.episodes();
        MetricLog log = ctx.metrics();
        for (int i = 0; i < 20; i++) {
            EpisodeResult r = episodes.get(i);
            assertEquals(seen.get(i).totalReward(), r.totalReward(), 1e-12);
            assertEquals(seen.get(i).hiddenReward(), r.hiddenReward(), 0.0);
            assertEquals(seen.get(i).length(), r.steps());
            assertEquals(Trainer.episodeSeed(ctx.seed("env"), i), seen.get(i).seed());
        }
        assertTrue(episodes.meanHiddenReturn() < 0, "the agent passes the vase at cell 1");
        assertEquals(20, agent.episodes());
        assertEquals(episodes.lengths().length, 20);
        long sumSteps = 0;
        for (int n : episodes.lengths()) sumSteps += n;
        assertEquals(sumSteps, agent.steps());
        assertEquals(List.of("q/return", "q/length", "q/hidden_return"), log.names());
        org.junit.jupiter.api.Assertions.assertArrayEquals(episodes.returns(), log.values("q/return"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(episodes.hiddenReturns(), log.values("q/hidden_return"));
        assertEquals(19.0, log.steps("q/return")[19], 0.0, "step = episode index");
    }

    @Test
    void noHiddenRewardIsLoggedWhenTheEnvironmentReportsNone() {
        RunContext ctx = RunContext.detached(5);
        Episodes e = Trainer.train(new MdpEnv(TestMdps.exitOrWalkChain()), new QLearning<Integer>(2, hyper(),
                ctx.random("agent")), 5, 1, ctx, "");
        assertTrue(Double.isNaN(e.meanHiddenReturn()));
        assertEquals(List.of("return", "length"), ctx.metrics().names());
    }

    @Test
    void evaluationRunsTheGreedyPolicyWithoutLearning() {
        Mdp mdp = TestMdps.exitOrWalkChain();
        QLearning<Integer> agent = new QLearning<>(2, hyper(), new SplittableRandom(3));
        Trainer.train(new MdpEnv(mdp), agent, 2000, 4);
        QTable<Integer> before = agent.table();
        String snapshot = before.toString();
        long steps = agent.steps();
        Episodes greedy = Trainer.evaluate(new MdpEnv(mdp), agent, 50, 9);
        assertEquals(steps, agent.steps());
        assertEquals(snapshot, agent.table().toString());
        for (int i = 0; i < 50; i++) assertEquals(7.4, greedy.get(i).totalReward(), 1e-12, "exit at once: 7.5 − 0.1");
    }

    @Test
    void aPlannerGreedyInExactQIsTheOptimalProxyOptimiser() {
        Mdp mdp = TestMdps.cliffWalking();
        double[][] q = TestMdps.optimalQ(mdp);
        Episodes e = Trainer.evaluate(new TimeLimit<>(new MdpEnv(mdp), 100), PlannerAgent.forStates(q), 3, 1);
        assertEquals(-13.0, e.meanReturn(), 0.0);
        // from V*: one backup recovers Q*
        double[] v = new double[mdp.states()];
        for (int s = 0; s < v.length; s++) v[s] = mdp.terminal(s) ? 0 : java.util.Arrays.stream(q[s]).max().orElseThrow();
        PlannerAgent<Integer> fromV = PlannerAgent.fromValues(mdp, v, Integer::intValue);
        for (int s = 0; s < v.length; s++) {
            if (mdp.terminal(s)) continue;
            for (int a = 0; a < 4; a++) assertEquals(q[s][a], fromV.qValues(s)[a], 1e-9);
            assertEquals(PlannerAgent.forStates(q).greedy(s), fromV.greedy(s));
        }
    }

    @Test
    void aMismatchedActionSpaceIsRefused() {
        QLearning<Integer> agent = new QLearning<>(3, hyper(), new SplittableRandom(1));
        EnvException ex = assertThrows(EnvException.class,
                () -> Trainer.train(new MdpEnv(TestMdps.exitOrWalkChain()), agent, 1, 1));
        assertEquals("mdp/Mdp-v0: a tabular agent with 3 actions needs a discrete action space of that size, not "
                + "Discrete[n=2]", ex.getMessage());
    }

    @Test
    void algorithmsByName() {
        assertEquals(Algorithm.EXPECTED_SARSA, Algorithm.parse(" Expected-SARSA "));
        UsageException ex = assertThrows(UsageException.class, () -> Algorithm.parse("dqn"));
        assertEquals("unknown tabular algorithm 'dqn'; choose one of q-learning, sarsa, expected-sarsa, "
                + "mc-first-visit, mc-every-visit", ex.getMessage());
        assertTrue(Algorithm.MONTE_CARLO_FIRST_VISIT.create(2, hyper(), new SplittableRandom(1))
                instanceof MonteCarloControl<Object> mc && mc.firstVisit());
    }
}
