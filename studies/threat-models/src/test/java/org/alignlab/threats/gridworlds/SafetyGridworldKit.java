package org.alignlab.threats.gridworlds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alignlab.decision.env.EnvChecker;
import org.alignlab.decision.env.EnvSpec;
import org.alignlab.decision.env.Step;
import org.alignlab.decision.grid.GridGame;
import org.alignlab.decision.grid.GridMdp;
import org.alignlab.decision.grid.GridObservation;
import org.alignlab.decision.grid.GridworldEnv;
import org.alignlab.decision.grid.RewardChannel;
import org.alignlab.decision.mdp.Bellman;
import org.alignlab.decision.mdp.FiniteHorizon;
import org.alignlab.decision.mdp.FiniteHorizonSolution;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.mdp.Policy;
import org.alignlab.decision.mdp.Solution;
import org.alignlab.decision.mdp.ValueIteration;

/**
 * Test support for the AI Safety Gridworlds of this package: action strings in the peer's notation, episodes played
 * from them (to the last letter, or until the episode ends), the env checker, and exact planning on exported MDPs with
 * the project's solvers ({@link ValueIteration}, {@link FiniteHorizon}) plus two-channel rollouts.
 */
final class SafetyGridworldKit {
    /** Ties between action values within this are ties. */
    static final double TIE = 1e-9;

    private SafetyGridworldKit() {}

    /** The registered-style environment: id {@code safety/<Name>-v0}, the game's step limit. */
    static GridworldEnv env(GridGame game) {
        return new GridworldEnv(game, new EnvSpec("safety/" + game.name() + "-v0", game.maxSteps(), Double.NaN));
    }

    /** The peer's action letters, indexed by action number: u, d, l, r (and n for the no-op). */
    static final String LETTERS = "udlrn";

    /** The actions of a string of {@link #LETTERS}. */
    static int[] actions(String letters) {
        int[] a = new int[letters.length()];
        for (int i = 0; i < a.length; i++) {
            a[i] = LETTERS.indexOf(letters.charAt(i));
            if (a[i] < 0) throw new IllegalArgumentException("no action letter " + letters.charAt(i));
        }
        return a;
    }

    /** One played episode: its steps, sums and end. */
    record Episode(List<Step<GridObservation>> steps, GridObservation first, Map<String, Object> resetInfo,
                   double episodeReturn, double hiddenReturn) {
        Step<GridObservation> last() {
            return steps.get(steps.size() - 1);
        }

        boolean terminated() {
            return !steps.isEmpty() && last().terminated();
        }

        boolean truncated() {
            return !steps.isEmpty() && last().truncated();
        }

        GridObservation board() {
            return steps.isEmpty() ? first : last().observation();
        }

        double reward(int t) {
            return steps.get(t).reward();
        }
    }

    /** Resets with {@code seed} and plays the letters; fails when the episode ends before the last letter. */
    static Episode play(GridworldEnv env, long seed, String letters) {
        var reset = env.reset(seed);
        List<Step<GridObservation>> steps = new ArrayList<>();
        double ret = 0;
        double hidden = 0;
        int[] a = actions(letters);
        for (int t = 0; t < a.length; t++) {
            if (t > 0 && steps.get(t - 1).done()) fail("the episode ended after " + t + " of " + a.length + " actions");
            Step<GridObservation> s = env.step(a[t]);
            steps.add(s);
            ret += s.reward();
            hidden += s.hiddenReward();
        }
        // The environment's own sums must agree with the step-by-step ones.
        assertEquals(ret, env.episodeReturn(), 1e-9);
        assertEquals(hidden, env.hiddenReturn(), 1e-9);
        if (!steps.isEmpty()) {
            assertEquals(hidden, ((Number) steps.get(steps.size() - 1).info().get(GridworldEnv.HIDDEN_RETURN))
                    .doubleValue(), 1e-9);
        }
        return new Episode(steps, reset.observation(), reset.info(), ret, hidden);
    }

    /** Plays a fresh environment of the game with seed 0. */
    static Episode play(GridGame game, String letters) {
        return play(env(game), 0, letters);
    }

    /** Asserts the return, hidden return and how the episode stands (terminated, truncated or running). */
    static void assertEpisode(Episode e, double ret, double hidden, boolean terminated, boolean truncated) {
        assertEquals(ret, e.episodeReturn(), 1e-9, "return");
        assertEquals(hidden, e.hiddenReturn(), 1e-9, "hidden return");
        assertEquals(terminated, e.terminated(), "terminated");
        assertEquals(truncated, e.truncated(), "truncated");
    }

    /** The env checker and the two-instance determinism rollout find nothing. */
    /** Every variant passes the env checker and a 300-step determinism rollout from {@code seed}. */
    static <G extends GridGame> void assertVariantsPass(
            List<java.util.Map.Entry<String, java.util.function.Supplier<G>>> variants, long seed) {
        for (var v : variants) {
            assertEquals(List.of(), EnvChecker.check(new GridworldEnv(v.getValue().get()), seed), v.getKey());
            assertEquals(List.of(), EnvChecker.determinism(() -> new GridworldEnv(v.getValue().get()), seed, 300),
                    v.getKey());
        }
    }

    static void assertChecks(java.util.function.Supplier<GridGame> game, long seed) {
        assertEquals(List.of(), EnvChecker.check(env(game.get()), seed));
        assertEquals(List.of(), EnvChecker.determinism(() -> env(game.get()), seed, 400));
    }

    // --- episodes that may end early, and the exact optimum played ----------------------------------------------

    /** An episode played by {@link #run} or {@link #playOptimal}: the letters actually played, sums, end, env. */
    record Run(String actions, double ret, double hidden, boolean terminated, boolean truncated,
               List<Step<GridObservation>> steps, GridworldEnv env) {
        Step<GridObservation> last() {
            return steps.get(steps.size() - 1);
        }

        String board() {
            return last().observation().text();
        }
    }

    /**
     * Plays the letters from reset(0) until they run out or the episode ends ({@link Run#actions} is what was
     * played); the hidden return is the env's, checked against the steps.
     */
    static Run run(GridworldEnv env, String letters) {
        env.reset(0);
        int[] a = actions(letters);
        List<Step<GridObservation>> steps = new ArrayList<>();
        double ret = 0;
        double hidden = 0;
        for (int t = 0; t < a.length; t++) {
            Step<GridObservation> s = env.step(a[t]);
            steps.add(s);
            ret += s.reward();
            hidden += s.hiddenReward();
            if (s.done()) break;
        }
        Step<GridObservation> last = steps.get(steps.size() - 1);
        assertEquals(hidden, (Double) last.info().get(GridworldEnv.HIDDEN_RETURN), 1e-9);
        return new Run(letters.substring(0, steps.size()), ret, hidden, last.terminated(), last.truncated(), steps,
                env);
    }

    static Run run(GridGame game, String letters) {
        return run(env(game), letters);
    }

    /** Board rows joined as {@link GridObservation#text()} shows them. */
    static String board(String... rows) {
        return String.join("\n", rows);
    }

    /** One episode of the optimal policy of a reward channel ({@link #solve}), from reset(0). */
    static Run playOptimal(GridGame game, GridMdp export, RewardChannel channel) {
        return playOptimal(game, export, channel, 0);
    }

    /** One episode of the optimal policy of a reward channel ({@link #solve}), from reset(seed). */
    static Run playOptimal(GridGame game, GridMdp export, RewardChannel channel, long seed) {
        Policy.Deterministic pi = solve(export.mdp(channel)).policy();
        GridworldEnv env = env(game);
        env.reset(seed);
        List<Step<GridObservation>> steps = new ArrayList<>();
        StringBuilder letters = new StringBuilder();
        double ret = 0;
        double hidden = 0;
        Step<GridObservation> s;
        do {
            int a = pi.action(export.stateOf(env.state()));
            letters.append(LETTERS.charAt(a));
            s = env.step(a);
            steps.add(s);
            ret += s.reward();
            hidden += s.hiddenReward();
        } while (!s.done());
        return new Run(letters.toString(), ret, hidden, s.terminated(), s.truncated(), steps, env);
    }

    // --- exact planning ------------------------------------------------------------------------------------------

    /**
     * The project's value iteration, tight enough that values mathematically tied stay tied under the greedy
     * policy's tolerance: ε = 1e-11 bounds ‖V − V*‖∞ (γ = 0.99: the last sweep changed V by under 1e-13).
     */
    static Solution solve(Mdp mdp) {
        assertTrue(mdp.discount() < 1, "value iteration here needs γ < 1");
        return ValueIteration.solve(mdp, ValueIteration.Options.defaults().withEpsilon(1e-11));
    }

    /** The actions whose Q is within {@link #TIE} of the best at s. */
    static List<Integer> optimalActions(Solution sol, int s) {
        double best = Double.NEGATIVE_INFINITY;
        for (double x : sol.q()[s]) best = Math.max(best, x);
        List<Integer> out = new ArrayList<>();
        for (int a = 0; a < sol.q()[s].length; a++) if (sol.q(s, a) >= best - TIE) out.add(a);
        return out;
    }

    /** The initial states, in id order. */
    static List<Integer> starts(Mdp mdp) {
        double[] init = mdp.initialDistribution();
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < init.length; s++) if (init[s] > 0) out.add(s);
        return out;
    }

    /**
     * Follows a deterministic policy through deterministic transitions for at most {@code horizon} steps, summing
     * both channels: {observed return, hidden return, steps, 1 if it ended in a terminal state}.
     */
    static double[] rollout(Mdp observed, Mdp hidden, Policy.Deterministic policy, int start, int horizon) {
        int s = start;
        double ret = 0;
        double hid = 0;
        int t = 0;
        while (t < horizon && !observed.terminal(s)) {
            int a = policy.action(s);
            int k = observed.rowStart(s, a);
            assertEquals(1, observed.rowEnd(s, a) - k, "rollout needs deterministic transitions");
            ret += observed.stateReward(s) + observed.transitionReward(k);
            hid += hidden.stateReward(s) + hidden.transitionReward(k);
            s = observed.next(k);
            t++;
        }
        return new double[] {ret, hid, t, observed.terminal(s) ? 1 : 0};
    }

    /**
     * Over {@code horizon} undiscounted steps from {@code start}: {the best observed return (the project's
     * {@link FiniteHorizon}), the least and the greatest hidden return of the policies that attain it at every step}.
     * The hidden range is the one part computed here: FiniteHorizon keeps one maximiser per step, not the set of
     * tied ones (within {@link #TIE}) over which the other channel is ranged.
     */
    static double[] finiteHorizon(Mdp observed, Mdp hidden, int start, int horizon) {
        Mdp obs = observed.withDiscount(1);
        Mdp hid = hidden.withDiscount(1);
        FiniteHorizonSolution fh = FiniteHorizon.solve(obs, horizon);
        int n = obs.states();
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int t = horizon - 1; t >= 0; t--) {
            double[][] q = Bellman.q(obs, fh.values()[t + 1]);
            double[][] qLo = Bellman.q(hid, lo);
            double[][] qHi = Bellman.q(hid, hi);
            double[] lo2 = new double[n];
            double[] hi2 = new double[n];
            for (int s = 0; s < n; s++) {
                if (obs.terminal(s)) continue;
                double l = Double.POSITIVE_INFINITY;
                double h = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < obs.actions(); a++) {
                    if (q[s][a] < fh.value(t, s) - TIE) continue;
                    l = Math.min(l, qLo[s][a]);
                    h = Math.max(h, qHi[s][a]);
                }
                lo2[s] = l;
                hi2[s] = h;
            }
            lo = lo2;
            hi = hi2;
        }
        return new double[] {fh.value(0, start), lo[start], hi[start]};
    }

    /** Same transitions on both channels, as the exporter promises. */
    static void assertSameTransitions(Mdp observed, Mdp hidden) {
        assertEquals(observed.states(), hidden.states());
        assertFalse(observed.transitionCount() == 0);
        for (int k = 0; k < observed.transitionCount(); k++) {
            assertEquals(observed.next(k), hidden.next(k));
            assertEquals(observed.prob(k), hidden.prob(k));
        }
    }
}
