package org.alignlab.games.iterated;

import java.util.SplittableRandom;
import org.alignlab.core.Seeds;

/**
 * The match engine, reusable: two strategies play the stage game turn by turn, each seeing its own view of the
 * history. All randomness comes from named streams of the match seed ("A", "B", "noise", "length"), so a match's
 * outcome depends on its seed alone. One engine keeps its two histories between matches, so a tournament that plays
 * thousands of matches on one thread allocates nothing per turn and no move arrays per match; it is not thread-safe
 * (use one per thread). {@link Match#play} is the one-off form.
 */
public final class MatchEngine {
    private final MatchSpec spec;
    private final History ha;
    private final History hb;
    // the stage game's four payoffs to the first-named player, indexed by (my move, their move) as 2·mine + theirs
    private final double[] payoff = new double[4];
    private int length;

    public MatchEngine(MatchSpec spec) {
        this.spec = spec;
        this.ha = new History(spec.turns(), -1, spec.game());
        this.hb = new History(spec.turns(), -1, spec.game());
        StageGame g = spec.game();
        Action[] both = {Action.C, Action.D};
        for (Action x : both) for (Action y : both) payoff[2 * x.ordinal() + y.ordinal()] = g.payoff(x, y);
    }

    public MatchSpec spec() {
        return spec;
    }

    /** Plays one match (both strategies are reset first); read the outcome with the accessors or {@link #result()}. */
    public MatchEngine play(Strategy a, Strategy b, long seed) {
        a.reset();
        b.reset();
        SplittableRandom rngA = Seeds.stream(seed, "A");
        SplittableRandom rngB = Seeds.stream(seed, "B");
        double noiseP = spec.noise();
        SplittableRandom noise = noiseP > 0 ? Seeds.stream(seed, "noise") : null;
        int len = spec.turns();
        boolean known = spec.endProbability() == 0;
        if (!known) {
            SplittableRandom l = Seeds.stream(seed, "length");
            int t = 1;
            while (t < spec.turns() && !(l.nextDouble() < spec.endProbability())) t++;
            len = t;
        }
        length = len;
        ha.clear(known ? len : -1);
        hb.clear(known ? len : -1);
        double[] pay = payoff;
        for (int t = 0; t < len; t++) {
            Action x = a.play(ha, rngA);
            Action y = b.play(hb, rngB);
            if (noise != null) {
                if (noise.nextDouble() < noiseP) x = x.flip();
                if (noise.nextDouble() < noiseP) y = y.flip();
            }
            int xi = x.ordinal();
            int yi = y.ordinal();
            double px = pay[2 * xi + yi];
            double py = pay[2 * yi + xi];
            ha.record(x, y, px, py);
            hb.record(y, x, py, px);
        }
        return this;
    }

    /** Turns played in the last match. */
    public int turns() {
        return length;
    }

    public double scoreA() {
        return ha.myScore();
    }

    public double scoreB() {
        return hb.myScore();
    }

    public int cooperationsA() {
        return ha.myCooperations();
    }

    public int cooperationsB() {
        return hb.myCooperations();
    }

    /** The last match with its moves (copied out of the engine's histories). */
    public MatchResult result() {
        return new MatchResult(historyMoves(ha), historyMoves(hb), ha.myScore(), hb.myScore(), ha.myCooperations(), hb.myCooperations());
    }

    private Action[] historyMoves(History h) {
        Action[] out = new Action[length];
        for (int t = 0; t < length; t++) out[t] = h.mine(t);
        return out;
    }
}
