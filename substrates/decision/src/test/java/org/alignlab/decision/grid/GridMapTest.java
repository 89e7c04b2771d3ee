package org.alignlab.decision.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alignlab.core.UsageException;
import org.alignlab.decision.env.EnvException;
import org.junit.jupiter.api.Test;

class GridMapTest {
    private static final Legend LEGEND = Legend.builder().wall('#').agent('A').box('X').tile('G')
            .sprite('D', true, 1).build();

    private static String error(String... lines) {
        EnvException e = assertThrows(EnvException.class, () -> GridMap.parse(LEGEND, lines));
        assertTrue(e instanceof UsageException);
        return e.getMessage();
    }

    @Test
    void raggedShortRowNamesTheMissingColumn() {
        assertEquals("map line 3, column 5: ragged row: line 3 has 4 columns but line 1 has 5 (every row must be as"
                + " wide as the first)", error("#####", "#A G#", "#  #", "#####"));
    }

    @Test
    void raggedLongRowNamesTheFirstExtraColumn() {
        assertEquals("map line 2, column 6: ragged row: line 2 has 7 columns but line 1 has 5 (every row must be as"
                + " wide as the first)", error("#####", "#A G###", "#####"));
    }

    @Test
    void unknownGlyphNamesLineAndColumn() {
        assertEquals("map line 2, column 4: unknown glyph 'Q'; the legend has [' ', '#', 'A', 'X', 'G', 'D']",
                error("#####", "#A Q#", "#####"));
        assertEquals("map line 1, column 2: unknown glyph '\\u0009'; the legend has [' ', '#', 'A', 'X', 'G', 'D']",
                error("#\t###", "#A  #", "#####"));
    }

    @Test
    void unknownGlyphBeforeALaterRaggedRowIsReportedFirst() {
        assertTrue(error("#####", "#A ?#", "###").startsWith("map line 2, column 4: unknown glyph '?'"));
        assertTrue(error("#####", "#A  #", "#?#").startsWith("map line 3, column 2: unknown glyph '?'"));
    }

    @Test
    void noAgent() {
        assertEquals("map has no agent 'A' in its 3 lines of 5 columns: put exactly one on a free cell",
                error("#####", "# G #", "#####"));
    }

    @Test
    void twoAgentsNameTheSecondAndTheFirst() {
        assertEquals("map line 4, column 3: a second agent 'A' where only one is allowed (the first is at line 2,"
                + " column 2)", error("#####", "#A  #", "#   #", "##A##", "#####"));
    }

    @Test
    void aUniqueSpriteTwiceIsRefused() {
        assertEquals("map line 2, column 5: a second object 'D' where only one is allowed (the first is at line 2,"
                + " column 3)", error("######", "#AD D#", "######"));
    }

    @Test
    void emptyMaps() {
        assertEquals("map is empty: give at least one row of glyphs",
                assertThrows(EnvException.class, () -> GridMap.parse(LEGEND, List.of())).getMessage());
        assertEquals("map line 1 is empty: rows need glyphs",
                assertThrows(EnvException.class, () -> GridMap.parseText(LEGEND, "")).getMessage());
    }

    @Test
    void objectsAgentFirstThenReadingOrderOnTheFloor() {
        GridMap m = GridMap.parse(LEGEND, "######", "#X A #", "# XDG#", "######");
        assertEquals(4, m.rows());
        assertEquals(6, m.cols());
        assertEquals(4, m.objectCount());
        assertEquals('A', m.objectGlyph(0));
        assertEquals(m.cell(1, 3), m.objectCell(0));
        assertEquals(m.cell(1, 1), m.objectCell(1));
        assertEquals(m.cell(2, 2), m.objectCell(2));
        assertEquals('D', m.objectGlyph(3));
        assertArrayEquals(new int[] {1, 2}, m.objectsOf('X'));
        assertEquals(' ', m.tileAt(m.cell(1, 3)));
        assertEquals(' ', m.tileAt(m.cell(2, 2)));
        assertEquals('G', m.tileAt(m.cell(2, 4)));
        assertEquals('X', m.glyphAt(1, 1));
        assertArrayEquals(new int[] {m.cell(2, 4)}, m.cellsOf('G'));
    }

    @Test
    void neighboursStopAtTheEdge() {
        GridMap m = GridMap.parse(LEGEND, "A ", "  ", "  ");
        assertEquals(-1, m.neighbour(0, GridAction.UP));
        assertEquals(-1, m.neighbour(0, GridAction.LEFT));
        assertEquals(1, m.neighbour(0, GridAction.RIGHT));
        assertEquals(-1, m.neighbour(1, GridAction.RIGHT));
        assertEquals(2, m.neighbour(0, GridAction.DOWN));
        assertEquals(-1, m.neighbour(5, GridAction.DOWN));
        assertEquals(3, m.neighbour(3, GridAction.NOOP));
    }

    @Test
    void parseTextMatchesParseAndToleratesAFinalLineBreak() {
        GridMap a = GridMap.parse(LEGEND, "####", "#AG#", "####");
        GridMap b = GridMap.parseText(LEGEND, "####\r\n#AG#\n####\n");
        assertEquals(a.lines(), b.lines());
        assertTrue(a.compatible(b));
        assertEquals("map line 2, column 4: ragged row: line 2 has 3 columns but line 1 has 4 (every row must be as"
                + " wide as the first)",
                assertThrows(EnvException.class, () -> GridMap.parseText(LEGEND, "####\n#AG\n####")).getMessage());
    }

    @Test
    void legendPacksCodesInPowersOfTwoBits() {
        assertEquals(1, Legend.builder().agent('A').build().bitsPerCell());
        assertEquals(4, LEGEND.bitsPerCell()); // 6 glyphs
        Legend.Builder big = Legend.builder().agent('A');
        for (char c = 'a'; c <= 'q'; c++) big.tile(c);
        assertEquals(8, big.build().bitsPerCell()); // 19 glyphs
        assertEquals(' ', LEGEND.floor());
        assertEquals(GlyphKind.BOX, LEGEND.kind('X'));
        assertTrue(LEGEND.blocksAgent('#'));
        assertFalse(LEGEND.blocksAgent('G'));
    }

    @Test
    void legendMistakesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Legend.builder().wall('#').build()); // no agent
        assertThrows(IllegalArgumentException.class, () -> Legend.builder().agent('A').tile('A'));
        assertThrows(IllegalArgumentException.class, () -> Legend.builder().agent('A').agent('B'));
        assertThrows(IllegalArgumentException.class, () -> Legend.builder().agent('A').tile('\n'));
        assertThrows(IllegalArgumentException.class, () -> Legend.builder().agent('A').colour('Z', 0));
        assertThrows(IllegalArgumentException.class, () -> Legend.builder().agent('A').wall(' ').build());
    }
}
