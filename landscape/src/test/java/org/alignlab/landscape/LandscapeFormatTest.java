package org.alignlab.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed maps fail at load, with a message that names the node at fault. */
class LandscapeFormatTest {
    private static final String ROOT = """
            nodes:
              - id: a
                title: A
                kind: approach
                summary: First. Second.
                papers:
                  - {authors: X, year: 2020, title: T}
            """;

    private static String withNode(String node) {
        return ROOT + node;
    }

    private static String failure(String yaml) {
        return assertThrows(IllegalStateException.class, () -> Landscape.parse(yaml, "test.yaml")).getMessage();
    }

    @Test
    void aSmallValidMapParsesDepthFirstWhateverTheFileOrder() {
        Landscape l = Landscape.parse(ROOT + """
                  - id: b
                    title: B
                    kind: approach
                    summary: One. Two.
                    papers: [{authors: Y, year: 2019, title: U}]
                  - id: a.x
                    title: AX
                    kind: agenda
                    parent: a
                    summary: One. Two.
                    papers: [{authors: Z, year: 2018, title: V}]
                    concepts: [{id: idea, name: Idea, explanation: An idea.}]
                """, "test.yaml");
        assertEquals(List.of("a", "a.x", "b"), l.ids());
        assertEquals(List.of("a", "a.x"), l.subtree("a"));
        assertEquals("An idea.", l.require("a.x").concept("idea").orElseThrow().explanation());
    }

    @Test
    void duplicateId() {
        String m = failure(withNode("""
                  - id: a
                    title: Again
                    kind: approach
                    summary: One. Two.
                    papers: [{authors: Y, year: 2019, title: U}]
                """));
        assertTrue(m.contains("node 'a'") && m.contains("twice"), m);
        assertTrue(m.startsWith("test.yaml: "), m);
    }

    @Test
    void missingParent() {
        String m = failure(withNode("""
                  - id: a.x
                    title: AX
                    kind: agenda
                    parent: nowhere
                    summary: One. Two.
                    papers: [{authors: Y, year: 2019, title: U}]
                """));
        assertTrue(m.contains("node 'a.x'") && m.contains("'nowhere'"), m);
    }

    @Test
    void cycle() {
        String m = failure(withNode("""
                  - id: p
                    title: P
                    kind: agenda
                    parent: q
                    summary: One. Two.
                    papers: [{authors: Y, year: 2019, title: U}]
                  - id: q
                    title: Q
                    kind: agenda
                    parent: p
                    summary: One. Two.
                    papers: [{authors: Y, year: 2019, title: U}]
                """));
        assertTrue(m.contains("node 'p'") && m.contains("loops"), m);
    }

    @Test
    void missingSummary() {
        String m = failure(withNode("""
                  - id: b
                    title: B
                    kind: approach
                    papers: [{authors: Y, year: 2019, title: U}]
                """));
        assertTrue(m.contains("node 'b'") && m.contains("'summary'"), m);
    }

    @Test
    void missingIdNamesThePreviousNode() {
        String m = failure(withNode("""
                  - title: Nameless
                    kind: approach
                    summary: One. Two.
                """));
        assertTrue(m.contains("node #2 (after 'a')") && m.contains("'id'"), m);
    }

    @Test
    void unknownKindListsTheKinds() {
        String m = failure(withNode("""
                  - id: b
                    title: B
                    kind: aproach
                    summary: One. Two.
                    papers: [{authors: Y, year: 2019, title: U}]
                """));
        assertTrue(m.contains("node 'b'") && m.contains("'aproach'") && m.contains("threat-model"), m);
    }

    @Test
    void unknownFieldIsRefused() {
        String m = failure(withNode("""
                  - id: b
                    title: B
                    kind: approach
                    sumary: One. Two.
                    summary: One. Two.
                    papers: [{authors: Y, year: 2019, title: U}]
                """));
        assertTrue(m.contains("node 'b'") && m.contains("'sumary'"), m);
    }

    @Test
    void paperNeedsAPlausibleWholeYear() {
        String m = failure(withNode("""
                  - id: b
                    title: B
                    kind: approach
                    summary: One. Two.
                    papers: [{authors: Y, year: 20019, title: U}]
                """));
        assertTrue(m.contains("node 'b', paper #1") && m.contains("20019"), m);
        String m2 = failure(withNode("""
                  - id: b
                    title: B
                    kind: approach
                    summary: One. Two.
                    papers: [{authors: Y, year: soon, title: U}]
                """));
        assertTrue(m2.contains("node 'b', paper #1") && m2.contains("year"), m2);
    }

    @Test
    void nonGroupingNodeNeedsAPaper() {
        String m = failure(withNode("""
                  - id: b
                    title: B
                    kind: approach
                    summary: One. Two.
                """));
        assertTrue(m.contains("node 'b'") && m.contains("paper"), m);
        // a grouping node may have none
        Landscape ok = Landscape.parse(withNode("""
                  - id: c
                    title: C
                    kind: considerations
                    summary: One. Two.
                """), "test.yaml");
        assertTrue(ok.require("c").papers().isEmpty());
    }

    @Test
    void kindMustAgreeWithPlaceInTheTree() {
        String orphan = failure(withNode("""
                  - id: b
                    title: B
                    kind: agenda
                    summary: One. Two.
                    papers: [{authors: Y, year: 2019, title: U}]
                """));
        assertTrue(orphan.contains("node 'b'") && orphan.contains("needs a parent"), orphan);
        String nested = failure(withNode("""
                  - id: a.b
                    title: B
                    kind: approach
                    parent: a
                    summary: One. Two.
                    papers: [{authors: Y, year: 2019, title: U}]
                """));
        assertTrue(nested.contains("node 'a.b'") && nested.contains("top level"), nested);
    }

    @Test
    void badIdAndDuplicateConcept() {
        String m = failure(withNode("""
                  - id: Bad_Id
                    title: B
                    kind: approach
                    summary: One. Two.
                """));
        assertTrue(m.contains("'Bad_Id'"), m);
        String c = failure(withNode("""
                  - id: b
                    title: B
                    kind: approach
                    summary: One. Two.
                    papers: [{authors: Y, year: 2019, title: U}]
                    concepts:
                      - {id: x, name: X, explanation: One.}
                      - {id: x, name: X again, explanation: Two.}
                """));
        assertTrue(c.contains("node 'b'") && c.contains("concept id 'x'"), c);
    }

    @Test
    void notYamlOrNoNodes() {
        assertTrue(failure("nodes: [unclosed").contains("not valid YAML"));
        assertTrue(failure("nodes: []").contains("'nodes'"));
        assertTrue(failure("- just a list").contains("'nodes'"));
        String dup = failure("nodes:\n  - id: a\n    id: b\n");
        assertTrue(dup.startsWith("test.yaml: not valid YAML") && dup.contains("'id'") && dup.contains("line 3"), dup);
    }
}
