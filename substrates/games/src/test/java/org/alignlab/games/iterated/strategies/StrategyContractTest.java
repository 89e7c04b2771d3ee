package org.alignlab.games.iterated.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.Match;
import org.alignlab.games.iterated.MatchResult;
import org.alignlab.games.iterated.MatchSpec;
import org.alignlab.games.iterated.Strategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract tests every strategy in the registry inherits. */
class StrategyContractTest {
    private static final MatchSpec SPEC = MatchSpec.of(200);

    static Stream<String> ids() {
        return StrategyRegistry.allIds().stream();
    }

    private static List<Strategy> opponents() {
        return List.of(new Cooperator(), new Defector(), new Alternator(), new TitForTat(), new RandomPlayer(), new Grofman());
    }

    private static String moves(MatchResult m) {
        StringBuilder sb = new StringBuilder();
        for (var a : m.movesA()) sb.append(a);
        for (var b : m.movesB()) sb.append(b);
        return sb.toString();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void resetAndFreshInstanceReplayTheSameMatch(String id) {
        Strategy s = StrategyRegistry.create(id);
        for (Strategy opp : opponents()) {
            for (long seed = 1; seed <= 3; seed++) {
                String first = moves(Match.play(s, opp, SPEC, seed));
                // the same instance again (Match resets it) and a fresh one give the same play
                assertEquals(first, moves(Match.play(s, opp.fresh(), SPEC, seed)), id + " after reset vs " + opp.name());
                assertEquals(first, moves(Match.play(s.fresh(), opp.fresh(), SPEC, seed)), id + " fresh vs " + opp.name());
                // a play against another opponent in between leaves no trace
                Match.play(s, new Alternator(), SPEC, seed + 100);
                s.reset();
                assertEquals(first, moves(Match.play(s, opp.fresh(), SPEC, seed)), id + " after another match vs " + opp.name());
            }
        }
        assertEquals(s.name(), s.fresh().name());
        assertEquals(s.classifier(), s.fresh().classifier());
    }

    @ParameterizedTest
    @MethodSource("ids")
    void classifierMatchesObservedRandomness(String id) {
        Strategy s = StrategyRegistry.create(id);
        Classifier c = s.classifier();
        boolean varied = false;
        // against deterministic opponents, only the strategy's own stream can make two seeds differ
        for (Strategy opp : List.of(new Cooperator(), new Defector(), new Alternator(), new TitForTat())) {
            List<String> plays = new ArrayList<>();
            for (long seed = 1; seed <= 8; seed++) plays.add(moves(Match.play(s, opp.fresh(), SPEC, seed)));
            if (plays.stream().distinct().count() > 1) varied = true;
        }
        if (c.stochastic()) {
            assertTrue(varied, id + " says stochastic but never varied with the seed");
        } else {
            assertFalse(varied, id + " says deterministic but its play depends on the seed");
        }
        assertTrue(c.memoryDepth() >= 0);
    }

    @ParameterizedTest
    @MethodSource("ids")
    void seededPlayIsReproducibleAndNoiseIsSeeded(String id) {
        MatchSpec noisy = SPEC.withNoise(0.05);
        Strategy s = StrategyRegistry.create(id);
        String a = moves(Match.play(s, new Grofman(), noisy, 42));
        String b = moves(Match.play(StrategyRegistry.create(id), new Grofman(), noisy, 42));
        assertEquals(a, b);
        assertNotEquals(a, moves(Match.play(s, new Grofman(), noisy, 43)), "noise and Grofman's draws depend on the seed");
    }
}
