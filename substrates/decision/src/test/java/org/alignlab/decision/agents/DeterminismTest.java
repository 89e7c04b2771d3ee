package org.alignlab.decision.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.alignlab.decision.agents.TabularLearner.Algorithm;
import org.alignlab.decision.env.ChainEnvs;
import org.alignlab.decision.env.Env;
import org.alignlab.decision.env.MdpEnv;
import org.alignlab.decision.env.TestMdps;
import org.alignlab.decision.env.TimeLimit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Same seeds give bit-identical Q tables and returns, for every learner and both exploration rules, on an MDP over
 * state indices and on a chain whose observations are records (tables key on content, not identity).
 */
class DeterminismTest {
    private record Run(QTable<?> table, Episodes episodes) {}

    private static Run run(Algorithm algorithm, Exploration exploration, long agentSeed, long envSeed,
                           boolean recordObservations) {
        Hyperparameters h = Hyperparameters.of(0.95, LearningRate.constant(0.2), exploration);
        return recordObservations
                ? train(ChainEnvs.slippery(5, 0.2, 30), algorithm, h, agentSeed, envSeed)
                : train(new TimeLimit<>(new MdpEnv(TestMdps.exitOrWalkChain()), 30), algorithm, h, agentSeed, envSeed);
    }

    private static <O> Run train(Env<O, Integer> env, Algorithm algorithm, Hyperparameters h, long agentSeed,
                                 long envSeed) {
        TabularLearner<O> agent = algorithm.create(2, h, new SplittableRandom(agentSeed));
        return new Run(agent.table(), Trainer.train(env, agent, 150, envSeed));
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void sameSeedSameTablesAndReturns(Algorithm algorithm) {
        for (Exploration x : new Exploration[] {EpsilonGreedy.of(0.2), Boltzmann.of(2.0)}) {
            for (boolean records : new boolean[] {false, true}) {
                Run a = run(algorithm, x, 1, 2, records);
                Run b = run(algorithm, x, 1, 2, records);
                assertEquals(a.table(), b.table(), algorithm + " " + x);
                assertArrayEquals(a.episodes().returns(), b.episodes().returns());
                assertEquals(a.episodes(), b.episodes());
                assertNotEquals(a.table(), run(algorithm, x, 3, 2, records).table(), "another agent seed");
                assertNotEquals(a.table(), run(algorithm, x, 1, 4, records).table(), "another environment seed");
            }
        }
    }
}
