package org.alignlab.games.iterated;

import java.util.SplittableRandom;
import org.alignlab.core.Seeds;

/**
 * The match engine: two strategies play the stage game turn by turn, each seeing its own view of the history.
 * All randomness comes from named streams of the match seed ("A", "B", "noise", "length"), so a match's outcome
 * depends on its seed alone.
 */
public final class Match {
    private Match() {}

    /** Plays one match; both strategies are reset first. */
    public static MatchResult play(Strategy a, Strategy b, MatchSpec spec, long seed) {
        a.reset();
        b.reset();
        SplittableRandom rngA = Seeds.stream(seed, "A");
        SplittableRandom rngB = Seeds.stream(seed, "B");
        SplittableRandom noise = Seeds.stream(seed, "noise");
        int length = spec.turns();
        boolean known = spec.endProbability() == 0;
        if (!known) {
            SplittableRandom l = Seeds.stream(seed, "length");
            int t = 1;
            while (t < spec.turns() && !(l.nextDouble() < spec.endProbability())) t++;
            length = t;
        }
        History ha = new History(length, known ? length : -1, spec.game());
        History hb = new History(length, known ? length : -1, spec.game());
        for (int t = 0; t < length; t++) {
            Action x = a.play(ha, rngA);
            Action y = b.play(hb, rngB);
            if (spec.noise() > 0) {
                if (noise.nextDouble() < spec.noise()) x = x.flip();
                if (noise.nextDouble() < spec.noise()) y = y.flip();
            }
            ha.record(x, y);
            hb.record(y, x);
        }
        Action[] ma = new Action[length];
        Action[] mb = new Action[length];
        for (int t = 0; t < length; t++) {
            ma[t] = ha.mine(t);
            mb[t] = hb.mine(t);
        }
        return new MatchResult(ma, mb, ha.myScore(), hb.myScore(), ha.myCooperations(), hb.myCooperations());
    }
}
