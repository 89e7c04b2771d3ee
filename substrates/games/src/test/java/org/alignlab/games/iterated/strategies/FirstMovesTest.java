package org.alignlab.games.iterated.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alignlab.games.iterated.Match;
import org.alignlab.games.iterated.MatchResult;
import org.alignlab.games.iterated.MatchSpec;
import org.alignlab.games.iterated.Strategy;
import org.junit.jupiter.api.Test;

/** Each strategy's opening against the reference opponents Cooperator, Defector, Alternator and Tit for Tat. */
class FirstMovesTest {
    static String play(Strategy s, Strategy opp, int turns, int show) {
        MatchResult m = Match.play(s, opp, MatchSpec.of(turns), 7);
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < show; t++) sb.append(m.movesA()[t]);
        return sb.toString();
    }

    static void opening(Strategy s, String vsCooperator, String vsDefector, String vsAlternator, String vsTitForTat) {
        int n = vsCooperator.length();
        assertEquals(vsCooperator, play(s, new Cooperator(), 200, n), s.name() + " vs Cooperator");
        assertEquals(vsDefector, play(s, new Defector(), 200, vsDefector.length()), s.name() + " vs Defector");
        assertEquals(vsAlternator, play(s, new Alternator(), 200, vsAlternator.length()), s.name() + " vs Alternator");
        assertEquals(vsTitForTat, play(s, new TitForTat(), 200, vsTitForTat.length()), s.name() + " vs Tit for Tat");
    }

    @Test
    void classics() {
        opening(new Cooperator(), "CCCC", "CCCC", "CCCC", "CCCC");
        opening(new Defector(), "DDDD", "DDDD", "DDDD", "DDDD");
        opening(new TitForTat(), "CCCCCC", "CDDDDD", "CCDCDC", "CCCCCC");
        opening(new TitForTwoTats(), "CCCCCC", "CCDDDD", "CCCCCC", "CCCCCC");
        opening(new Grudger(), "CCCCCC", "CDDDDD", "CCDDDD", "CCCCCC");
        opening(new WinStayLoseShift(), "CCCCCC", "CDCDCD", "CCDDCC", "CCCCCC");
        opening(new Alternator(), "CDCDCD", "CDCDCD", "CDCDCD", "CDCDCD");
        opening(new GenerousTitForTat(), "CCCCCC", "C", "CC", "CCCCCC");
        opening(ZeroDeterminant.generous(2), "CCCCCC", "C", "CC", "CCCCCC");
        opening(ZeroDeterminant.extortion(2), "C", "C", "C", "C");
    }

    @Test
    void axelrodFirstTournamentEntries() {
        opening(new Davis(), "CCCCCCCCCCCC", "CCCCCCCCCCDD", "CCCCCCCCCCDD", "CCCCCCCCCCCC");
        opening(new Nydegger(), "CCCCCCC", "CDDCCCC", "CCDCDC", "CCCCCC");
        opening(new Shubik(), "CCCCCC", "CDDDDD", "CCDCDDDCD", "CCCCCC");
        opening(new SteinAndRapoport(), "CCCCCC", "CCCCDDD", "CCCCD", "CCCCCC");
        opening(new TidemanAndChieruzzi(), "CCCCCC", "CDDDDD", "CCDCDDD", "CCCCCC");
        opening(new Downing(), "DDDDD", "DDCCDDD", "DD", "DDCCC");
        opening(new Joss(), "C", "CDDDDD", "C", "C");
        opening(new Feld(), "C", "CDDDDD", "C", "C");
        opening(new Grofman(), "CCCCCC", "C", "CC", "CCCCCC");
        opening(new Tullock(), "CCCCCCCCCCC", "CCCCCCCCCCCD", "CCCCCCCCCCC", "CCCCCCCCCCC");
        // literal reading of the paper: a non-random opponent that is neither Tit for Tat nor a twin (here Defector)
        // is met with cooperation and occasional defections from move 57 on
        opening(new Graaskamp(), "C".repeat(50) + "DC", "C" + "D".repeat(55) + "CCCCC", "CCDCDC", "C".repeat(50) + "DCD");
        opening(new Grudger(), "CCCC", "CDDD", "CCDD", "CCCC");
    }

    @Test
    void endGameAndRandomnessChecks() {
        // Stein and Rapoport defects on the last two moves of an announced length
        MatchResult m = Match.play(new SteinAndRapoport(), new Cooperator(), MatchSpec.of(200), 1);
        assertEquals("CCDD", "" + m.movesA()[196] + m.movesA()[197] + m.movesA()[198] + m.movesA()[199]);
        // ... but not when the length is unknown
        MatchResult u = Match.play(new SteinAndRapoport(), new Cooperator(), MatchSpec.of(200).withEndProbability(1e-9), 1);
        assertEquals(0, u.turns() - u.cooperationsA());
        // Stein and Rapoport and Graaskamp defect against a random opponent once the test runs
        MatchResult r = Match.play(new Graaskamp(), new RandomPlayer(), MatchSpec.of(200), 3);
        for (int t = 56; t < 200; t++) assertEquals("D", r.movesA()[t].toString());
        // Tullock never cooperates against a Defector after move 11 (0% − 10% is clamped to 0)
        MatchResult d = Match.play(new Tullock(), new Defector(), MatchSpec.of(100), 1);
        assertEquals(11, d.cooperationsA());
        // Feld cooperates with Cooperator less and less: late moves cooperate about half the time
        MatchResult f = Match.play(new Feld(), new Cooperator(), MatchSpec.of(2000), 5);
        assertTrue(f.cooperationsA() < 1300 && f.cooperationsA() > 1000, "Feld cooperated " + f.cooperationsA());
        // Joss cooperates about 90% with Cooperator
        MatchResult j = Match.play(new Joss(), new Cooperator(), MatchSpec.of(5000), 5);
        assertEquals(0.9, j.cooperationsA() / 5000.0, 0.02);
        // Tideman and Chieruzzi's fresh start: against Defector-then-Cooperator... a pure defector never qualifies
        MatchResult tc = Match.play(new TidemanAndChieruzzi(), new Defector(), MatchSpec.of(200), 1);
        assertEquals(1, tc.cooperationsA());
    }
}
