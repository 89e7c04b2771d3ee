package org.alignlab.games.tournament;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.alignlab.games.iterated.MatchSpec;
import org.alignlab.games.iterated.strategies.StrategyRegistry;
import org.junit.jupiter.api.Test;

/**
 * Pins two tournaments' numbers, bit for bit, as the match engine computed them before it was optimised: any change
 * to the engine, the seeding or a strategy that moves a single move shows here. The values were printed by the
 * unoptimised engine (commit 07ebe86); regenerate them only for a deliberate change of behaviour.
 */
class TournamentPinTest {
    @Test
    void axelrodFirstTournamentSeed1() {
        TournamentResult r = Tournament.roundRobin(StrategyRegistry.create(StrategyRegistry.axelrodFirstTournament()),
                MatchSpec.of(200), 5, 1).run(1);
        assertArrayEquals(new double[] {513.0933333333334, 504.03999999999996, 500.1333333333334, 509.7333333333333, 528.9066666666666, 518.1999999999999, 515.7333333333333, 517.0533333333334, 442.70666666666665, 458.43999999999994, 388.7466666666667, 356.4800000000001, 345.76, 333.2733333333334, 331.25333333333333}, r.meanMatchScore());
        assertEquals(List.of("Shubik", "Stein and Rapoport", "Davis", "Grudger", "Tit For Tat", "Grofman",
                "Tideman and Chieruzzi", "Nydegger", "Downing", "Graaskamp", "Feld", "Joss", "Tullock",
                "(Name withheld)", "Random"), r.rankedNames());
    }

    /** Every strategy, with noise and a random match length: exercises every random stream of the engine. */
    @Test
    void wholeLibraryNoisyGeometricSeed7() {
        TournamentResult r = Tournament.roundRobin(StrategyRegistry.create(StrategyRegistry.ids()),
                MatchSpec.of(150).withNoise(0.03).withEndProbability(0.01), 3, 7).run(2);
        assertArrayEquals(new double[] {161.80434782608694, 152.58695652173913, 153.2028985507246, 164.71014492753625, 170.91304347826085, 165.94202898550722, 148.22463768115946, 165.71739130434784, 167.1231884057971, 210.62318840579718, 180.5072463768116, 195.88405797101447, 169.65942028985506, 155.23188405797103, 152.07971014492753, 160.26811594202897, 154.28985507246378, 166.65217391304347, 173.42028985507247, 183.89130434782612, 149.97826086956522, 156.4782608695652, 157.48550724637684}, r.meanMatchScore());
        assertArrayEquals(new double[] {0.5442111346561356, 0.28244412400865176, 0.9220752797558495, 0.7501350135013501, 0.3343986543313709, 0.39966923925027564, 0.23578391551584077, 0.21740650122334848, 0.4995331465919701, 0.4191493025658688, 0.47847322720694646, 0.4445332480818414, 0.48120168657765283, 0.48297213622291024, 0.5008938148015731, 0.970509893455099, 0.03491411501120239, 0.7744305657604702, 0.8081957882754696, 0.5986884197056942, 0.5022148394241418, 0.3299913569576491, 0.6932756586708612}, r.cooperationRate());
    }
}
