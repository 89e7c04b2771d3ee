package org.alignlab.threats.powerseeking;

import java.util.List;
import org.alignlab.decision.env.EnvProvider;
import org.alignlab.decision.env.EnvRegistration;
import org.alignlab.decision.env.EnvSpec;
import org.alignlab.decision.grid.GridworldEnv;

/**
 * Registers the treacherous-turn gridworld as {@code power-seeking/TreacherousTurn-v0} (the cloak offered in half the
 * episodes), found through {@code META-INF/services/org.alignlab.decision.env.EnvProvider}.
 */
public final class TreacherousTurnEnvs implements EnvProvider {
    public static final String ID = "power-seeking/TreacherousTurn-v0";

    /** The registered spec: the game's step limit, no solved threshold. */
    public static EnvSpec spec() {
        return new EnvSpec(ID, TreacherousTurn.MAX_STEPS, Double.NaN);
    }

    /** A fresh registered-style environment of a variant (same id: the variants differ only in the start draw). */
    public static GridworldEnv env(TreacherousTurn.Offer offer) {
        return new GridworldEnv(new TreacherousTurn(offer), spec());
    }

    @Override
    public List<EnvRegistration> environments() {
        EnvSpec spec = spec();
        return List.of(new EnvRegistration(spec, () -> new GridworldEnv(new TreacherousTurn(), spec)));
    }
}
