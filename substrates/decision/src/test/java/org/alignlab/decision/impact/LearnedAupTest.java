package org.alignlab.decision.impact;

import static org.alignlab.decision.impact.AupTest.BREAK;
import static org.alignlab.decision.impact.AupTest.NOOP;
import static org.alignlab.decision.impact.AupTest.AT_START;
import static org.alignlab.decision.impact.AupTest.breakable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.alignlab.decision.mdp.Bellman;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.mdp.PolicyIteration;
import org.junit.jupiter.api.Test;

class LearnedAupTest {
    private static final AuxiliaryRewards NONE = new AuxiliaryRewards(new double[0][]);
    // Restarting in state 0 every episode and exploring, the learner sees every (s, a) of the small MDP often.
    private static final LearnedAup.Options LONG = new LearnedAup.Options(4_000, 60, 1, 0.2, 0.9, 2.0 / 3);

    @Test
    void withoutPenaltyItIsQLearningAndFindsQStar() {
        Mdp m = breakable();
        LearnedAup plain = LearnedAup.train(m, NONE, NOOP, 0, Aup.Scaling.NOOP_SUM, LONG, new SplittableRandom(1));
        double[][] qStar = Bellman.q(m, PolicyIteration.solve(m).values());
        for (int a = 0; a < 3; a++) assertEquals(qStar[0][a], plain.q(0, a), 1e-6, "Q(0, " + a + ")");
        assertEquals(BREAK, plain.policy().action(0));
    }

    @Test
    void learnedAttainableUtilitiesMatchThePlannedOnesAndTheAgentAbstains() {
        Mdp m = breakable();
        LearnedAup aup = LearnedAup.train(m, AT_START, NOOP, 2, Aup.Scaling.NOOP_SUM, LONG, new SplittableRandom(2));
        AttainableUtility exact = AttainableUtility.solve(m, AT_START, NOOP);
        for (int a = 0; a < 3; a++) assertEquals(exact.q(0, 0, a), aup.auxiliaryQ(0, 0, a), 1e-6);
        // 1 − 2 · 1 < 0: breaking does not pay once its penalty is learned, as for the planned agent.
        assertEquals(NOOP, aup.policy().action(0));
        LearnedAup mild = LearnedAup.train(m, AT_START, NOOP, 0.5, Aup.Scaling.NOOP_SUM, LONG,
                new SplittableRandom(2));
        assertEquals(BREAK, mild.policy().action(0));
    }

    @Test
    void sameSeedSameValues() {
        Mdp m = breakable();
        LearnedAup.Options o = LearnedAup.Options.paper().withEpisodes(50);
        LearnedAup a = LearnedAup.train(m, AT_START, NOOP, 1, Aup.Scaling.PER_FUNCTION, o, new SplittableRandom(7));
        LearnedAup b = LearnedAup.train(m, AT_START, NOOP, 1, Aup.Scaling.PER_FUNCTION, o, new SplittableRandom(7));
        for (int s = 0; s < 3; s++) {
            for (int x = 0; x < 3; x++) {
                assertEquals(a.q(s, x), b.q(s, x), 0.0);
                assertEquals(a.auxiliaryQ(0, s, x), b.auxiliaryQ(0, s, x), 0.0);
            }
        }
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        Mdp m = breakable();
        LearnedAup.Options o = LearnedAup.Options.paper();
        SplittableRandom rng = new SplittableRandom(1);
        assertThrows(UsageException.class, () -> LearnedAup.train(m, AT_START, 3, 1, Aup.Scaling.NONE, o, rng));
        assertThrows(UsageException.class, () -> LearnedAup.train(m, AT_START, NOOP, -1, Aup.Scaling.NONE, o, rng));
        assertThrows(UsageException.class, () -> LearnedAup.train(m, new AuxiliaryRewards(new double[][] {{1, 0}}),
                NOOP, 1, Aup.Scaling.NONE, o, rng));
        assertThrows(UsageException.class, () -> new LearnedAup.Options(0, 20, 1, 0.2, 0.9, 0.5));
        assertThrows(UsageException.class, () -> new LearnedAup.Options(10, 20, 0, 0.2, 0.9, 0.5));
        assertThrows(UsageException.class, () -> new LearnedAup.Options(10, 20, 1, 1.2, 0.9, 0.5));
    }
}
