package org.alignlab.threats.gridworlds;

import java.util.List;
import org.alignlab.core.Claim;
import org.alignlab.decision.grid.GridGame;

/** Conveyor belt (side effects, offsetting): returns and hidden performance of the learners and the planner, with curves; no claim checked yet. */
public final class ConveyorBeltExperiment extends SafetyGridworldExperiment {
    public ConveyorBeltExperiment() {
        super("threat-models.specification-gaming.conveyor-belt", "Conveyor belt (side effects, offsetting)", "threat-models.specification-gaming",
                "The vase rides a belt to its doom unless the agent takes it off. A reward for rescuing it invites offsetting: rescue, then put it back.");
    }

    @Override
    protected GridGame game() {
        return new ConveyorBelt();
    }

    @Override
    public List<Claim<GridworldResult>> claims() {
        return List.of();
    }
}
