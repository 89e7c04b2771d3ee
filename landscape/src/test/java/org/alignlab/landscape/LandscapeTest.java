package org.alignlab.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alignlab.core.Source;
import org.alignlab.core.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LandscapeTest {
    /** Ids other modules and experiments depend on; they must never disappear or be renamed. */
    static final List<String> STABLE_IDS = List.of(
            "threat-models", "threat-models.power-seeking", "threat-models.inner-misalignment",
            "threat-models.specification-gaming", "threat-models.coordination-failures",
            "agendas", "agendas.amplification", "agendas.debate", "agendas.assistance-games",
            "robustly-good", "robustly-good.interpretability", "robustly-good.robustness",
            "robustly-good.forecasting", "deconfusion", "field-building",
            "considerations", "considerations.prosaic", "considerations.takeoff", "considerations.timelines",
            "considerations.difficulty");

    private final Landscape map = Landscape.load();

    @ParameterizedTest
    @ValueSource(strings = {
            "threat-models", "threat-models.power-seeking", "threat-models.inner-misalignment",
            "threat-models.specification-gaming", "threat-models.coordination-failures",
            "agendas", "agendas.amplification", "agendas.debate", "agendas.assistance-games",
            "robustly-good", "robustly-good.interpretability", "robustly-good.robustness",
            "robustly-good.forecasting", "deconfusion", "field-building",
            "considerations", "considerations.prosaic", "considerations.takeoff", "considerations.timelines",
            "considerations.difficulty"})
    void stableIdIsPresent(String id) {
        assertTrue(map.find(id).isPresent(), "missing node " + id);
        assertEquals(id, map.require(id).id());
    }

    @Test
    void stableIdListMatchesTheParameterisedTest() {
        assertEquals(20, STABLE_IDS.size());
        assertTrue(map.ids().containsAll(STABLE_IDS));
    }

    @Test
    void loadIsCached() {
        assertSame(Landscape.load(), Landscape.load());
    }

    @Test
    void idsAreUnique() {
        assertEquals(map.nodes().size(), new HashSet<>(map.ids()).size());
    }

    @Test
    void everyParentExistsAndEveryChainReachesTheTop() {
        for (Node n : map.nodes()) {
            if (n.isRoot()) continue;
            assertTrue(map.contains(n.parent()), n.id() + " has unknown parent " + n.parent());
            Set<String> seen = new HashSet<>();
            String p = n.id();
            while (p != null) {
                assertTrue(seen.add(p), "cycle through " + p);
                p = map.require(p).parent();
            }
            assertTrue(map.ancestors(n.id()).getLast().isRoot());
        }
    }

    @Test
    void topLevelIsTheFiveApproachesAndTheConsiderations() {
        List<String> roots = map.roots().stream().map(Node::id).toList();
        assertEquals(List.of("threat-models", "agendas", "robustly-good", "deconfusion", "field-building",
                "considerations"), roots);
        for (Node r : map.roots()) {
            NodeKind expected = r.id().equals("considerations") ? NodeKind.CONSIDERATIONS : NodeKind.APPROACH;
            assertEquals(expected, r.kind(), r.id());
            assertEquals(0, map.depth(r.id()));
        }
        assertEquals(5, map.roots().stream().filter(r -> r.kind() == NodeKind.APPROACH).count());
        for (Node n : map.nodes()) {
            assertEquals(n.isRoot(), n.kind().topLevel(), n.id() + " kind " + n.kind());
        }
    }

    @Test
    void kindsBelowTheTop() {
        assertEquals(NodeKind.THREAT_MODEL, map.require("threat-models.power-seeking").kind());
        assertEquals(NodeKind.THREAT_MODEL, map.require("threat-models.specification-gaming").kind());
        assertEquals(NodeKind.THREAT_MODEL, map.require("threat-models.coordination-failures").kind());
        assertEquals(NodeKind.SUB_THREAT, map.require("threat-models.inner-misalignment").kind());
        for (Node c : map.children("agendas")) assertEquals(NodeKind.AGENDA, c.kind(), c.id());
        for (Node c : map.children("robustly-good")) assertEquals(NodeKind.AREA, c.kind(), c.id());
        for (Node c : map.children("considerations")) assertEquals(NodeKind.CONSIDERATION, c.kind(), c.id());
        assertEquals(4, map.children("considerations").size());
    }

    @Test
    void innerMisalignmentSitsUnderPowerSeeking() {
        Node inner = map.require("threat-models.inner-misalignment");
        assertEquals("threat-models.power-seeking", inner.parent());
        assertEquals(2, map.depth(inner.id()));
        assertEquals(List.of("threat-models.power-seeking", "threat-models"),
                map.ancestors(inner.id()).stream().map(Node::id).toList());
    }

    @Test
    void everyNodeHasASummaryOfTwoToFourSentences() {
        Pattern end = Pattern.compile("[.!?](\\s|$)");
        for (Node n : map.nodes()) {
            assertFalse(n.title().isBlank(), n.id());
            Matcher m = end.matcher(n.summary());
            int sentences = 0;
            while (m.find()) sentences++;
            assertTrue(sentences >= 2 && sentences <= 4, n.id() + " has " + sentences + " sentences");
        }
    }

    @Test
    void everyAnchoredNodeHasPlausiblePapers() {
        for (Node n : map.nodes()) {
            if (n.kind().grouping()) continue;
            assertFalse(n.papers().isEmpty(), n.id() + " has no papers");
            for (Paper p : n.papers()) {
                assertTrue(p.year() >= 1950 && p.year() <= 2026, n.id() + ": implausible year " + p);
                assertFalse(p.authors().isBlank(), n.id() + ": " + p);
                assertFalse(p.title().isBlank(), n.id() + ": " + p);
            }
        }
        // Only the crucial-considerations group is a pure grouping node.
        assertEquals(List.of("considerations"),
                map.nodes().stream().filter(n -> n.kind().grouping()).map(Node::id).toList());
    }

    @Test
    void anchorPapersAreWhereTheyBelong() {
        assertTrue(hasPaper("threat-models.power-seeking", "Optimal Policies Tend to Seek Power", 2021));
        assertTrue(hasPaper("threat-models.inner-misalignment",
                "Risks from Learned Optimization in Advanced Machine Learning Systems", 2019));
        assertTrue(hasPaper("threat-models.specification-gaming", "What failure looks like", 2019));
        assertTrue(hasPaper("agendas.debate", "AI safety via debate", 2018));
        assertTrue(hasPaper("agendas.assistance-games", "The Off-Switch Game", 2017));
        assertTrue(hasPaper("robustly-good.forecasting", "Scaling Laws for Neural Language Models", 2020));
    }

    private boolean hasPaper(String node, String title, int year) {
        return map.require(node).papers().stream().anyMatch(p -> p.title().equals(title) && p.year() == year);
    }

    @Test
    void paperBecomesACoreSourceWithEtAlBeyondThreeAuthors() {
        Paper turner = map.require("threat-models.power-seeking").papers().stream()
                .filter(p -> p.title().equals("Optimal Policies Tend to Seek Power")).findFirst().orElseThrow();
        assertEquals(Source.of("Turner et al.", 2021, "Optimal Policies Tend to Seek Power"), turner.toSource());
        Paper debate = new Paper("Irving, Christiano, Amodei", 2018, "AI safety via debate");
        assertEquals("Irving, Christiano, Amodei 2018, AI safety via debate", debate.cite());
    }

    @Test
    void requiredConceptsArePresent() {
        Map<String, List<String>> required = Map.of(
                "threat-models.power-seeking", List.of("treacherous-turn", "convergent-instrumental-goals"),
                "threat-models.inner-misalignment", List.of("evolution-analogy", "mesa-optimisation"),
                "threat-models.specification-gaming", List.of("proxies", "lock-in"),
                "agendas.amplification", List.of("amplify", "distill"),
                "robustly-good.forecasting", List.of("scaling-laws", "biological-anchors"),
                "robustly-good.robustness", List.of("adversarial-examples"),
                "robustly-good.interpretability", List.of("circuits", "features"));
        required.forEach((node, concepts) -> {
            for (String c : concepts) {
                Concept concept = map.require(node).concept(c).orElseThrow(() -> new AssertionError(node + " lacks " + c));
                assertFalse(concept.name().isBlank());
                assertTrue(concept.explanation().endsWith("."), node + "/" + c + " explanation is not a sentence");
            }
        });
    }

    @Test
    void nodesAreDepthFirst() {
        List<String> ids = map.ids();
        for (Node n : map.nodes()) {
            if (n.isRoot()) continue;
            assertTrue(ids.indexOf(n.parent()) < ids.indexOf(n.id()), n.id() + " comes before its parent");
        }
        // Each subtree is a contiguous run of the depth-first list.
        for (Node n : map.nodes()) {
            List<String> sub = map.subtree(n.id());
            int start = ids.indexOf(n.id());
            assertEquals(sub, ids.subList(start, start + sub.size()), n.id());
        }
    }

    @Test
    void childrenAndSubtree() {
        assertEquals(List.of("threat-models.power-seeking", "threat-models.specification-gaming",
                        "threat-models.coordination-failures"),
                map.children("threat-models").stream().map(Node::id).toList());
        assertEquals(List.of("threat-models", "threat-models.power-seeking", "threat-models.inner-misalignment",
                        "threat-models.specification-gaming", "threat-models.coordination-failures"),
                map.subtree("threat-models"));
        assertEquals(List.of("agendas.debate"), map.subtree("agendas.debate"));
        assertTrue(map.children("agendas.debate").isEmpty());
        assertEquals(List.of("threat-models.inner-misalignment"),
                map.children("threat-models.power-seeking").stream().map(Node::id).toList());
        int total = map.roots().stream().mapToInt(r -> map.subtree(r.id()).size()).sum();
        assertEquals(map.nodes().size(), total);
        assertTrue(map.isWithin("threat-models.inner-misalignment", "threat-models"));
        assertFalse(map.isWithin("agendas.debate", "threat-models"));
        assertEquals(1, map.depth("agendas.debate"));
    }

    @Test
    void requireSuggestsCloseIds() {
        UsageException e = assertThrows(UsageException.class, () -> map.require("agendas.debat"));
        assertEquals("unknown map node 'agendas.debat'; did you mean agendas.debate?", e.getMessage());

        UsageException e2 = assertThrows(UsageException.class, () -> map.require("threat-models.powerseeking"));
        assertTrue(e2.getMessage().contains("threat-models.power-seeking"), e2.getMessage());

        UsageException e3 = assertThrows(UsageException.class, () -> map.require("interpretability"));
        assertTrue(e3.getMessage().contains("robustly-good.interpretability"), e3.getMessage());

        UsageException none = assertThrows(UsageException.class, () -> map.require("quantum-gravity.strings"));
        assertFalse(none.getMessage().contains("did you mean"), none.getMessage());
        assertFalse(none.getMessage().contains("\n"));

        assertThrows(UsageException.class, () -> map.children("agendas.debat"));
        assertThrows(UsageException.class, () -> map.subtree("nowhere"));
        assertThrows(UsageException.class, () -> map.depth("nowhere"));
    }
}
