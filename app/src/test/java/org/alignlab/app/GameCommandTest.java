package org.alignlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alignlab game}: each subcommand's output, and every bad input of issue 6 as one line with exit code 2. */
class GameCommandTest {
    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir, List.of());
    }

    private static void usageError(CliHarness.Result r, String expected) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("alignlab: "), r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(r.err().contains("Exception"), "no exception name: " + r.err());
    }

    private static CliHarness.Result ok(CliHarness.Result r) {
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("", r.err());
        return r;
    }

    // ---- strategies

    @Test
    void strategiesListsTheRegistryWithClassifiers() throws Exception {
        var r = ok(cli.run("game", "strategies"));
        assertTrue(r.out().lines().anyMatch(l -> l.matches("tit-for-tat\\s+Tit For Tat\\s+1\\s+no\\s+core")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("random\\s+.*\\s+0\\s+yes\\s+core")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("grudger\\s+.*∞\\s+no\\s+core")), r.out());
        JsonNode j = Json.mapper().readTree(ok(cli.run("game", "strategies", "--json")).out());
        assertTrue(j.size() > 23, "every registered id, core and literature");
        JsonNode tft = j.get(0);
        assertEquals("tit-for-tat", tft.get("id").asText());
        assertEquals(1, tft.get("memoryDepth").asInt());
        assertFalse(tft.get("stochastic").asBoolean());
    }

    // ---- match

    @Test
    void titForTatAgainstDefectorCooperatesOnceThenRetaliates() {
        var r = ok(cli.run("game", "match", "tit-for-tat", "defector", "--turns", "10"));
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(1).endsWith("  CDDDDDDDDD"), r.out());
        assertTrue(lines.get(2).endsWith("  DDDDDDDDDD"), r.out());
        // TFT: S + 9P = 9; Defector: T + 9P = 14 (Axelrod payoffs 3, 0, 5, 1).
        assertTrue(r.out().lines().anyMatch(l -> l.matches("Tit For Tat\\s+9\\s+0\\.9\\s+10%")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("Defector\\s+14\\s+1\\.4\\s+0%")), r.out());
    }

    @Test
    void longMatchesAreTruncatedAndNoisyMatchesAreSeeded() {
        var r = ok(cli.run("game", "match", "cooperator", "cooperator"));
        assertTrue(r.out().contains("C".repeat(GameCommand.SHOWN_MOVES) + "… (100 more)"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("Cooperator\\s+600\\s+3\\s+100%")), r.out());
        var a = ok(cli.run("game", "match", "tit-for-tat", "win-stay-lose-shift", "--noise", "0.1", "--seed", "7"));
        var b = ok(cli.run("game", "match", "tit-for-tat", "win-stay-lose-shift", "--noise", "0.1", "--seed", "7"));
        var c = ok(cli.run("game", "match", "tit-for-tat", "win-stay-lose-shift", "--noise", "0.1", "--seed", "8"));
        assertEquals(a.out(), b.out());
        assertFalse(a.out().lines().skip(1).toList().equals(c.out().lines().skip(1).toList()), "the seed matters");
        var ended = ok(cli.run("game", "match", "cooperator", "defector", "--end-probability", "0.5"));
        assertFalse(ended.out().contains("200 turns"), "a geometric length, almost surely short: " + ended.out());
    }

    // ---- tournament

    @Test
    void tournamentRanksByMeanScoreAndIgnoresThreads() throws Exception {
        var r = ok(cli.run("game", "tournament", "--players", "tit-for-tat,defector,cooperator", "--repetitions", "1"));
        // Mean over the 200-turn matches, self-play included: Defector (204 + 200 + 1000)/3 = 468, TFT
        // (199 + 600 + 600)/3 = 466.3, Cooperator (0 + 600 + 600)/3 = 400; TFT cooperates in (1 + 400 + 200)/800 moves.
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(3).matches("1\\s+Defector\\s+defector\\s+468\\s+0%"), r.out());
        assertTrue(lines.get(4).matches("2\\s+Tit For Tat\\s+tit-for-tat\\s+466\\.3\\s+75\\.13%"), r.out());
        assertTrue(lines.get(5).matches("3\\s+Cooperator\\s+cooperator\\s+400\\s+100%"), r.out());
        String one = ok(cli.run("game", "tournament", "--first-tournament", "--turns", "50", "--repetitions", "2",
                "--noise", "0.05", "--json")).out();
        String two = ok(cli.run("game", "tournament", "--turns", "50", "--repetitions", "2", "--noise", "0.05",
                "--threads", "2", "--json")).out();
        assertEquals(one, two, "default players are the first tournament; bit for bit whatever the threads");
        JsonNode j = Json.mapper().readTree(one);
        assertEquals(15, j.get("ranking").size());
        assertEquals(1, j.get("ranking").get(0).get("rank").asInt());
    }

    // ---- equilibria

    @Test
    void prisonersDilemmaHasMutualDefectionOnly() {
        var r = ok(cli.run("game", "equilibria", "--row", "3,0;5,1", "--column", "3,5;0,1", "--row-actions", "C,D",
                "--column-actions", "C,D"));
        assertTrue(r.out().contains("pure Nash equilibria: 1"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\(D, D\\)\\s+\\(1, 1\\)\\s+2")), r.out());
        assertFalse(r.out().contains("(C, C)"), r.out());
        assertTrue(r.out().contains("all equilibria by support enumeration: 1"), r.out());
        assertTrue(r.out().contains("Lemke–Howson from label 0: row D, column D, payoffs (1, 1)"), r.out());
        assertTrue(r.out().contains("optimal welfare (best pure profile): 6"), r.out());
        assertTrue(r.out().contains("price of anarchy: 3, price of stability: 3"), r.out());
        // Without --column the game is symmetric, with the same result; actions default to numbers.
        var sym = ok(cli.run("game", "equilibria", "--row", "3,0;5,1"));
        assertTrue(sym.out().contains("(symmetric)"), sym.out());
        assertTrue(sym.out().lines().anyMatch(l -> l.matches("\\(2, 2\\)\\s+\\(1, 1\\)\\s+2")), sym.out());
    }

    @Test
    void matchingPenniesHasOnlyTheHalfHalfMix() {
        var r = ok(cli.run("game", "equilibria", "--row", "1,-1;-1,1", "--column", "-1,1;1,-1", "--row-actions",
                "H,T", "--column-actions", "H,T"));
        assertTrue(r.out().contains("pure Nash equilibria: none"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("0\\.5 H \\+ 0\\.5 T\\s+0\\.5 H \\+ 0\\.5 T\\s+\\(0, 0\\)\\s+0")),
                r.out());
        assertTrue(r.out().contains("price of anarchy: undefined (price of anarchy needs positive equilibrium"),
                r.out());
    }

    @Test
    void stagHuntListsThreeEquilibria() {
        var r = ok(cli.run("game", "equilibria", "--row", "4,1;3,3", "--row-actions", "Stag,Hare"));
        assertTrue(r.out().contains("pure Nash equilibria: 2"), r.out());
        assertTrue(r.out().contains("all equilibria by support enumeration: 3"), r.out());
        assertTrue(r.out().contains("0.6667 Stag + 0.3333 Hare"), r.out());
    }

    // ---- modal

    @Test
    void modalOutcomesOfThePaper() {
        assertTrue(ok(cli.run("game", "modal", "FairBot", "FairBot")).out().contains("FairBot vs FairBot: CC"));
        assertTrue(ok(cli.run("game", "modal", "PrudentBot", "CooperateBot")).out()
                .contains("PrudentBot vs CooperateBot: DC"));
        assertTrue(ok(cli.run("game", "modal", "fairbot", "DefectBot")).out().contains("FairBot vs DefectBot: DD"));
        var r = ok(cli.run("game", "modal", "Fair2", "FairBot", "--agent", "Fair2 = [] them(me)"));
        assertTrue(r.out().contains("Fair2: C iff"), r.out());
        assertTrue(r.out().contains("Fair2 vs FairBot: CC"), r.out());
    }

    // ---- bad input (issue 6)

    @Test
    void wrongShapedPayoffTables() {
        usageError(cli.run("game", "equilibria", "--row", "3,0;5"), "row 2 has 1 entry, row 1 has 2");
        usageError(cli.run("game", "equilibria", "--row", "3,0;5,1", "--column", "3,5,1;0,1,2"),
                "the row player's table is 2×2 but the column player's is 2×3");
        usageError(cli.run("game", "equilibria", "--row", "3,0,1;5,1,2"), "needs a square table");
        usageError(cli.run("game", "equilibria", "--row", "3,x;5,1"), "'x' is not a number");
        usageError(cli.run("game", "equilibria", "--row", "3,0;5,1", "--row-actions", "C,D,E"),
                "--row-actions names 3 action(s) but the player has 2");
    }

    @Test
    void probabilitiesOutsideTheUnitInterval() {
        usageError(cli.run("game", "match", "tit-for-tat", "defector", "--noise", "1.5"),
                "noise must be a probability in [0, 1], got 1.5");
        usageError(cli.run("game", "match", "tit-for-tat", "defector", "--noise", "-0.1"),
                "noise must be a probability in [0, 1], got -0.1");
        usageError(cli.run("game", "match", "tit-for-tat", "defector", "--end-probability", "2"),
                "endProbability must be a probability in [0, 1]");
        usageError(cli.run("game", "tournament", "--players", "tit-for-tat,defector", "--noise", "1.5"),
                "noise must be a probability in [0, 1], got 1.5");
    }

    @Test
    void unknownStrategySuggestsTheCloseOne() {
        usageError(cli.run("game", "match", "tit-for-tatt", "defector"),
                "unknown strategy 'tit-for-tatt'; did you mean tit-for-tat");
        usageError(cli.run("game", "tournament", "--players", "tit-for-tat,grudgr"), "did you mean grudger");
        usageError(cli.run("game", "modal", "FairBott", "FairBot"), "did you mean FairBot");
    }

    @Test
    void zeroTurnsOrRepetitions() {
        usageError(cli.run("game", "match", "tit-for-tat", "defector", "--turns", "0"), "at least 1 turn");
        usageError(cli.run("game", "tournament", "--players", "tit-for-tat,defector", "--turns", "0"),
                "at least 1 turn");
        usageError(cli.run("game", "tournament", "--players", "tit-for-tat,defector", "--repetitions", "0"),
                "--repetitions must be at least 1 (got 0)");
        usageError(cli.run("game", "tournament", "--players", "tit-for-tat", "--turns", "5"),
                "a tournament needs at least 2 players, got 1");
        usageError(cli.run("game", "tournament", "--threads", "0"), "--threads must be at least 1");
        usageError(cli.run("game", "match", "cooperator", "defector", "--turns", "2000000"), "--turns is at most");
    }

    @Test
    void modalAgentThatIsNotWellFounded() {
        usageError(cli.run("game", "modal", "Loop", "FairBot", "--agent", "Loop = them(me)"),
                "agent Loop is not well-founded");
        usageError(cli.run("game", "modal", "X", "FairBot", "--agent", "X = [] them(me"), "modal formula");
        usageError(cli.run("game", "modal", "X", "FairBot", "--agent", "X [] them(me)"), "write NAME = FORMULA");
        usageError(cli.run("game", "modal", "FairBot", "FairBot", "--agent", "FairBot = T"),
                "the library already has an agent called FairBot");
    }

    @Test
    void pickingTwoPlayerSetsIsRefused() {
        usageError(cli.run("game", "tournament", "--all", "--first-tournament"), "mutually exclusive");
    }
}
