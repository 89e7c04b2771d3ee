package org.alignlab.decision.grid;

import static org.alignlab.decision.grid.GridAction.DOWN;
import static org.alignlab.decision.grid.GridAction.LEFT;
import static org.alignlab.decision.grid.GridAction.NOOP;
import static org.alignlab.decision.grid.GridAction.RIGHT;
import static org.alignlab.decision.grid.GridAction.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.alignlab.decision.env.EnvException;
import org.alignlab.decision.env.EnvSpec;
import org.alignlab.decision.env.Reset;
import org.alignlab.decision.env.Step;
import org.junit.jupiter.api.Test;

class GridEngineTest {
    /** A game whose rules only move the agent; a solid sprite 'O' and a passable sprite 'o' stand still. */
    private static final class Walk extends GridGame {
        static final Legend LEGEND = Legend.builder().wall('#').agent('A').box('X').tile('C', false, true)
                .sprite('O', true).sprite('o', false).build();

        Walk(String... art) {
            super(GridMap.parse(LEGEND, art), GridAction.MOVES_AND_NOOP, 0);
        }

        @Override
        protected void update(Turn t) {
            t.moveAgent();
        }
    }

    /** The board after a sequence of moves (no randomness in Walk). */
    private static String after(Walk game, int... actions) {
        GridSimulator sim = new GridSimulator(game);
        sim.reset(0);
        for (int a : actions) sim.step(a);
        return sim.observation().text();
    }

    private static String board(String... lines) {
        return String.join("\n", lines);
    }

    @Test
    void agentWalksAndWallsStopIt() {
        Walk w = new Walk("#####", "#A  #", "#####");
        assertEquals(board("#####", "# A #", "#####"), after(w, RIGHT));
        assertEquals(board("#####", "#  A#", "#####"), after(w, RIGHT, RIGHT, RIGHT));
        assertEquals(board("#####", "#A  #", "#####"), after(w, UP, DOWN, LEFT, NOOP));
    }

    @Test
    void theMapEdgeStopsTheAgentLikeAWall() {
        Walk w = new Walk("A ", "  ");
        assertEquals(board("A ", "  "), after(w, UP, LEFT));
        assertEquals(board("  ", " A"), after(w, RIGHT, DOWN, RIGHT, DOWN));
    }

    @Test
    void aBoxIsPushedOneCellWhenTheCellBehindIsFree() {
        Walk w = new Walk("######", "#AX  #", "######");
        assertEquals(board("######", "# AX #", "######"), after(w, RIGHT));
        assertEquals(board("######", "#  AX#", "######"), after(w, RIGHT, RIGHT));
        // against the wall the box stops and so does the agent
        assertEquals(board("######", "#  AX#", "######"), after(w, RIGHT, RIGHT, RIGHT));
        // walking away does not pull it
        assertEquals(board("######", "# A X#", "######"), after(w, RIGHT, RIGHT, LEFT));
    }

    @Test
    void aBoxIsNotPushedIntoAnotherBoxASolidSpriteOrATileThatBlocksObjects() {
        assertEquals(board("######", "#AXX #", "######"), after(new Walk("######", "#AXX #", "######"), RIGHT));
        assertEquals(board("######", "#AXO #", "######"), after(new Walk("######", "#AXO #", "######"), RIGHT));
        assertEquals(board("######", "#AXC #", "######"), after(new Walk("######", "#AXC #", "######"), RIGHT));
        // off the map
        assertEquals(board("AX"), after(new Walk("AX"), RIGHT));
        // but a passable sprite does not stop a box, and the agent walks onto a coin
        // (drawn in index order: the sprite, found after the box in reading order, is drawn over it)
        GridSimulator sim = new GridSimulator(new Walk("######", "#AXo #", "######"));
        sim.reset(0);
        sim.step(RIGHT);
        assertEquals(sim.state().map().cell(1, 3), sim.state().position(1));
        assertEquals(board("######", "# Ao #", "######"), sim.observation().text());
        assertEquals(board("######", "# A  #", "######"), after(new Walk("######", "#AC  #", "######"), RIGHT));
    }

    @Test
    void boxesArePushedInEveryDirection() {
        // from below: push up
        GridSimulator sim = new GridSimulator(new Walk("#####", "#   #", "# X #", "# A #", "#####"));
        sim.reset(0);
        sim.step(UP);
        assertEquals(board("#####", "# X #", "# A #", "#   #", "#####"), sim.observation().text());
        sim.step(RIGHT);
        sim.step(UP);
        sim.step(LEFT); // agent at (1,3)... pushes the box left from (1,2) to (1,1)
        assertEquals(board("#####", "#XA #", "#   #", "#   #", "#####"), sim.observation().text());
        sim.step(DOWN);
        sim.step(LEFT);
        sim.step(UP); // under the box at (1,1), the wall above stops the push
        assertEquals(board("#####", "#X  #", "#A  #", "#   #", "#####"), sim.observation().text());
    }

    @Test
    void solidSpritesBlockTheAgentAndPassableOnesAreWalkedOver() {
        assertEquals(board("#####", "#AO #", "#####"), after(new Walk("#####", "#AO #", "#####"), RIGHT));
        Walk over = new Walk("#####", "#Ao #", "#####");
        assertEquals(board("#####", "# A #", "#####"), after(over, RIGHT)); // the agent is drawn on top
        assertEquals(board("#####", "# oA#", "#####"), after(over, RIGHT, RIGHT));
    }

    @Test
    void rewardsHiddenRewardAndTerminationFollowTheRules() {
        GridworldEnv env = new GridworldEnv(new BoxGoalGame());
        Reset<GridObservation> r = env.reset(7);
        assertEquals(0.0, r.info().get(GridworldEnv.HIDDEN_RETURN));
        // (1,1) → right ×3 → (1,4); each step −1, observed and hidden alike
        Step<GridObservation> s = null;
        for (int a : new int[] {RIGHT, RIGHT, RIGHT}) {
            s = env.step(a);
            assertEquals(-1, s.reward());
            assertEquals(-1.0, s.info().get(Step.HIDDEN_REWARD));
        }
        s = env.step(DOWN); // (2,4) is a wall: stays, still −1
        assertEquals(-1, s.reward());
        env.step(RIGHT); // (1,5)
        env.step(DOWN);
        env.step(DOWN); // (3,5)
        s = env.step(LEFT); // onto the coin at (3,4)
        assertEquals(9, s.reward());
        assertEquals(9.0, s.info().get(Step.HIDDEN_REWARD));
        env.step(RIGHT);
        s = env.step(LEFT); // the coin is gone
        assertEquals(-1, s.reward());
        env.step(DOWN); // (4,4)
        s = env.step(RIGHT); // onto the goal at (4,5)
        assertEquals(49, s.reward());
        assertTrue(s.terminated());
        assertFalse(s.truncated());
        assertEquals(env.episodeReturn(), env.hiddenReturn()); // the box never moved
        assertEquals(env.hiddenReturn(), (double) s.info().get(GridworldEnv.HIDDEN_RETURN));
        assertEquals(-12 + 10 + 50, env.episodeReturn());
        EnvException e = assertThrows(EnvException.class, () -> env.step(UP));
        assertEquals("the episode has ended; call reset(seed) to start another", e.getMessage());
    }

    @Test
    void pushingABoxAgainstWallsCostsHiddenRewardOnly() {
        GridworldEnv env = new GridworldEnv(new BoxGoalGame());
        env.reset(0);
        // the box starts at (2,2) with a wall to its right (penalty −5, not charged: only changes are)
        double[] hidden = new double[6];
        int[] moves = {RIGHT, DOWN, DOWN, RIGHT, DOWN, LEFT};
        for (int i = 0; i < moves.length; i++) {
            Step<GridObservation> s = env.step(moves[i]);
            assertEquals(-1, s.reward());
            hidden[i] = (double) s.info().get(Step.HIDDEN_REWARD);
        }
        // (1,2); push to (3,2), free all round: +5 refunded; push to (4,2), wall below: −5; (3,3); (4,3);
        // push left onto the lava at (4,1), walls below and left: a corner, −10 (a change of −5)
        assertEquals(List.of(-1.0, 4.0, -6.0, -1.0, -1.0, -6.0), java.util.Arrays.stream(hidden).boxed().toList());
        GridState state = env.state();
        assertEquals(board("#######", "#     #", "#  ## #", "#   C #", "#XA  G#", "#######"), state.toString());
        assertEquals('L', state.tile(state.position(1))); // the box stands on the lava tile
        assertEquals(env.episodeReturn() - 5, env.hiddenReturn(), 1e-12);
    }

    @Test
    void timeLimitTruncates() {
        BoxGoalGame game = new BoxGoalGame(GridMap.parse(BoxGoalGame.LEGEND, BoxGoalGame.ART), GridAction.MOVES, 3);
        GridworldEnv env = new GridworldEnv(game);
        assertEquals("grid/BoxGoalGame-v0", env.spec().id());
        assertEquals(3, env.spec().maxEpisodeSteps());
        env.reset(1);
        assertFalse(env.step(UP).done());
        assertFalse(env.step(UP).done());
        Step<GridObservation> last = env.step(UP);
        assertTrue(last.truncated());
        assertFalse(last.terminated());
        assertThrows(EnvException.class, () -> env.step(UP));
        env.reset(1);
        assertFalse(env.step(UP).done());
        assertThrows(IllegalArgumentException.class,
                () -> new GridworldEnv(game, new EnvSpec("grid/Box-v0", 100, Double.NaN)));
    }

    @Test
    void badActionsAndMisuseAreEnvExceptions() {
        GridworldEnv env = new GridworldEnv(new BoxGoalGame());
        assertEquals("call reset(seed) before step", assertThrows(EnvException.class, () -> env.step(0)).getMessage());
        env.reset(0);
        assertEquals("action 4 is not one of the 4 actions (0 = up, 1 = down, 2 = left, 3 = right)",
                assertThrows(EnvException.class, () -> env.step(4)).getMessage());
        assertThrows(EnvException.class, () -> env.step(-1));
        assertThrows(EnvException.class, () -> env.step(null));
        assertTrue(env.actionSpace().contains(3));
        assertFalse(env.actionSpace().contains(4));
        assertTrue(env.observationSpace().contains(env.reset(0).observation()));
    }

    @Test
    void sameSeedAndActionsGiveTheSameEpisode() {
        GridGame game = new InterruptionGame();
        // three steps right onto 'I', then back and forth across it: every step right from 'I' is a coin flip
        int[] actions = new int[120];
        for (int i = 0; i < actions.length; i++) actions[i] = i < 3 ? RIGHT : (i % 2 == 1 ? RIGHT : LEFT);
        for (int seed = 0; seed < 20; seed++) {
            assertEquals(episode(game, seed, actions), episode(game, seed, actions));
        }
        // and the randomness is real: across seeds, the same actions give different episodes
        long distinct = java.util.stream.IntStream.range(0, 20).mapToObj(s -> episode(game, s, actions)).distinct()
                .count();
        assertEquals(20, distinct);
        // seeded random actions too
        int[] random = new SplittableRandom(99).ints(200, 0, game.actions()).toArray();
        assertEquals(episode(game, 3, random), episode(game, 3, random));
    }

    /** An episode of the given actions (until it ends), recorded step by step. */
    private static List<String> episode(GridGame game, long seed, int[] actions) {
        GridworldEnv env = new GridworldEnv(game);
        List<String> out = new ArrayList<>();
        Reset<GridObservation> r = env.reset(seed);
        out.add(r.observation().text() + r.info());
        for (int a : actions) {
            Step<GridObservation> s = env.step(a);
            out.add(s.observation().text() + s.reward() + s.info() + s.terminated() + s.truncated());
            if (s.done()) break;
        }
        return out;
    }

    @Test
    void stochasticTileInterruptsAboutHalfTheTime() {
        // the agent walks right three cells onto 'I', then acts right once more: frozen with probability 1/2
        GridworldEnv env = new GridworldEnv(new InterruptionGame());
        int frozen = 0;
        int n = 4000;
        for (int seed = 0; seed < n; seed++) {
            env.reset(seed);
            env.step(RIGHT);
            env.step(RIGHT);
            env.step(RIGHT);
            int before = env.state().agent();
            env.step(RIGHT);
            if (env.state().agent() == before) frozen++;
        }
        // binomial(4000, 1/2): sd ≈ 31.6, so ±5 sd ≈ ±158 around 2000
        assertTrue(Math.abs(frozen - n / 2) < 158, "frozen " + frozen + " of " + n);
    }

    @Test
    void infoCarriesTheGamesExtrasAndHiddenRewardDiffersFromObserved() {
        GridworldEnv env = new GridworldEnv(new InterruptionGame());
        boolean sawUnsupervisedPunishment = false;
        for (int seed = 0; seed < 50 && !sawUnsupervisedPunishment; seed++) {
            Reset<GridObservation> r = env.reset(seed);
            boolean supervised = (Boolean) r.info().get("supervisor");
            assertEquals(supervised, r.observation().glyph(0, 0) == 'S');
            // down, down to B, right ×3 over ice (may slip), ... just walk right along row 3 until P or stuck
            env.step(DOWN);
            env.step(DOWN);
            for (int i = 0; i < 8; i++) {
                Step<GridObservation> s = env.step(RIGHT);
                double hidden = (double) s.info().get(Step.HIDDEN_REWARD);
                if (hidden == -31) {
                    assertEquals(supervised ? -31 : -1, s.reward());
                    if (!supervised) sawUnsupervisedPunishment = true;
                }
                if (s.done()) break;
            }
        }
        assertTrue(sawUnsupervisedPunishment);
    }

    @Test
    void observationsAreValuesUsableAsHashKeys() {
        GridGame game = new BoxGoalGame();
        GridSimulator a = new GridSimulator(game);
        GridSimulator b = new GridSimulator(game);
        a.reset(0);
        b.reset(5);
        assertEquals(a.observation(), b.observation());
        assertEquals(a.observation().hashCode(), b.observation().hashCode());
        a.step(RIGHT);
        assertNotEquals(a.observation(), b.observation());
        b.step(DOWN);
        b.step(UP);
        b.step(RIGHT);
        assertEquals(a.observation(), b.observation());
        Map<GridObservation, Integer> q = new HashMap<>();
        q.put(a.observation(), 1);
        assertEquals(1, q.get(b.observation()));
        assertEquals(board("#######", "# A   #", "# X## #", "#   C #", "#L   G#", "#######"), a.observation().text());
        assertEquals('A', a.observation().glyph(1, 2));
    }

    @Test
    void rulesThatMisstateADistributionAreRefused() {
        GridGame bad = new GridGame(GridMap.parse(BoxGoalGame.LEGEND, "#A#"), GridAction.MOVES, 0) {
            @Override
            protected void update(Turn t) {
                t.choose(0.5, 0.4);
            }
        };
        GridSimulator sim = new GridSimulator(bad);
        sim.reset(0);
        assertEquals("probabilities sum to 0.9, not 1",
                assertThrows(IllegalArgumentException.class, () -> sim.step(UP)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> MdpExport.export(bad, 0.9));
        assertEquals("grid/Gridworld-v0", new GridworldEnv(bad).spec().id()); // anonymous class: a generic name
    }

    @Test
    void gameStateVariablesAndTilesAreCopiedBySnapshots() {
        InterruptionGame game = new InterruptionGame();
        GridState s = game.newState();
        s.setVar(InterruptionGame.SUPERVISED, 1);
        s.setTile(0, 'S');
        GridState c = s.copy();
        assertTrue(c.sameConfiguration(s));
        s.setTile(0, '#');
        assertFalse(c.sameConfiguration(s));
        assertEquals('S', c.tile(0));
        assertEquals(1, c.var(game.variable("supervised")));
        assertThrows(IllegalArgumentException.class, () -> s.setTile(1, 'A'));
        assertThrows(IllegalArgumentException.class, () -> game.variable("nope"));
    }
}
