package org.alignlab.threats.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alignlab.core.ClaimChecker;
import org.alignlab.core.ClaimResult;
import org.alignlab.core.RunContext;
import org.alignlab.core.UsageException;
import org.alignlab.core.Verdict;
import org.junit.jupiter.api.Test;

class ProgramEquilibriumExperimentTest {
    private final ProgramEquilibriumExperiment exp = new ProgramEquilibriumExperiment();

    @Test
    void claimsReproduceAtQuickScale() {
        List<ClaimResult> results = ClaimChecker.check(exp, exp.config(org.alignlab.core.Scale.QUICK),
                ClaimChecker.Options.quick()).claims();
        assertEquals(3, results.size());
        assertEquals(Verdict.REPRODUCED, results.get(0).verdict(), results.get(0).toString());
        assertEquals(Verdict.REPRODUCED, results.get(1).verdict(), results.get(1).toString());
        assertEquals(Verdict.DEMONSTRATED, results.get(2).verdict(), results.get(2).toString());
    }

    @Test
    void tableHasThePublishedRows() {
        ProgramEquilibriumResult r = exp.run(ProgramEquilibriumConfig.quick(), RunContext.detached(1));
        assertEquals(ProgramEquilibriumExperiment.PUBLISHED.size(), r.publishedChecked());
        assertEquals(0, r.publishedMismatches());
        int fb = r.agents().indexOf("FairBot");
        int pb = r.agents().indexOf("PrudentBot");
        int cb = r.agents().indexOf("CooperateBot");
        assertTrue(r.cooperates()[fb][cb]);
        assertTrue(!r.cooperates()[pb][cb]);
        assertTrue(r.table().contains("PrudentBot"));
    }

    @Test
    void userAgentsJoinTheTable() {
        // PrudentBot without the "+1": asking PA itself to prove that the opponent defects against DefectBot. Against
        // FairBot that would need PA to prove its own consistency (FairBot defects against DefectBot iff not
        // provably-provable-false), which it cannot (Gödel), so this agent fails to cooperate with FairBot; the real
        // PrudentBot, written out by the user, succeeds. This is why Barasz et al. use PA+1.
        var c = new ProgramEquilibriumConfig("FairBot,DefectBot",
                "Naive = [] them(me) & [] them(DefectBot) = D; Prudent = [] them(me) & [] (~[]F -> them(DefectBot) = D)");
        ProgramEquilibriumResult r = exp.run(c, RunContext.detached(1));
        assertEquals(List.of("FairBot", "DefectBot", "Naive", "Prudent"), r.agents());
        assertTrue(!r.cooperates()[2][0] && !r.cooperates()[0][2], r.table());
        assertTrue(r.cooperates()[3][0] && r.cooperates()[0][3], r.table());
        assertTrue(!r.cooperates()[3][1] && !r.cooperates()[2][1], r.table());
    }

    @Test
    void badAgentsAreOneLine() {
        assertThrows(UsageException.class, () -> exp.run(new ProgramEquilibriumConfig("FairBoot", ""),
                RunContext.detached(1)));
        UsageException e = assertThrows(UsageException.class, () -> exp.run(
                new ProgramEquilibriumConfig("FairBot", "Loop = them(me)"), RunContext.detached(1)));
        assertTrue(e.getMessage().contains("not well-founded"), e.getMessage());
        assertThrows(UsageException.class, () -> exp.run(new ProgramEquilibriumConfig("", "nonsense"),
                RunContext.detached(1)));
    }
}
