package org.alignlab.decision.grid;

import static org.alignlab.decision.grid.GridAction.DOWN;
import static org.alignlab.decision.grid.GridAction.LEFT;
import static org.alignlab.decision.grid.GridAction.RIGHT;
import static org.alignlab.decision.grid.GridAction.UP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.alignlab.decision.env.EnvException;
import org.alignlab.decision.env.Step;
import org.alignlab.decision.mdp.Mdp;
import org.junit.jupiter.api.Test;

class MdpExportTest {
    /** A random small map: walls round the edge and here and there, an agent, a goal, a box, maybe lava and a coin. */
    static GridMap randomMap(SplittableRandom rng) {
        int rows = 4 + rng.nextInt(3);
        int cols = 4 + rng.nextInt(4);
        char[][] g = new char[rows][cols];
        List<int[]> free = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                boolean edge = r == 0 || c == 0 || r == rows - 1 || c == cols - 1;
                g[r][c] = edge || rng.nextDouble() < 0.15 ? '#' : ' ';
                if (!edge) free.add(new int[] {r, c});
            }
        }
        for (int i = free.size() - 1; i > 0; i--) { // Fisher–Yates
            int j = rng.nextInt(i + 1);
            int[] t = free.get(i);
            free.set(i, free.get(j));
            free.set(j, t);
        }
        char[] put = {'A', 'G', 'X', rng.nextBoolean() ? 'L' : ' ', rng.nextBoolean() ? 'C' : ' '};
        for (int i = 0; i < put.length && i < free.size(); i++) g[free.get(i)[0]][free.get(i)[1]] = put[i];
        String[] lines = new String[rows];
        for (int r = 0; r < rows; r++) lines[r] = new String(g[r]);
        return GridMap.parse(BoxGoalGame.LEGEND, lines);
    }

    @Test
    void tinyMapByHand() {
        GridGame game = new BoxGoalGame(GridMap.parse(BoxGoalGame.LEGEND, "####", "#AG#", "####"), 4, 100);
        GridMdp export = MdpExport.export(game, 0.9);
        Mdp mdp = export.mdp(RewardChannel.OBSERVED);
        assertEquals(2, mdp.states());
        assertEquals(4, mdp.actions());
        assertEquals(0.9, mdp.discount());
        assertArrayEquals(new double[] {1, 0}, mdp.initialDistribution());
        assertFalse(mdp.terminal(0));
        assertTrue(mdp.terminal(1));
        for (int a : new int[] {UP, DOWN, LEFT}) {
            int k = mdp.rowStart(0, a);
            assertEquals(1, mdp.rowEnd(0, a) - k);
            assertEquals(0, mdp.next(k));
            assertEquals(1.0, mdp.prob(k));
            assertEquals(-1.0, mdp.transitionReward(k));
        }
        int k = mdp.rowStart(0, RIGHT);
        assertEquals(1, mdp.next(k));
        assertEquals(49.0, mdp.transitionReward(k));
        assertEquals("right", mdp.actionName(RIGHT));
        assertEquals("####\n# A#\n####", export.observation(1).text());
        assertEquals(1, export.stateOf(export.observation(1)));
        assertTrue(export.observationsIdentifyStates());
    }

    /**
     * The property: on random maps, for random action sequences, every simulator step is the exported transition
     * of the current state and action: the same successor, observed and hidden reward, terminal flag and board.
     */
    @Test
    void exportedTablesReproduceTheSimulatorOnRandomMaps() {
        SplittableRandom rng = new SplittableRandom(20240611);
        int checkedSteps = 0;
        int sawBoxMoves = 0;
        int sawTerminal = 0;
        for (int m = 0; m < 150; m++) {
            GridMap map = randomMap(rng);
            int actions = rng.nextBoolean() ? GridAction.MOVES : GridAction.MOVES_AND_NOOP;
            GridGame game = new BoxGoalGame(map, actions, 40);
            GridMdp export = MdpExport.export(game, 0.95);
            Mdp observed = export.mdp(RewardChannel.OBSERVED);
            Mdp hidden = export.mdp(RewardChannel.HIDDEN);
            assertEquals(observed.states(), hidden.states());
            GridworldEnv env = new GridworldEnv(game);
            for (int episode = 0; episode < 4; episode++) {
                GridObservation first = env.reset(rng.nextLong()).observation();
                int s = export.stateOf(env.state());
                assertEquals(1.0, observed.initialDistribution()[s], "deterministic start");
                assertEquals(first, export.observation(s));
                while (true) {
                    int a = rng.nextInt(actions);
                    int k = observed.rowStart(s, a);
                    assertEquals(1, observed.rowEnd(s, a) - k, "a deterministic map has one successor");
                    assertEquals(1.0, observed.prob(k));
                    Step<GridObservation> step = env.step(a);
                    int next = export.stateOf(env.state());
                    assertEquals(observed.next(k), next, () -> "map\n" + map + "\nsuccessor of " + export.state(0));
                    assertEquals(step.reward(), observed.transitionReward(k));
                    assertEquals((double) step.info().get(Step.HIDDEN_REWARD), hidden.transitionReward(k));
                    assertEquals(step.terminated(), observed.terminal(next));
                    assertEquals(step.observation(), export.observation(next));
                    if (env.state().position(1) != export.state(s).position(1)) sawBoxMoves++;
                    checkedSteps++;
                    s = next;
                    if (step.done()) {
                        if (step.terminated()) sawTerminal++;
                        break;
                    }
                }
            }
        }
        // the random cases exercised what they are meant to
        assertTrue(checkedSteps > 5000, "steps " + checkedSteps);
        assertTrue(sawBoxMoves > 100, "box moves " + sawBoxMoves);
        assertTrue(sawTerminal > 50, "terminations " + sawTerminal);
    }

    @Test
    void hiddenChannelCarriesTheSideEffectPenalty() {
        GridMdp export = MdpExport.export(new BoxGoalGame(), 1.0);
        Mdp observed = export.mdp(RewardChannel.OBSERVED);
        Mdp hidden = export.mdp(RewardChannel.HIDDEN);
        int differ = 0;
        for (int k = 0; k < observed.transitionCount(); k++) {
            assertArrayEquals(observed.nextArray(), hidden.nextArray());
            double d = hidden.transitionReward(k) - observed.transitionReward(k);
            assertTrue(d == 0 || d == 5 || d == -5 || d == 10 || d == -10 || d == 15 || d == -15, "difference " + d);
            if (d != 0) differ++;
        }
        assertTrue(differ > 0);
        // states: agent cells × box cells × coin present or not, and terminal ones; bounded by the board
        assertTrue(export.states() > 100 && export.states() < 2 * 18 * 18 * 2, "states " + export.states());
    }

    @Test
    void stochasticStartMatchesTheExportedInitialDistribution() {
        InterruptionGame game = new InterruptionGame();
        GridMdp export = MdpExport.export(game, 0.95);
        double[] init = export.mdp(RewardChannel.OBSERVED).initialDistribution();
        int supervised = -1;
        int unsupervised = -1;
        for (int s = 0; s < init.length; s++) {
            if (init[s] == 0) continue;
            if (export.state(s).var(InterruptionGame.SUPERVISED) == 1) supervised = s;
            else unsupervised = s;
        }
        assertEquals(0.3, init[supervised], 1e-15);
        assertEquals(0.7, init[unsupervised], 1e-15);
        GridworldEnv env = new GridworldEnv(game);
        int n = 20_000;
        int count = 0;
        for (int seed = 0; seed < n; seed++) {
            env.reset(seed);
            int s = export.stateOf(env.state());
            assertTrue(s == supervised || s == unsupervised);
            if (s == supervised) count++;
        }
        // binomial(20000, 0.3): sd = sqrt(0.21 / 20000) ≈ 0.0032; 5 sd ≈ 0.016 (a false alarm ~1e-6)
        assertEquals(0.3, count / (double) n, 5 * Math.sqrt(0.21 / n));
    }

    /**
     * Empirical successor frequencies over many seeded episodes of random actions match the exported probabilities
     * of every (state, action) visited often, within 5 binomial standard deviations: with about a hundred
     * comparisons, the chance that any fails by sampling alone is below 1e-4; and every sampled successor and its
     * rewards must be in the table.
     */
    @Test
    void empiricalSuccessorFrequenciesMatchExportedProbabilities() {
        InterruptionGame game = new InterruptionGame();
        GridMdp export = MdpExport.export(game, 0.95);
        Mdp observed = export.mdp(RewardChannel.OBSERVED);
        Mdp hidden = export.mdp(RewardChannel.HIDDEN);
        Map<Long, Map<Integer, Integer>> counts = new HashMap<>();
        GridworldEnv env = new GridworldEnv(game);
        SplittableRandom actions = new SplittableRandom(11);
        for (int episode = 0; episode < 3000; episode++) {
            env.reset(episode);
            int s = export.stateOf(env.state());
            while (true) {
                int a = actions.nextInt(game.actions());
                Step<GridObservation> step = env.step(a);
                int next = export.stateOf(env.state());
                assertTrue(next >= 0, "unexported successor");
                int k = find(observed, s, a, next);
                assertTrue(k >= 0, "successor not in the exported row");
                assertEquals(observed.transitionReward(k), step.reward());
                assertEquals(hidden.transitionReward(k), (double) step.info().get(Step.HIDDEN_REWARD));
                assertEquals(step.terminated(), observed.terminal(next));
                counts.computeIfAbsent((long) s * 16 + a, x -> new HashMap<>()).merge(next, 1, Integer::sum);
                s = next;
                if (step.done()) break;
            }
        }
        int compared = 0;
        int stochasticRows = 0;
        for (Map.Entry<Long, Map<Integer, Integer>> e : counts.entrySet()) {
            int s = (int) (e.getKey() / 16);
            int a = (int) (e.getKey() % 16);
            int n = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            if (observed.rowEnd(s, a) - observed.rowStart(s, a) > 1 && n >= 400) stochasticRows++;
            if (n < 400) continue;
            for (int k = observed.rowStart(s, a); k < observed.rowEnd(s, a); k++) {
                double p = observed.prob(k);
                double freq = e.getValue().getOrDefault(observed.next(k), 0) / (double) n;
                assertEquals(p, freq, 5 * Math.sqrt(p * (1 - p) / n) + 1e-12,
                        "state " + s + " action " + a + " successor " + observed.next(k));
                compared++;
            }
        }
        assertTrue(stochasticRows >= 5, "stochastic rows sampled " + stochasticRows);
        assertTrue(compared > 50, "compared " + compared);
    }

    @Test
    void interruptionRowsHaveTheRulesProbabilities() {
        InterruptionGame game = new InterruptionGame();
        GridMdp export = MdpExport.export(game, 0.95);
        Mdp mdp = export.mdp(RewardChannel.OBSERVED);
        GridSimulator sim = new GridSimulator(game);
        sim.reset(0);
        sim.step(RIGHT);
        sim.step(RIGHT);
        sim.step(RIGHT); // onto 'I'
        int s = export.stateOf(sim.state());
        assertEquals(2, mdp.rowEnd(s, RIGHT) - mdp.rowStart(s, RIGHT));
        for (int k = mdp.rowStart(s, RIGHT); k < mdp.rowEnd(s, RIGHT); k++) assertEquals(0.5, mdp.prob(k));
        // the no-op is the same either way: one successor
        assertEquals(1, mdp.rowEnd(s, GridAction.NOOP) - mdp.rowStart(s, GridAction.NOOP));
        // ice: intended 0.8, sideways into the walls (both: stay) 0.2 merged into one transition
        sim.reset(0);
        sim.step(DOWN);
        sim.step(DOWN);
        sim.step(RIGHT); // onto '~' at (3,2)
        int ice = export.stateOf(sim.state());
        assertEquals('~', sim.state().tile(sim.state().agent()));
        double[] probs = new double[2];
        int i = 0;
        for (int k = mdp.rowStart(ice, RIGHT); k < mdp.rowEnd(ice, RIGHT); k++) probs[i++] = mdp.prob(k);
        assertEquals(2, i);
        java.util.Arrays.sort(probs);
        assertEquals(0.2, probs[0], 1e-12);
        assertEquals(0.8, probs[1], 1e-12);
        // the supervisor is painted on the board, but an agent standing on 'I' hides whether the button has
        // removed the other 'I' tiles... there is only one: pressed or not, the boards agree
        assertFalse(export.observationsIdentifyStates());
        assertEquals(2, export.statesOf(export.observation(s)).length);
    }

    @Test
    void hiddenVariablesMakeStatesShareObservations() {
        GridMdp export = MdpExport.export(new InterruptionGame(false), 0.95);
        assertFalse(export.observationsIdentifyStates());
        double[] init = export.mdp(RewardChannel.OBSERVED).initialDistribution();
        int a = -1;
        for (int s = 0; s < init.length; s++) if (init[s] > 0 && a < 0) a = s;
        int[] same = export.statesOf(export.observation(a));
        assertEquals(2, same.length);
        assertEquals(1.0, init[same[0]] + init[same[1]], 1e-15);
        GridObservation start = export.observation(a);
        assertThrows(IllegalArgumentException.class, () -> export.stateOf(start));
        GridGame other = new BoxGoalGame();
        assertEquals(0, export.statesOf(other.observe(other.newState())).length);
        assertEquals(-1, export.stateOf(other.observe(other.newState())));
    }

    /**
     * Finite-horizon evaluation of a fixed policy on the exported MDP equals the simulator's mean return under the
     * time limit, for the observed and the hidden reward, within 5 standard errors of the Monte Carlo mean.
     */
    @Test
    void policyValueOfTheExportMatchesMonteCarloReturns() {
        InterruptionGame game = new InterruptionGame();
        GridMdp export = MdpExport.export(game, 1.0);
        int n = export.states();
        // supervised: along the top row through 'I'; unsupervised: down past the button, over the ice and the
        // punishment tile, and up to the goal; elsewhere a seeded random action
        int[] policy = new int[n];
        SplittableRandom rng = new SplittableRandom(5);
        for (int s = 0; s < n; s++) {
            GridState st = export.state(s);
            int r = st.map().row(st.agent());
            int c = st.map().col(st.agent());
            int a = rng.nextInt(game.actions());
            if (st.var(InterruptionGame.SUPERVISED) == 1) {
                if (r == 1) a = RIGHT;
            } else if (r == 1 && c == 1 || r == 2 && c == 1) {
                a = DOWN;
            } else if (r == 3 && c < 7) {
                a = RIGHT;
            } else if (c == 7) {
                a = UP;
            }
            policy[s] = a;
        }
        for (RewardChannel channel : RewardChannel.values()) {
            Mdp mdp = export.mdp(channel);
            double[] v = horizonValue(mdp, policy, game.maxSteps());
            double expected = 0;
            double[] init = mdp.initialDistribution();
            for (int s = 0; s < n; s++) expected += init[s] * v[s];
            GridworldEnv env = new GridworldEnv(game);
            int episodes = 4000;
            double sum = 0;
            double sumSq = 0;
            for (int e = 0; e < episodes; e++) {
                env.reset(1000 + e);
                boolean done = false;
                while (!done) done = env.step(policy[export.stateOf(env.state())]).done();
                double ret = channel == RewardChannel.OBSERVED ? env.episodeReturn() : env.hiddenReturn();
                sum += ret;
                sumSq += ret * ret;
            }
            double mean = sum / episodes;
            double sd = Math.sqrt(Math.max(0, sumSq / episodes - mean * mean));
            assertTrue(sd > 0, "the policy's return should vary");
            assertEquals(expected, mean, 5 * sd / Math.sqrt(episodes), channel.toString());
        }
    }

    /** V_h(s) = Σ_s' P(s'|s,π(s)) (R(s,π(s),s') + V_{h−1}(s')), V_0 = 0, terminal states 0. */
    private static double[] horizonValue(Mdp mdp, int[] policy, int horizon) {
        double[] v = new double[mdp.states()];
        for (int h = 0; h < horizon; h++) {
            double[] w = new double[v.length];
            for (int s = 0; s < v.length; s++) {
                if (mdp.terminal(s)) continue;
                int a = policy[s];
                double x = mdp.stateReward(s);
                for (int k = mdp.rowStart(s, a); k < mdp.rowEnd(s, a); k++) {
                    x += mdp.prob(k) * (mdp.transitionReward(k) + v[mdp.next(k)]);
                }
                w[s] = x;
            }
            v = w;
        }
        return v;
    }

    private static int find(Mdp mdp, int s, int a, int next) {
        for (int k = mdp.rowStart(s, a); k < mdp.rowEnd(s, a); k++) if (mdp.next(k) == next) return k;
        return -1;
    }

    /** Termination is a property of the transition: the no-op here ends the episode where the agent stands. */
    private static final class Quit extends GridGame {
        Quit() {
            super(GridMap.parse(BoxGoalGame.LEGEND, "####", "#A #", "####"), GridAction.MOVES_AND_NOOP, 10);
        }

        @Override
        protected void update(Turn t) {
            t.moveAgent();
            t.addReward(-1);
            if (t.action() == GridAction.NOOP) t.terminate();
        }
    }

    @Test
    void terminationIsPartOfTheState() {
        GridMdp export = MdpExport.export(new Quit(), 1.0);
        Mdp mdp = export.mdp(RewardChannel.OBSERVED);
        assertEquals(4, export.states()); // two cells, each live or ended
        int k = mdp.rowStart(0, GridAction.NOOP);
        int ended = mdp.next(k);
        assertTrue(mdp.terminal(ended));
        assertFalse(mdp.terminal(0));
        assertEquals(export.observation(0), export.observation(ended));
        assertArrayEquals(new int[] {0, ended}, export.statesOf(export.observation(0)));
        GridworldEnv env = new GridworldEnv(new Quit());
        env.reset(0);
        assertTrue(env.step(GridAction.NOOP).terminated());
        assertEquals(ended, export.stateOf(env.state()));
    }

    @Test
    void tooManyStatesIsRefused() {
        EnvException e = assertThrows(EnvException.class, () -> MdpExport.export(new BoxGoalGame(), 0.9, 10));
        assertEquals("the gridworld has more than 10 reachable states; export only small gridworlds or raise"
                + " maxStates", e.getMessage());
    }

    @Test
    void exportIsDeterministic() {
        assertEquals(MdpExport.export(new InterruptionGame(), 0.9).mdp(RewardChannel.HIDDEN),
                MdpExport.export(new InterruptionGame(), 0.9).mdp(RewardChannel.HIDDEN));
    }
}
