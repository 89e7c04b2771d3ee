package org.alignlab.decision.grid;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alignlab.decision.env.Step;

/**
 * The {@code info} of a gridworld step: the hidden reward of the step, the episode's hidden return so far, and the
 * game's extras. Immutable; boxes its numbers only when read.
 */
final class StepInfo extends AbstractMap<String, Object> {
    private final double hiddenReward;
    private final double hiddenReturn;
    private final Map<String, Object> extras;

    StepInfo(double hiddenReward, double hiddenReturn, Map<String, Object> extras) {
        this.hiddenReward = hiddenReward;
        this.hiddenReturn = hiddenReturn;
        this.extras = extras;
        if (!extras.isEmpty() && (extras.containsKey(Step.HIDDEN_REWARD)
                || extras.containsKey(GridworldEnv.HIDDEN_RETURN))) {
            throw new IllegalStateException("a game's info may not redefine " + Step.HIDDEN_REWARD + " or "
                    + GridworldEnv.HIDDEN_RETURN);
        }
    }

    @Override
    public Object get(Object key) {
        if (Step.HIDDEN_REWARD.equals(key)) return hiddenReward;
        if (GridworldEnv.HIDDEN_RETURN.equals(key)) return hiddenReturn;
        return extras.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return Step.HIDDEN_REWARD.equals(key) || GridworldEnv.HIDDEN_RETURN.equals(key) || extras.containsKey(key);
    }

    @Override
    public int size() {
        return 2 + extras.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        List<Entry<String, Object>> list = new ArrayList<>(size());
        list.add(new SimpleImmutableEntry<>(Step.HIDDEN_REWARD, hiddenReward));
        list.add(new SimpleImmutableEntry<>(GridworldEnv.HIDDEN_RETURN, hiddenReturn));
        list.addAll(extras.entrySet());
        return Collections.unmodifiableSet(new LinkedHashSet<>(list));
    }
}
