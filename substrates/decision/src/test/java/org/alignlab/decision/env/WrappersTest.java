package org.alignlab.decision.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WrappersTest {
    @Test
    void timeLimitTruncatesAtExactlyNSteps() {
        for (int n = 1; n <= 6; n++) {
            TimeLimit<ChainEnv.Cell, Integer> env = new TimeLimit<>(new ChainEnv(100, 0), n);
            assertEquals(n, env.spec().maxEpisodeSteps());
            for (int episode = 0; episode < 2; episode++) {
                env.reset(episode);
                for (int t = 1; t < n; t++) {
                    Step<ChainEnv.Cell> s = env.step(t % 2);
                    assertFalse(s.done(), "step " + t + " of " + n);
                    assertEquals(t, env.elapsedSteps());
                }
                Step<ChainEnv.Cell> last = env.step(1);
                assertTrue(last.truncated() && !last.terminated(), "step " + n);
                EnvException ex = assertThrows(EnvException.class, () -> env.step(1));
                assertTrue(ex.getMessage().contains("the episode has finished"), ex.getMessage());
            }
        }
    }

    @Test
    void timeLimitKeepsATerminationBeforeTheLimitAndMarksOneAtIt() {
        TimeLimit<ChainEnv.Cell, Integer> roomy = new TimeLimit<>(new ChainEnv(3, 0), 10);
        roomy.reset(0);
        roomy.step(1);
        roomy.step(1);
        Step<ChainEnv.Cell> end = roomy.step(1);
        assertTrue(end.terminated() && !end.truncated());

        TimeLimit<ChainEnv.Cell, Integer> tight = new TimeLimit<>(new ChainEnv(3, 0), 3);
        tight.reset(0);
        tight.step(1);
        tight.step(1);
        Step<ChainEnv.Cell> both = tight.step(1);
        assertTrue(both.terminated() && both.truncated(), "as Gymnasium: the limit is reported even on termination");
    }

    @Test
    void timeLimitRefusesStepsBeforeResetAndBadLimits() {
        TimeLimit<ChainEnv.Cell, Integer> env = new TimeLimit<>(new ChainEnv(3, 0), 5);
        assertThrows(EnvException.class, () -> env.step(0));
        assertThrows(EnvException.class, () -> new TimeLimit<>(new ChainEnv(3, 0), 0));
    }

    @Test
    void episodeRecorderKeepsObservationsActionsRewardsAndHiddenRewards() {
        EpisodeRecorder<ChainEnv.Cell, Integer> env = new EpisodeRecorder<>(new ChainEnv(2, 0));
        env.reset(42);
        env.step(1); // to cell 1: the vase, hidden −1
        env.step(0); // back to 0
        env.step(1); // 1 again
        env.step(1); // 2: goal
        assertEquals(1, env.episodes().size());
        EpisodeRecorder.Episode<ChainEnv.Cell, Integer> e = env.last();
        assertEquals(42, e.seed());
        assertEquals(List.of(0, 1, 0, 1, 2), e.observations().stream().map(ChainEnv.Cell::x).toList());
        assertEquals(List.of(1, 0, 1, 1), e.actions());
        assertEquals(List.of(-0.01, -0.01, -0.01, 0.99), e.rewards());
        assertEquals(4, e.length());
        assertEquals(-0.04 + 1, e.totalReward(), 1e-12);
        assertEquals(-2.0, e.hiddenReward(), 0.0);
        assertEquals(Map.of("start", 0), e.infos().get(0));
        assertTrue(e.terminated() && !e.truncated());
    }

    @Test
    void episodeRecorderKeepsTheLastKAndDropsAbandonedEpisodes() {
        EpisodeRecorder<ChainEnv.Cell, Integer> env = new EpisodeRecorder<>(new TimeLimit<>(new ChainEnv(9, 0), 2), 2);
        for (int i = 0; i < 5; i++) {
            env.reset(i);
            env.step(1);
            env.step(1);
        }
        env.reset(99);
        env.step(1); // abandoned
        env.reset(100);
        assertEquals(5, env.completed());
        assertEquals(List.of(3L, 4L), env.episodes().stream().map(EpisodeRecorder.Episode::seed).toList());
        assertTrue(env.last().truncated());
        assertTrue(Double.isNaN(new EpisodeRecorder.Episode<>(0, List.of(1), List.of(), List.of(), List.of(Map.of()),
                true, false).hiddenReward()), "no hidden reward reported: NaN");
    }

    @Test
    void observationTransformMapsObservationsAndKeepsEverythingElse() {
        ChainEnv inner = new ChainEnv(3, 0);
        ObservationTransform<ChainEnv.Cell, Integer, Integer> env =
                new ObservationTransform<>(inner, new Space.Discrete(4), ChainEnv.Cell::x);
        assertEquals(0, env.reset(5).observation());
        assertEquals(Map.of("start", 0), env.reset(5).info());
        Step<Integer> s = env.step(1);
        assertEquals(1, s.observation());
        assertEquals(-1.0, s.hiddenReward());
        assertSame(inner, env.unwrapped());
        assertSame(inner, env.inner());
        assertEquals(List.of(), EnvChecker.check(new ObservationTransform<>(new ChainEnv(3, 0.2), new Space.Discrete(4),
                ChainEnv.Cell::x), 7));
    }

    @Test
    void unwrappedSeesThroughEveryWrapper() {
        ChainEnv inner = new ChainEnv(3, 0);
        Env<ChainEnv.Cell, Integer> wrapped = new EpisodeRecorder<>(new TimeLimit<>(inner, 4));
        assertSame(inner, wrapped.unwrapped());
        assertSame(inner, inner.unwrapped());
    }
}
