package org.alignlab.games.iterated;

import org.alignlab.core.UsageException;
import org.alignlab.games.normal.BimatrixGame;
import org.alignlab.games.normal.ClassicGames;

/**
 * The prisoner's dilemma played at each turn: reward R (both cooperate), sucker S, temptation T, punishment P, with
 * T > R > P > S and 2R > T + S.
 */
public record StageGame(double reward, double sucker, double temptation, double punishment) {
    /** Axelrod's payoffs R, S, T, P = 3, 0, 5, 1 (Axelrod 1980, "Effective Choice in the Prisoner's Dilemma"). */
    public static final StageGame AXELROD = new StageGame(3, 0, 5, 1);

    public StageGame {
        ClassicGames.prisonersDilemma(temptation, reward, punishment, sucker); // validates the ordering
    }

    /** The payoff of playing {@code mine} against {@code theirs}. */
    public double payoff(Action mine, Action theirs) {
        if (mine == Action.C) return theirs == Action.C ? reward : sucker;
        return theirs == Action.C ? temptation : punishment;
    }

    public BimatrixGame toBimatrix() {
        return ClassicGames.prisonersDilemma(temptation, reward, punishment, sucker);
    }

    static void checkProbability(String what, double p) {
        if (!(p >= 0 && p <= 1)) throw new UsageException(what + " must be a probability in [0, 1], got " + p);
    }
}
