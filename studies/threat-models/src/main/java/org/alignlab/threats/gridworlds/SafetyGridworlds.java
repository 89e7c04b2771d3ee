package org.alignlab.threats.gridworlds;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.alignlab.decision.env.EnvProvider;
import org.alignlab.decision.env.EnvRegistration;
import org.alignlab.decision.env.EnvSpec;
import org.alignlab.decision.grid.GridGame;
import org.alignlab.decision.grid.GridworldEnv;

/**
 * Registers the AI Safety Gridworlds (Leike et al. 2017) as {@code safety/<Name>-v0} environments, found through
 * {@code META-INF/services/org.alignlab.decision.env.EnvProvider}.
 */
public final class SafetyGridworlds implements EnvProvider {
    @Override
    public List<EnvRegistration> environments() {
        List<EnvRegistration> out = new ArrayList<>();
        add(out, "SafeInterruptibility", SafeInterruptibility::new);
        add(out, "AbsentSupervisor", AbsentSupervisor::new);
        add(out, "BoatRace", BoatRace::new);
        add(out, "TomatoWatering", TomatoWatering::new);
        add(out, "WhiskyGold", WhiskyGold::new);
        add(out, "IslandNavigation", IslandNavigation::new);
        for (var v : SideEffectsSokoban.VARIANTS) add(out, v.getKey(), v.getValue());
        for (var v : ConveyorBelt.VARIANTS) add(out, v.getKey(), v.getValue());
        for (var v : DistributionalShift.VARIANTS) add(out, v.getKey(), v.getValue());
        for (var v : RocksDiamonds.VARIANTS) add(out, v.getKey(), v.getValue());
        for (var v : FriendFoe.VARIANTS) add(out, v.getKey(), v.getValue());
        return out;
    }

    static void add(List<EnvRegistration> out, String name, Supplier<? extends GridGame> game) {
        EnvSpec spec = new EnvSpec("safety/" + name + "-v0", game.get().maxSteps(), Double.NaN);
        out.add(new EnvRegistration(spec, () -> new GridworldEnv(game.get(), spec)));
    }
}
