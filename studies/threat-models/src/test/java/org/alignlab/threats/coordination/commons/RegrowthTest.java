package org.alignlab.threats.coordination.commons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegrowthTest {

    @Test
    void respawnTableOfThePaper() {
        assertEquals(0.0, Regrowth.probability(0));
        assertEquals(0.01, Regrowth.probability(1));
        assertEquals(0.01, Regrowth.probability(2));
        assertEquals(0.05, Regrowth.probability(3));
        assertEquals(0.05, Regrowth.probability(4));
        assertEquals(0.1, Regrowth.probability(5));
        assertEquals(0.1, Regrowth.probability(12));
        assertThrows(IllegalArgumentException.class, () -> Regrowth.probability(-1));
    }

    @Test
    void ballOfRadiusTwoHasTwelveNeighbours() {
        assertEquals(12, Regrowth.ball().length);
    }

    /** A hand-made 5x5 neighbourhood around (2, 2); '#' marks an apple. */
    @Test
    void countsApplesInsideTheBallOnly() {
        List<String> rows = List.of(
                "#...#",   // corners (±2, ±2): distance² 8, outside
                ".#.#.",   // (±1, -1): inside
                "#.#.#",   // (±2, 0) inside; the centre itself is not counted
                "....#",   // (2, 1): distance² 5, outside
                "..#..");  // (0, 2): inside
        boolean[] apples = new boolean[25];
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 5; x++) apples[y * 5 + x] = rows.get(y).charAt(x) == '#';
        }
        assertEquals(5, Regrowth.nearbyApples(apples, 5, 5, 2, 2));
        // at a corner the ball is clipped by the map edge; the apples in it are (1,1) and (0,2)
        assertEquals(2, Regrowth.nearbyApples(apples, 5, 5, 0, 0));
    }

    @Test
    void aPatchPickedCleanNeverComesBackButAPartlyPickedOneDoes() {
        CommonsMap map = CommonsMap.parse(List.of(
                "..........",
                ".AAA......",
                ".AAA......",
                ".AAA......",
                ".........."));
        CommonsGame game = new CommonsGame(map, 1, 3, 25);
        SplittableRandom rng = new SplittableRandom(3);
        game.reset(rng);
        game.liftAll();
        game.place(0, 9, 4, 0);
        for (int y = 1; y <= 3; y++) for (int x = 1; x <= 3; x++) game.setApple(x, y, false);
        int[] stand = {CommonsAction.STAND.ordinal()};
        double[] r = new double[1];
        for (int t = 0; t < 2000; t++) game.step(stand, r, rng);
        assertEquals(0, game.apples(), "L = 0 everywhere: regrowth probability 0");

        game.setApple(2, 2, true); // one apple left: its 8 neighbours each see L = 1 and regrow with p = 0.01
        for (int t = 0; t < 2000; t++) game.step(stand, r, rng);
        assertEquals(9, game.apples(), "a patch with an apple left grows back in full");
    }

    @Test
    void regrowthRateMatchesTheTable() {
        // A cross of four apples around an empty cell: L = 4, so p = 0.05; count regrowths over many trials.
        CommonsMap map = CommonsMap.parse(List.of(
                ".......",
                "...A...",
                "..AAA..",
                "...A...",
                "......."));
        CommonsGame game = new CommonsGame(map, 1, 3, 25);
        SplittableRandom rng = new SplittableRandom(11);
        game.reset(rng);
        game.liftAll();
        game.place(0, 0, 0, 0);
        int[] stand = {CommonsAction.STAND.ordinal()};
        double[] r = new double[1];
        int trials = 20_000;
        int regrown = 0;
        for (int i = 0; i < trials; i++) {
            game.setApple(3, 2, false);
            game.step(stand, r, rng);
            if (game.appleAt(3, 2)) regrown++;
        }
        double rate = (double) regrown / trials;
        // binomial sd = sqrt(0.05 * 0.95 / 20000) ≈ 0.0015; allow 4 sd
        assertTrue(Math.abs(rate - 0.05) < 0.006, "regrowth rate " + rate);
    }
}
