package org.alignlab.games.iterated;

/**
 * One match, played once: see {@link MatchEngine} for how it is played and seeded, and to play many matches without
 * allocating per match.
 */
public final class Match {
    private Match() {}

    /** Plays one match; both strategies are reset first. */
    public static MatchResult play(Strategy a, Strategy b, MatchSpec spec, long seed) {
        return new MatchEngine(spec).play(a, b, seed).result();
    }
}
