package org.alignlab.games.tournament;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alignlab.core.UsageException;
import org.alignlab.games.iterated.MatchSpec;
import org.alignlab.games.iterated.Strategy;
import org.alignlab.games.iterated.strategies.Cooperator;
import org.alignlab.games.iterated.strategies.Defector;
import org.alignlab.games.iterated.strategies.StrategyRegistry;
import org.alignlab.games.iterated.strategies.TitForTat;
import org.junit.jupiter.api.Test;

class TournamentTest {
    @Test
    void smallRoundRobinByHand() {
        Tournament t = Tournament.roundRobin(List.of(new TitForTat(), new Defector(), new Cooperator()), MatchSpec.of(10), 2, 1);
        TournamentResult r = t.run(1);
        // TFT: vs self 30, vs Defector 9, vs Cooperator 30 → mean 23
        assertEquals(30, r.matchScore()[0][0]);
        assertEquals(9, r.matchScore()[0][1]);
        assertEquals(23, r.meanMatchScore()[0], 1e-12);
        // Defector: vs TFT 14, vs self 10, vs Cooperator 50 → mean 74/3
        assertEquals(74.0 / 3, r.meanMatchScore()[1], 1e-12);
        assertEquals(List.of(1, 0, 2), r.ranking());
        assertEquals(List.of("Defector", "Tit For Tat", "Cooperator"), r.rankedNames());
        assertEquals(1.4, r.meanPayoff()[1][0], 1e-12);
        assertEquals(1.0, r.cooperationRate()[2]);
        assertEquals(0.0, r.cooperationRate()[1]);
        assertEquals(2, r.rank(0));
    }

    @Test
    void resultsAreIdenticalForAnyThreadCount() {
        List<Strategy> players = StrategyRegistry.create(StrategyRegistry.ids());
        Tournament t = Tournament.roundRobin(players, MatchSpec.of(100).withNoise(0.05), 2, 99);
        TournamentResult one = t.run(1);
        TournamentResult three = t.run(3);
        assertArrayEquals(one.meanMatchScore(), three.meanMatchScore());
        assertTrue(java.util.Arrays.deepEquals(one.meanPayoff(), three.meanPayoff()));
        assertArrayEquals(one.cooperationRate(), three.cooperationRate());
        assertEquals(one.ranking(), three.ranking());
        TournamentResult other = Tournament.roundRobin(players, MatchSpec.of(100).withNoise(0.05), 2, 100).run(1);
        assertFalse(java.util.Arrays.equals(one.meanMatchScore(), other.meanMatchScore()), "the seed matters");
    }

    /** Property: in a noiseless round robin of deterministic players the payoff matrix is the same every repetition. */
    @Test
    void pairwisePayoffsAreConsistent() {
        List<Strategy> players = StrategyRegistry.create(StrategyRegistry.axelrodFirstTournament());
        TournamentResult r = Tournament.roundRobin(players, MatchSpec.of(200), 1, 5).run(2);
        int n = players.size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double a = r.meanPayoff()[i][j];
                double b = r.meanPayoff()[j][i];
                assertTrue(a >= 0 && a <= 5);
                assertTrue(a + b <= 6 + 1e-12, "total per turn never exceeds 2R");
                assertTrue(a + b >= 2 - 1e-12 || i == j, "total per turn never below 2P... or S+T");
            }
        }
        assertEquals(n, r.ranking().stream().distinct().count());
    }

    @Test
    void badInputIsRefused() {
        List<Strategy> two = List.of(new TitForTat(), new Defector());
        assertThrows(UsageException.class, () -> Tournament.roundRobin(two, MatchSpec.of(10), 0, 1));
        assertThrows(UsageException.class, () -> Tournament.roundRobin(two, MatchSpec.of(0), 1, 1));
        assertThrows(UsageException.class, () -> Tournament.roundRobin(List.of(new TitForTat()), MatchSpec.of(10), 1, 1));
        assertThrows(UsageException.class, () -> Tournament.roundRobin(two, MatchSpec.of(10), 1, 1).run(0));
        UsageException e = assertThrows(UsageException.class, () -> StrategyRegistry.create("tit-for-tatt"));
        assertTrue(e.getMessage().contains("did you mean tit-for-tat"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
