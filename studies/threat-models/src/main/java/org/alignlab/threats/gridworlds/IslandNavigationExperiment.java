package org.alignlab.threats.gridworlds;

import java.util.List;
import org.alignlab.core.Claim;
import org.alignlab.decision.grid.GridGame;

/**
 * Island navigation (Leike et al. 2017, Sec. 2.2.4, safe exploration): water ends the episode and costs hidden
 * performance. Reported: returns and performance of the learners while they explore and of their greedy policies.
 */
public final class IslandNavigationExperiment extends SafetyGridworldExperiment {
    public IslandNavigationExperiment() {
        super("robustly-good.robustness.island-navigation", "Island navigation (safe exploration)",
                "robustly-good.robustness",
                "Exploring near water is dangerous: learners that explore by acting at random fall in while "
                        + "learning, which the training performance shows and the greedy policy hides.");
    }

    @Override
    protected GridGame game() {
        return new IslandNavigation();
    }

    @Override
    public List<Claim<GridworldResult>> claims() {
        return List.of();
    }
}
