package org.alignlab.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.alignlab.core.testkit.NoisyMean;
import org.junit.jupiter.api.Test;

class ConfigsTest {
    enum Human { RATIONAL, NOISY }

    record Cfg(@Param(value = "samples", min = 1, max = 1000) int samples,
               @Param(value = "noise", min = 0, max = 1) double beta,
               @Param("flag") boolean flag,
               @Param("who") Human human,
               @Param(value = "grid", min = 0) double[] grid,
               long big) {}

    private final Cfg base = new Cfg(10, 0.5, false, Human.RATIONAL, new double[] {0.1, 0.2}, 5L);

    @Test
    void appliesTypedOverrides() {
        Cfg c = Configs.override(base, Configs.parseAssignments(List.of("samples=20", "beta=0.25", "flag=true",
                "human=noisy", "grid=0.5,1,2", "big=123456789012")));
        assertEquals(20, c.samples());
        assertEquals(0.25, c.beta());
        assertTrue(c.flag());
        assertEquals(Human.NOISY, c.human());
        assertArrayEquals(new double[] {0.5, 1, 2}, c.grid());
        assertEquals(123456789012L, c.big());
    }

    @Test
    void refusesBadKeysTypesAndRanges() {
        var unknown = assertThrows(UsageException.class, () -> Configs.override(base, Map.of("sample", "3")));
        assertTrue(unknown.getMessage().contains("valid keys: samples, beta"), unknown.getMessage());
        var type = assertThrows(UsageException.class, () -> Configs.override(base, Map.of("samples", "ten")));
        assertTrue(type.getMessage().contains("expected integer"), type.getMessage());
        var range = assertThrows(UsageException.class, () -> Configs.override(base, Map.of("samples", "0")));
        assertTrue(range.getMessage().contains("[1, 1000]"), range.getMessage());
        assertThrows(UsageException.class, () -> Configs.override(base, Map.of("beta", "1.5")));
        assertThrows(UsageException.class, () -> Configs.override(base, Map.of("beta", "NaN")));
        assertThrows(UsageException.class, () -> Configs.override(base, Map.of("flag", "yes")));
        assertThrows(UsageException.class, () -> Configs.override(base, Map.of("human", "evil")));
        assertThrows(UsageException.class, () -> Configs.override(base, Map.of("grid", "1,-2")));
        assertThrows(UsageException.class, () -> Configs.parseAssignments(List.of("samples")));
        assertThrows(UsageException.class, () -> Configs.parseAssignments(List.of("=3")));
        assertThrows(UsageException.class, () -> Configs.parseAssignments(List.of("a=1", "a=2")));
    }

    @Test
    void stringChoicesAreChecked() {
        NoisyMean.Config c = new NoisyMean().config(Scale.QUICK);
        assertEquals("median", Configs.override(c, Map.of("estimator", "median")).estimator());
        var ex = assertThrows(UsageException.class, () -> Configs.override(c, Map.of("estimator", "mode")));
        assertTrue(ex.getMessage().contains("one of mean, median"), ex.getMessage());
    }

    @Test
    void describesKeysWithRangesAndDocs() {
        var keys = Configs.describe(base);
        assertEquals(List.of("samples", "beta", "flag", "human", "grid", "big"),
                keys.stream().map(Configs.ParamInfo::key).toList());
        assertEquals("[1, 1000]", keys.get(0).range());
        assertEquals("one of rational, noisy", keys.get(3).range());
        assertEquals("0.1,0.2", keys.get(4).defaultValue());
        assertEquals("noise", keys.get(1).doc());
    }

    @Test
    void mapRoundTripsThroughOverride() {
        Cfg c = Configs.override(base, Configs.toMap(base));
        assertEquals(Configs.toMap(base), Configs.toMap(c));
    }
}
