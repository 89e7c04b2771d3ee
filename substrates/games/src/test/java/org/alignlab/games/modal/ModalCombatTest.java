package org.alignlab.games.modal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.junit.jupiter.api.Test;

class ModalCombatTest {
    private final ModalCombat combat = new ModalCombat(ModalAgents.all());

    private String play(ModalAgent a, ModalAgent b) {
        return combat.play(a, b).show();
    }

    @Test
    void outcomesStatedByBaraszEtAl() {
        // Barasz et al. 2014 / LaVictoire et al. 2014: FairBot cooperates with itself (Löb's theorem) and with
        // CooperateBot, defects against DefectBot; PrudentBot cooperates with itself and with FairBot, defects against
        // CooperateBot and DefectBot.
        assertEquals("CC", play(ModalAgents.FAIR_BOT, ModalAgents.FAIR_BOT));
        assertEquals("CC", play(ModalAgents.FAIR_BOT, ModalAgents.COOPERATE_BOT));
        assertEquals("DD", play(ModalAgents.FAIR_BOT, ModalAgents.DEFECT_BOT));
        assertEquals("CC", play(ModalAgents.PRUDENT_BOT, ModalAgents.PRUDENT_BOT));
        assertEquals("CC", play(ModalAgents.PRUDENT_BOT, ModalAgents.FAIR_BOT));
        assertEquals("DC", play(ModalAgents.PRUDENT_BOT, ModalAgents.COOPERATE_BOT));
        assertEquals("DD", play(ModalAgents.PRUDENT_BOT, ModalAgents.DEFECT_BOT));
        assertEquals("CD", play(ModalAgents.COOPERATE_BOT, ModalAgents.DEFECT_BOT));
    }

    @Test
    void fairBotTraceShowsLobInAction() {
        // FairBot vs DefectBot: at level 0 every box holds, so FairBot "cooperates" there; from level 1 on it defects.
        ModalCombat.Outcome o = combat.play(ModalAgents.FAIR_BOT, ModalAgents.DEFECT_BOT);
        assertTrue(o.trace().get(0)[0]);
        assertFalse(o.trace().get(o.trace().size() - 1)[0]);
    }

    @Test
    void outcomeIsSymmetricUnderSwap() {
        for (ModalAgent a : ModalAgents.all()) {
            for (ModalAgent b : ModalAgents.all()) {
                ModalCombat.Outcome ab = combat.play(a, b);
                ModalCombat.Outcome ba = combat.play(b, a);
                assertEquals(ab.firstCooperates(), ba.secondCooperates(), a.name() + " vs " + b.name());
                assertEquals(ab.secondCooperates(), ba.firstCooperates(), a.name() + " vs " + b.name());
            }
        }
    }

    @Test
    void fairAndPrudentBotsAreUnexploitable() {
        // Barasz et al. 2014: an agent that only cooperates on a proof of the opponent's cooperation is never the sucker.
        for (ModalAgent x : List.of(ModalAgents.FAIR_BOT, ModalAgents.PRUDENT_BOT)) {
            for (ModalAgent y : ModalAgents.all()) {
                ModalCombat.Outcome o = combat.play(x, y);
                assertFalse(o.firstCooperates() && !o.secondCooperates(), x.name() + " exploited by " + y.name());
            }
        }
    }

    @Test
    void stableValueReachedByTheLevelBound() {
        // Property: for random fully modalized agents, nothing changes past the bound (B = number of distinct boxes):
        // evaluating 2B + 3 more levels leaves every action as it was at level B.
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            ModalAgent a = new ModalAgent("A", randomModalized(rnd, 3), "random");
            ModalAgent b = new ModalAgent("B", randomModalized(rnd, 3), "random");
            ModalCombat.Outcome o = combat.play(a, b);
            List<boolean[]> t = combat.play(a, b, 2 * o.levels() + 3).trace();
            boolean[] atBound = t.get(o.levels() - 1);
            for (int n = o.levels(); n < t.size(); n++) {
                assertTrue(java.util.Arrays.equals(atBound, t.get(n)), () -> a + " vs " + b);
            }
        }
    }

    private static Formula randomModalized(SplittableRandom rnd, int depth) {
        return rnd.nextInt(4) == 0 || depth == 0 ? Formula.box(randomAny(rnd, depth)) : switch (rnd.nextInt(4)) {
            case 0 -> Formula.not(randomModalized(rnd, depth - 1));
            case 1 -> Formula.and(randomModalized(rnd, depth - 1), randomModalized(rnd, depth - 1));
            case 2 -> Formula.implies(randomModalized(rnd, depth - 1), randomModalized(rnd, depth - 1));
            default -> Formula.box(randomAny(rnd, depth - 1));
        };
    }

    private static Formula randomAny(SplittableRandom rnd, int depth) {
        List<Formula.Who> who = new ArrayList<>(List.of(Formula.Who.ME, Formula.Who.THEM,
                new Formula.Who.Named("FairBot"), new Formula.Who.Named("DefectBot")));
        if (depth <= 0 || rnd.nextInt(3) == 0) {
            return switch (rnd.nextInt(5)) {
                case 0 -> Formula.FALSE;
                case 1 -> Formula.TRUE;
                default -> Formula.cooperates(who.get(rnd.nextInt(who.size())), who.get(rnd.nextInt(who.size())));
            };
        }
        return switch (rnd.nextInt(4)) {
            case 0 -> Formula.not(randomAny(rnd, depth - 1));
            case 1 -> Formula.and(randomAny(rnd, depth - 1), randomAny(rnd, depth - 1));
            case 2 -> Formula.implies(randomAny(rnd, depth - 1), randomAny(rnd, depth - 1));
            default -> Formula.box(randomAny(rnd, depth - 1));
        };
    }

    @Test
    void parserReadsAndShowsFormulas() {
        Formula f = FormulaParser.parse("[] them(me) & [] (~[]F -> them(DefectBot) = D)");
        assertEquals(ModalAgents.PRUDENT_BOT.cooperates(), f);
        assertEquals(f, FormulaParser.parse(f.show()));
        assertEquals(FormulaParser.parse("□them(me) ∧ □(¬□⊥ → ¬them(DefectBot))"), f);
    }

    @Test
    void badInputIsOneLine() {
        UsageException e = assertThrows(UsageException.class, () -> ModalAgent.of("Loop", "them(me) & [] me(them)",
                "refers to an action without a box"));
        assertTrue(e.getMessage().contains("not well-founded"), e.getMessage());
        assertTrue(e.getMessage().contains("them(me)"), e.getMessage());
        e = assertThrows(UsageException.class, () -> FormulaParser.parse("[] them(me"));
        assertTrue(e.getMessage().contains("column"), e.getMessage());
        e = assertThrows(UsageException.class, () -> ModalAgents.byName("FairBoot"));
        assertTrue(e.getMessage().contains("FairBot"), e.getMessage());
        ModalAgent stranger = ModalAgent.of("Stranger", "[] them(NoSuchBot)", "names an unknown agent");
        e = assertThrows(UsageException.class, () -> combat.play(stranger, ModalAgents.FAIR_BOT));
        assertTrue(e.getMessage().contains("NoSuchBot"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
