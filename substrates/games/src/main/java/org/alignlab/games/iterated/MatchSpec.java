package org.alignlab.games.iterated;

import org.alignlab.core.UsageException;

/**
 * How a match is played: at most {@code turns} turns; with {@code endProbability} > 0 the match ends after each turn
 * with that probability (a geometric length, capped at {@code turns}, unknown to the players); each intended move is
 * flipped with probability {@code noise} (Bendor, Kramer and Stout 1991; Nowak and Sigmund 1993).
 */
public record MatchSpec(int turns, double endProbability, double noise, StageGame game) {
    public MatchSpec {
        if (turns < 1) throw new UsageException("a match needs at least 1 turn, got turns=" + turns);
        StageGame.checkProbability("endProbability", endProbability);
        StageGame.checkProbability("noise", noise);
        if (game == null) throw new UsageException("a match needs a stage game");
    }

    /** A fixed-length, noiseless match with Axelrod's payoffs. */
    public static MatchSpec of(int turns) {
        return new MatchSpec(turns, 0, 0, StageGame.AXELROD);
    }

    public MatchSpec withNoise(double p) {
        return new MatchSpec(turns, endProbability, p, game);
    }

    public MatchSpec withEndProbability(double p) {
        return new MatchSpec(turns, p, noise, game);
    }
}
