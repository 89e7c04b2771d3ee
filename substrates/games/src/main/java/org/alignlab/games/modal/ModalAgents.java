package org.alignlab.games.modal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignlab.core.Suggestions;
import org.alignlab.core.UsageException;

/**
 * The modal agents of Barasz, Christiano, Fallenstein, Herreshoff, LaVictoire and Yudkowsky 2014 and LaVictoire et al.
 * 2014 ("Program Equilibrium in the Prisoner's Dilemma via Löb's Theorem"), written as formulas for "I cooperate".
 */
public final class ModalAgents {
    private ModalAgents() {}

    /** Never cooperates: ⊥. */
    public static final ModalAgent DEFECT_BOT = ModalAgent.of("DefectBot", "F", "always defects");

    /** Always cooperates: ⊤. */
    public static final ModalAgent COOPERATE_BOT = ModalAgent.of("CooperateBot", "T", "always cooperates");

    /** Cooperates iff it is provable that the opponent cooperates with it: □(them(me) = C). */
    public static final ModalAgent FAIR_BOT = ModalAgent.of("FairBot", "[] them(me)",
            "cooperates when it can prove its opponent cooperates with it");

    /**
     * Cooperates iff it is provable that the opponent cooperates with it, and provable in PA + 1 (PA plus "PA is
     * consistent", ¬□⊥) that the opponent defects against DefectBot: □(them(me) = C) ∧ □(¬□⊥ → them(DefectBot) = D).
     */
    public static final ModalAgent PRUDENT_BOT = ModalAgent.of("PrudentBot",
            "[] them(me) & [] (~[]F -> them(DefectBot) = D)",
            "cooperates when it can prove its opponent cooperates with it and (in PA+1) defects against DefectBot");

    /** Cooperates iff it is provable that the opponent cooperates with DefectBot: □(them(DefectBot) = C). */
    public static final ModalAgent TROLL_BOT = ModalAgent.of("TrollBot", "[] them(DefectBot)",
            "cooperates with those who provably cooperate with DefectBot, whatever they do to it");

    /** Cooperates iff it is provable that the opponent cooperates with FairBot: □(them(FairBot) = C). */
    public static final ModalAgent JUST_BOT = ModalAgent.of("JustBot", "[] them(FairBot)",
            "cooperates with those who provably cooperate with FairBot");

    /** The library, in a fixed order. */
    public static List<ModalAgent> all() {
        return List.of(DEFECT_BOT, COOPERATE_BOT, FAIR_BOT, PRUDENT_BOT, TROLL_BOT, JUST_BOT);
    }

    /** The agent called {@code name}; an unknown name is refused with the close ones suggested. */
    public static ModalAgent byName(String name) {
        Map<String, ModalAgent> m = new LinkedHashMap<>();
        for (ModalAgent a : all()) m.put(a.name(), a);
        ModalAgent a = m.get(name);
        if (a != null) return a;
        for (ModalAgent b : all()) if (b.name().equalsIgnoreCase(name)) return b;
        List<String> close = Suggestions.closest(name == null ? "" : name, m.keySet());
        throw new UsageException("no modal agent called '" + name + "'" + (close.isEmpty() ? "" : "; did you mean "
                + String.join(", ", close) + "?") + " (known: " + String.join(", ", m.keySet()) + ")");
    }
}
