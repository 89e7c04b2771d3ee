package org.alignlab.games.normal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alignlab.core.UsageException;

/**
 * A finite n-player game in normal form: player {@code p} has {@code actions(p)} pure actions, and every pure
 * profile gives each player a payoff. Profiles are indexed in mixed radix with player 0 most significant, so the
 * payoff table has {@code actions(0) × … × actions(n-1)} rows of {@code n} payoffs each.
 */
public final class NormalFormGame {
    private final String name;
    private final int[] actions;
    private final double[][] payoffs; // [profile][player]

    private NormalFormGame(String name, int[] actions, double[][] payoffs) {
        this.name = name;
        this.actions = actions;
        this.payoffs = payoffs;
    }

    /** A game from its payoff table, one row per profile (mixed radix, player 0 most significant). */
    public static NormalFormGame of(String name, int[] actions, double[][] payoffs) {
        if (actions == null || actions.length < 1) throw new UsageException("game " + name + ": needs at least one player");
        long profiles = 1;
        for (int p = 0; p < actions.length; p++) {
            if (actions[p] < 1) {
                throw new UsageException("game " + name + ": player " + p + " has " + actions[p] + " actions; each player needs at least 1");
            }
            profiles *= actions[p];
            if (profiles > 50_000_000L) throw new UsageException("game " + name + ": more than 50,000,000 pure profiles; too large for a payoff table");
        }
        if (payoffs == null || payoffs.length != profiles) {
            throw new UsageException("game " + name + ": payoff table has " + (payoffs == null ? 0 : payoffs.length)
                    + " rows, expected " + profiles + " (one per pure profile of " + shape(actions) + ")");
        }
        double[][] copy = new double[payoffs.length][];
        for (int k = 0; k < payoffs.length; k++) {
            if (payoffs[k] == null || payoffs[k].length != actions.length) {
                throw new UsageException("game " + name + ": payoff row " + k + " has " + (payoffs[k] == null ? 0 : payoffs[k].length)
                        + " entries, expected " + actions.length + " (one per player)");
            }
            for (double v : payoffs[k]) {
                if (!Double.isFinite(v)) throw new UsageException("game " + name + ": payoff row " + k + " has a non-finite entry " + v);
            }
            copy[k] = payoffs[k].clone();
        }
        return new NormalFormGame(name, actions.clone(), copy);
    }

    /** A game whose payoffs are given by a function of the pure profile. */
    public static NormalFormGame of(String name, int[] actions, PayoffFunction f) {
        long profiles = 1;
        for (int a : actions) profiles *= Math.max(a, 1);
        double[][] table = new double[(int) Math.min(profiles, 50_000_001L)][];
        int[] profile = new int[actions.length];
        for (int k = 0; k < table.length; k++) {
            decode(actions, k, profile);
            table[k] = f.payoffs(profile.clone());
        }
        return of(name, actions, table);
    }

    /** Payoffs of all players for one pure profile. */
    @FunctionalInterface
    public interface PayoffFunction {
        double[] payoffs(int[] profile);
    }

    private static String shape(int[] actions) {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < actions.length; p++) sb.append(p == 0 ? "" : "×").append(actions[p]);
        return sb.toString();
    }

    public String name() {
        return name;
    }

    public int players() {
        return actions.length;
    }

    public int actions(int player) {
        return actions[player];
    }

    public int profileCount() {
        return payoffs.length;
    }

    public int index(int[] profile) {
        if (profile.length != actions.length) {
            throw new UsageException("game " + name + ": a profile needs " + actions.length + " actions, got " + profile.length);
        }
        int k = 0;
        for (int p = 0; p < actions.length; p++) {
            if (profile[p] < 0 || profile[p] >= actions[p]) {
                throw new UsageException("game " + name + ": player " + p + " has actions 0.." + (actions[p] - 1) + ", got " + profile[p]);
            }
            k = k * actions[p] + profile[p];
        }
        return k;
    }

    public int[] profile(int index) {
        int[] out = new int[actions.length];
        decode(actions, index, out);
        return out;
    }

    private static void decode(int[] actions, int index, int[] out) {
        for (int p = actions.length - 1; p >= 0; p--) {
            out[p] = index % actions[p];
            index /= actions[p];
        }
    }

    public double payoff(int[] profile, int player) {
        return payoffs[index(profile)][player];
    }

    /** The pure best responses of {@code player} to the others' actions in {@code profile}, ascending. */
    public int[] bestResponses(int player, int[] profile) {
        int[] q = profile.clone();
        double best = Double.NEGATIVE_INFINITY;
        List<Integer> arg = new ArrayList<>();
        for (int a = 0; a < actions[player]; a++) {
            q[player] = a;
            double v = payoffs[index(q)][player];
            if (v > best) {
                best = v;
                arg.clear();
                arg.add(a);
            } else if (v == best) {
                arg.add(a);
            }
        }
        return arg.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Nash's condition for a pure profile: no player gains by a unilateral deviation. */
    public boolean isPureNash(int[] profile) {
        int k = index(profile);
        int[] q = profile.clone();
        for (int p = 0; p < actions.length; p++) {
            double mine = payoffs[k][p];
            for (int a = 0; a < actions[p]; a++) {
                q[p] = a;
                if (payoffs[index(q)][p] > mine) return false;
            }
            q[p] = profile[p];
        }
        return true;
    }

    /** All pure Nash equilibria, in profile order. */
    public List<int[]> pureNash() {
        List<int[]> out = new ArrayList<>();
        for (int k = 0; k < payoffs.length; k++) {
            int[] prof = profile(k);
            if (isPureNash(prof)) out.add(prof);
        }
        return out;
    }

    /** Utilitarian social welfare: the sum of all players' payoffs. */
    public double welfare(int[] profile) {
        double s = 0;
        for (double v : payoffs[index(profile)]) s += v;
        return s;
    }

    /** The largest welfare over all pure profiles. */
    public double optimalWelfare() {
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < payoffs.length; k++) best = Math.max(best, welfare(profile(k)));
        return best;
    }

    /**
     * Price of anarchy over pure equilibria (Koutsoupias and Papadimitriou 1999): optimal welfare divided by the
     * worst equilibrium's welfare. Defined only when a pure equilibrium exists and equilibrium welfare is positive.
     */
    public double priceOfAnarchy() {
        return ratio(true);
    }

    /** Price of stability (Anshelevich et al. 2004): optimal welfare divided by the best pure equilibrium's welfare. */
    public double priceOfStability() {
        return ratio(false);
    }

    private double ratio(boolean worst) {
        List<int[]> eq = pureNash();
        if (eq.isEmpty()) throw new UsageException("game " + name + " has no pure Nash equilibrium; price of anarchy over pure equilibria is undefined");
        double pick = worst ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        for (int[] e : eq) pick = worst ? Math.min(pick, welfare(e)) : Math.max(pick, welfare(e));
        if (!(pick > 0)) throw new UsageException("game " + name + ": price of anarchy needs positive equilibrium welfare, got " + pick + "; shift the payoffs");
        return optimalWelfare() / pick;
    }

    @Override
    public String toString() {
        return name + " (" + shape(actions) + ", payoffs " + Arrays.deepToString(payoffs) + ")";
    }
}
