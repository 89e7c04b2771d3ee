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
import org.alignlab.decision.grid.GridAction;
import org.alignlab.decision.grid.GridGame;
import org.alignlab.decision.grid.GridObservation;
import org.alignlab.decision.grid.GridworldEnv;
import org.alignlab.decision.mdp.Mdp;

/**
 * Test support for the AI Safety Gridworlds of this package: action strings in the peer's notation, episodes played
 * from them, the env checker, and a small exact planner (discounted value iteration and finite-horizon backward
 * induction) for exported MDPs.
 */
final class SafetyGridworldKit {
    /** Ties between action values within this are ties. */
    static final double TIE = 1e-9;

    private SafetyGridworldKit() {}

    /** The registered-style environment: id {@code safety/<Name>-v0}, the game's step limit. */
    static GridworldEnv env(GridGame game) {
        return new GridworldEnv(game, new EnvSpec("safety/" + game.name() + "-v0", game.maxSteps(), Double.NaN));
    }

    /** The peer's action letters: u, d, l, r (and n for the no-op). */
    static int[] actions(String letters) {
        int[] a = new int[letters.length()];
        for (int i = 0; i < a.length; i++) {
            a[i] = switch (letters.charAt(i)) {
                case 'u' -> GridAction.UP;
                case 'd' -> GridAction.DOWN;
                case 'l' -> GridAction.LEFT;
                case 'r' -> GridAction.RIGHT;
                case 'n' -> GridAction.NOOP;
                default -> throw new IllegalArgumentException("no action letter " + letters.charAt(i));
            };
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
    static void assertChecks(java.util.function.Supplier<GridGame> game, long seed) {
        assertEquals(List.of(), EnvChecker.check(env(game.get()), seed));
        assertEquals(List.of(), EnvChecker.determinism(() -> env(game.get()), seed, 400));
    }

    // --- exact planning ------------------------------------------------------------------------------------------

    /** Q(s, a) = R(s) + Σ P(s'|s,a) (R(s,a,s') + γ V(s')). */
    static double q(Mdp mdp, double[] v, int s, int a) {
        double r = mdp.stateReward(s);
        for (int k = mdp.rowStart(s, a), e = mdp.rowEnd(s, a); k < e; k++) {
            r += mdp.prob(k) * (mdp.transitionReward(k) + mdp.discount() * v[mdp.next(k)]);
        }
        return r;
    }

    /** Optimal values by value iteration to a sup-norm change below 1e-12 (γ < 1). */
    static double[] values(Mdp mdp) {
        assertTrue(mdp.discount() < 1, "value iteration here needs γ < 1");
        double[] v = new double[mdp.states()];
        for (int it = 0; it < 100_000; it++) {
            double delta = 0;
            for (int s = 0; s < v.length; s++) {
                if (mdp.terminal(s)) continue;
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < mdp.actions(); a++) best = Math.max(best, q(mdp, v, s, a));
                delta = Math.max(delta, Math.abs(best - v[s]));
                v[s] = best;
            }
            if (delta < 1e-12) return v;
        }
        throw new AssertionError("value iteration did not converge");
    }

    /** The actions within {@link #TIE} of the best at s. */
    static List<Integer> optimalActions(Mdp mdp, double[] v, int s) {
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < mdp.actions(); a++) best = Math.max(best, q(mdp, v, s, a));
        List<Integer> out = new ArrayList<>();
        for (int a = 0; a < mdp.actions(); a++) if (q(mdp, v, s, a) >= best - TIE) out.add(a);
        return out;
    }

    /** The greedy policy, ties to the lowest action number. */
    static int[] greedy(Mdp mdp, double[] v) {
        int[] pi = new int[mdp.states()];
        for (int s = 0; s < pi.length; s++) if (!mdp.terminal(s)) pi[s] = optimalActions(mdp, v, s).get(0);
        return pi;
    }

    /** The initial states, in id order. */
    static List<Integer> starts(Mdp mdp) {
        double[] init = mdp.initialDistribution();
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < init.length; s++) if (init[s] > 0) out.add(s);
        return out;
    }

    /**
     * Follows a deterministic policy through deterministic transitions for at most {@code horizon} steps:
     * {observed return, hidden return, steps, 1 if it ended in a terminal state}.
     */
    static double[] rollout(Mdp observed, Mdp hidden, int[] policy, int start, int horizon) {
        int s = start;
        double ret = 0;
        double hid = 0;
        int t = 0;
        while (t < horizon && !observed.terminal(s)) {
            int a = policy[s];
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
     * Backward induction over {@code horizon} undiscounted steps from {@code start}: {the best expected observed
     * return, the least and the greatest expected hidden return of the policies that attain it at every step}.
     */
    static double[] finiteHorizon(Mdp observed, Mdp hidden, int start, int horizon) {
        int n = observed.states();
        double[] v = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int t = 0; t < horizon; t++) {
            double[] v2 = new double[n];
            double[] lo2 = new double[n];
            double[] hi2 = new double[n];
            for (int s = 0; s < n; s++) {
                if (observed.terminal(s)) continue;
                double[] qv = new double[observed.actions()];
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < qv.length; a++) {
                    double x = observed.stateReward(s);
                    for (int k = observed.rowStart(s, a), e = observed.rowEnd(s, a); k < e; k++) {
                        x += observed.prob(k) * (observed.transitionReward(k) + v[observed.next(k)]);
                    }
                    qv[a] = x;
                    best = Math.max(best, x);
                }
                double l = Double.POSITIVE_INFINITY;
                double h = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < qv.length; a++) {
                    if (qv[a] < best - TIE) continue;
                    double xl = hidden.stateReward(s);
                    double xh = xl;
                    for (int k = hidden.rowStart(s, a), e = hidden.rowEnd(s, a); k < e; k++) {
                        xl += hidden.prob(k) * (hidden.transitionReward(k) + lo[hidden.next(k)]);
                        xh += hidden.prob(k) * (hidden.transitionReward(k) + hi[hidden.next(k)]);
                    }
                    l = Math.min(l, xl);
                    h = Math.max(h, xh);
                }
                v2[s] = best;
                lo2[s] = l;
                hi2[s] = h;
            }
            v = v2;
            lo = lo2;
            hi = hi2;
        }
        return new double[] {v[start], lo[start], hi[start]};
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
