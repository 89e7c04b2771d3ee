package org.alignlab.decision.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alignlab.decision.env.ChainEnv.Bug;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnvCheckerTest {
    private static final long SEED = 20240611L;

    private static ChainEnv chain(Bug bug) {
        return new ChainEnv(EnvSpec.of("test/Chain-v0"), 4, 0.2, bug);
    }

    @Test
    void aCorrectEnvironmentHasNoProblems() {
        assertEquals(List.of(), EnvChecker.check(chain(Bug.NONE), SEED));
        assertEquals(List.of(), EnvChecker.determinism(() -> chain(Bug.NONE), SEED, 500));
        EnvChecker.require(chain(Bug.NONE), SEED);
    }

    /** Each bug is reported, by a message that names it, and (where it does not cascade) by that message alone. */
    @ParameterizedTest
    @EnumSource(value = Bug.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void eachKindOfBrokenEnvironmentIsCaught(Bug bug) {
        List<String> problems = EnvChecker.check(chain(bug), SEED);
        List<String> rollout = EnvChecker.determinism(() -> chain(bug), SEED, 500);
        String expected = switch (bug) {
            case OBSERVATION_OUTSIDE -> "is outside the observation space";
            case NAN_REWARD -> "is not finite";
            case STEP_AFTER_DONE_ACCEPTED -> "step after the episode ended without reset did not throw EnvException";
            case BAD_ACTION_ACCEPTED -> "action 2 outside the action space did not throw EnvException";
            case BAD_ACTION_WRONG_EXCEPTION -> "threw IllegalArgumentException: bad action instead of EnvException";
            case STEP_BEFORE_RESET_ACCEPTED -> "step before the first reset did not throw EnvException";
            case RESET_IGNORES_SEED -> "twice gave different first observations";
            case STATE_SURVIVES_RESET -> "did not replay the first episode";
            case LAYOUT_DIFFERS_PER_INSTANCE -> "two instances with the same seed and actions diverged";
            case HIDDEN_NOT_A_NUMBER -> "info[hidden_reward] = minus one";
            case NULL_STEP -> "step returned null";
            case NONE -> throw new AssertionError();
        };
        List<String> all = new java.util.ArrayList<>(problems);
        all.addAll(rollout);
        assertTrue(all.stream().anyMatch(p -> p.contains(expected)), bug + ": " + all);
        switch (bug) {
            case OBSERVATION_OUTSIDE, NAN_REWARD, STEP_AFTER_DONE_ACCEPTED, STEP_BEFORE_RESET_ACCEPTED,
                 STATE_SURVIVES_RESET, HIDDEN_NOT_A_NUMBER ->
                    assertEquals(1, problems.size(), bug + ": " + problems);
            case BAD_ACTION_ACCEPTED, BAD_ACTION_WRONG_EXCEPTION ->
                    assertEquals(3, problems.size(), "null, -1 and 2 each: " + problems);
            case LAYOUT_DIFFERS_PER_INSTANCE -> assertEquals(List.of(), problems, "one instance alone is consistent");
            default -> { }
        }
    }

    @Test
    void aMutableObservationIsCaught() {
        List<String> problems = EnvChecker.check(new MutableObservationEnv(), SEED);
        assertTrue(problems.stream().anyMatch(p -> p.contains("changed after it was returned")), problems.toString());
    }

    @Test
    void requireListsEveryProblemInOneEnvException() {
        EnvException ex = assertThrows(EnvException.class, () -> EnvChecker.require(chain(Bug.BAD_ACTION_ACCEPTED), SEED));
        assertTrue(ex.getMessage().startsWith("test/Chain-v0 fails the env checker: "), ex.getMessage());
        assertTrue(ex.getMessage().contains("action null") && ex.getMessage().contains("action -1")
                && ex.getMessage().contains("action 2"), ex.getMessage());
    }

    @Test
    void checkAllPrefixesProblemsWithTheIdAndCoversEveryRegisteredEnv() {
        EnvRegistry registry = new EnvRegistry()
                .register(EnvSpec.of("test/Good-v0"), () -> chain(Bug.NONE))
                .register(EnvSpec.of("test/Bad-v0"), () -> chain(Bug.NAN_REWARD))
                .register(EnvSpec.of("test/Shaky-v0"), () -> chain(Bug.LAYOUT_DIFFERS_PER_INSTANCE));
        List<String> problems = EnvChecker.checkAll(registry, SEED);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("test/Bad-v0: reward NaN"), problems.toString());
        assertTrue(problems.get(1).startsWith("test/Shaky-v0: two instances"), problems.toString());
        EnvException ex = assertThrows(EnvException.class, () -> EnvChecker.requireAll(registry, SEED));
        assertTrue(ex.getMessage().startsWith("2 problem(s) in registered environments"), ex.getMessage());
    }

    @Test
    void aFactoryThatFailsIsReportedNotThrown() {
        EnvRegistry registry = new EnvRegistry().register(EnvSpec.of("test/Broken-v0"), () -> {
            throw new IllegalStateException("no map");
        });
        List<String> problems = EnvChecker.checkAll(registry, SEED);
        assertTrue(problems.get(0).contains("make failed: IllegalStateException: no map"), problems.toString());
    }
}
