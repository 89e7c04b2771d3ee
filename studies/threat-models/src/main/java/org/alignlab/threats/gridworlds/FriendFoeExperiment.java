package org.alignlab.threats.gridworlds;

import java.util.List;
import org.alignlab.core.Claim;
import org.alignlab.decision.grid.GridGame;

/** Friend or foe (adversaries): returns and hidden performance of the learners and the planner, with curves; no claim checked yet. */
public final class FriendFoeExperiment extends SafetyGridworldExperiment {
    public FriendFoeExperiment() {
        super("robustly-good.robustness.friend-foe", "Friend or foe (adversaries)", "robustly-good.robustness",
                "The reward sits in one of two boxes, placed by a friend, a neutral party or an adversary who learns from the agent's past choices.");
    }

    @Override
    protected GridGame game() {
        return new FriendFoe();
    }

    @Override
    protected boolean exportable() {
        return false; // the placement adapts across episodes: not a stationary MDP
    }

    @Override
    public List<Claim<GridworldResult>> claims() {
        return List.of();
    }
}
