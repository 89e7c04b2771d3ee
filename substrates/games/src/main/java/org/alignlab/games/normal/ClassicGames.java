package org.alignlab.games.normal;

import org.alignlab.core.UsageException;

/** The textbook games by name. Action 0 is "cooperate" (or the first named action) throughout. */
public final class ClassicGames {
    private ClassicGames() {}

    /** Prisoner's dilemma with Axelrod's payoffs T, R, P, S = 5, 3, 1, 0 (Axelrod 1980, "Effective Choice", Table 1 caption). */
    public static BimatrixGame prisonersDilemma() {
        return prisonersDilemma(5, 3, 1, 0);
    }

    /**
     * Prisoner's dilemma with temptation T, reward R, punishment P and sucker's payoff S; requires T > R > P > S and
     * 2R > T + S (so alternating exploitation does not beat mutual cooperation; Axelrod 1984, ch. 1).
     */
    public static BimatrixGame prisonersDilemma(double t, double r, double p, double s) {
        if (!(t > r && r > p && p > s)) {
            throw new UsageException("a prisoner's dilemma needs T > R > P > S, got T=" + t + " R=" + r + " P=" + p + " S=" + s);
        }
        if (!(2 * r > t + s)) throw new UsageException("a prisoner's dilemma needs 2R > T + S, got 2R=" + 2 * r + " T+S=" + (t + s));
        return BimatrixGame.symmetric("prisoner's dilemma", new double[][] {{r, s}, {t, p}});
    }

    /** Stag hunt (Skyrms 2004): stag/stag 4, stag/hare 1, hare/stag 3, hare/hare 2 — two pure equilibria, R > T > P > S. */
    public static BimatrixGame stagHunt() {
        return BimatrixGame.symmetric("stag hunt", new double[][] {{4, 1}, {3, 2}});
    }

    /** Chicken (hawk–dove): swerve/swerve 2, swerve/straight 1, straight/swerve 3, straight/straight 0 — T > R > S > P. */
    public static BimatrixGame chicken() {
        return BimatrixGame.symmetric("chicken", new double[][] {{2, 1}, {3, 0}});
    }

    /** Matching pennies: zero-sum, unique equilibrium (1/2, 1/2). */
    public static BimatrixGame matchingPennies() {
        return BimatrixGame.zeroSum("matching pennies", new double[][] {{1, -1}, {-1, 1}});
    }

    /** Battle of the sexes: two pure equilibria and one mixed, (2/3, 1/3) against (1/3, 2/3). */
    public static BimatrixGame battleOfTheSexes() {
        return BimatrixGame.of("battle of the sexes", new double[][] {{2, 0}, {0, 1}}, new double[][] {{1, 0}, {0, 2}});
    }

    /** Rock–paper–scissors: zero-sum, unique equilibrium uniform over the three actions. */
    public static BimatrixGame rockPaperScissors() {
        return BimatrixGame.zeroSum("rock–paper–scissors", new double[][] {{0, -1, 1}, {1, 0, -1}, {-1, 1, 0}});
    }

    /**
     * Linear public goods game: each of {@code n} players holds an endowment e and either contributes it (action 0)
     * or keeps it (action 1); contributions are multiplied by {@code r} and shared equally, so a player's payoff is
     * e·(1 − c_i) + r·e·Σc/n. For 1 < r < n it is a social dilemma: keeping is dominant, all contributing is optimal.
     */
    public static NormalFormGame publicGoods(int n, double r, double endowment) {
        if (n < 2) throw new UsageException("a public goods game needs at least 2 players, got " + n);
        if (!(r > 0) || !Double.isFinite(r)) throw new UsageException("public goods multiplier must be positive, got " + r);
        if (!(endowment > 0) || !Double.isFinite(endowment)) throw new UsageException("public goods endowment must be positive, got " + endowment);
        if (n > 20) throw new UsageException("a public goods table with " + n + " players has 2^" + n + " profiles; at most 20 players");
        int[] actions = new int[n];
        java.util.Arrays.fill(actions, 2);
        return NormalFormGame.of("public goods (n=" + n + ", r=" + r + ")", actions, profile -> {
            int contributors = 0;
            for (int a : profile) if (a == 0) contributors++;
            double share = r * endowment * contributors / n;
            double[] u = new double[n];
            for (int i = 0; i < n; i++) u[i] = (profile[i] == 0 ? 0 : endowment) + share;
            return u;
        });
    }
}
