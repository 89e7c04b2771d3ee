package org.alignlab.threats.coordination.commons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.alignlab.core.ClaimChecker;
import org.alignlab.core.ClaimResult;
import org.alignlab.core.Configs;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.UsageException;
import org.alignlab.core.Verdict;
import org.junit.jupiter.api.Test;

class CommonsExperimentTest {
    private final CommonsExperiment exp = new CommonsExperiment();

    /** A smaller sweep than quick, for the tests that only need some run. */
    private static CommonsConfig tiny() {
        return Configs.override(CommonsConfig.quick(), Map.of("agents", "1,4", "episodes", "20", "steps", "100",
                "summaryEpisodes", "5"));
    }

    @Test
    void verdictsAtQuickScale() {
        List<ClaimResult> claims = ClaimChecker.check(exp, exp.config(Scale.QUICK), ClaimChecker.Options.quick())
                .claims();
        assertEquals(3, claims.size());
        for (ClaimResult c : claims) assertEquals(Verdict.REPRODUCED, c.verdict(), c.toString());
    }

    @Test
    void sameSeedSameNumbersBitForBit() {
        CommonsResult a = exp.run(tiny(), RunContext.detached(9));
        CommonsResult b = exp.run(tiny(), RunContext.detached(9));
        assertArrayEquals(a.sustainability(), b.sustainability());
        assertArrayEquals(a.efficiency(), b.efficiency());
        assertArrayEquals(a.peace(), b.peace());
        assertArrayEquals(a.stock()[1], b.stock()[1]);
        CommonsResult c = exp.run(tiny(), RunContext.detached(10));
        assertFalse(java.util.Arrays.equals(a.stock()[1], c.stock()[1]), "another seed, another episode");
    }

    @Test
    void resultIsConsistent() {
        CommonsResult r = exp.run(tiny(), RunContext.detached(3));
        assertEquals(1.0, r.equality()[0], 1e-12, "one agent is always equal to itself");
        for (int g = 0; g < 2; g++) {
            assertTrue(r.peace()[g] <= r.agents()[g] + 1e-12);
            assertTrue(r.applesLeft()[g] >= 0 && r.applesLeft()[g] <= 1);
            assertEquals(101, r.stock()[g].length);
            assertEquals(r.orchard(), r.stock()[g][0], "episodes start with a full orchard");
        }
    }

    @Test
    void spearmanOfKnownSamples() {
        assertEquals(-1.0, CommonsExperiment.spearman(new double[] {1, 2, 4, 8}, new double[] {9, 5, 3, 1}), 1e-12);
        assertEquals(1.0, CommonsExperiment.spearman(new double[] {1, 2, 3}, new double[] {1, 10, 100}), 1e-12);
        // ranks of y with a tie: (1, 2.5, 2.5, 4); ρ = 0.9486832980505138
        assertEquals(0.9486832980505138,
                CommonsExperiment.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 5, 5, 7}), 1e-12);
        assertArrayEquals(new double[] {3, 1, 2}, CommonsExperiment.ranks(new double[] {9, 1, 4}));
    }

    @Test
    void badConfigsAreRefusedInOneLine() {
        CommonsConfig q = CommonsConfig.quick();
        assertThrows(UsageException.class, () -> exp.validate(Configs.override(q, Map.of("agents", "4"))));
        assertThrows(UsageException.class, () -> exp.validate(Configs.override(q, Map.of("agents", "4,2"))));
        UsageException tooMany = assertThrows(UsageException.class,
                () -> exp.validate(Configs.override(q, Map.of("agents", "1,64", "width", "10", "height", "5"))));
        assertFalse(tooMany.getMessage().contains("\n"));
        assertThrows(UsageException.class, () -> exp.validate(Configs.override(q, Map.of("summaryEpisodes", "100"))));
        assertThrows(UsageException.class, () -> Configs.override(q, Map.of("gamma", "1.5")));
    }
}
