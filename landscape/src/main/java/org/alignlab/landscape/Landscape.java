package org.alignlab.landscape;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.alignlab.core.Suggestions;
import org.alignlab.core.UsageException;

/**
 * The map of the alignment field: the five kinds of approach, the threat models, agendas and areas inside them,
 * and the crucial considerations, read from {@code landscape.yaml} on the class path.
 *
 * <p>A malformed file fails at load with an {@link IllegalStateException} that names the offending node. An
 * unknown id asked for by a user fails with a {@link UsageException} that names the closest ids.
 */
public final class Landscape {
    /** Class-path location of the bundled map. */
    public static final String RESOURCE = "/org/alignlab/landscape/landscape.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");
    private static final Set<String> TOP_FIELDS = Set.of("nodes");
    private static final Set<String> NODE_FIELDS =
            Set.of("id", "title", "kind", "parent", "summary", "papers", "concepts");
    private static final Set<String> PAPER_FIELDS = Set.of("authors", "year", "title");
    private static final Set<String> CONCEPT_FIELDS = Set.of("id", "name", "explanation");
    /** Loose bounds that catch typos such as 20021; tests hold the bundled file to a tighter range. */
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2100;

    private final List<Node> nodes;
    private final Map<String, Node> byId;
    private final Map<String, List<Node>> children;

    private Landscape(List<Node> depthFirst) {
        this.nodes = List.copyOf(depthFirst);
        Map<String, Node> index = new LinkedHashMap<>();
        Map<String, List<Node>> kids = new LinkedHashMap<>();
        for (Node n : nodes) {
            index.put(n.id(), n);
            kids.put(n.id(), new ArrayList<>());
        }
        for (Node n : nodes) {
            if (n.parent() != null) kids.get(n.parent()).add(n);
        }
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.byId = Collections.unmodifiableMap(index);
        this.children = Collections.unmodifiableMap(kids);
    }

    private static final class Bundled {
        static final Landscape INSTANCE = readBundled();
    }

    /** The bundled map, read and checked once per JVM. */
    public static Landscape load() {
        return Bundled.INSTANCE;
    }

    private static Landscape readBundled() {
        try (InputStream in = Landscape.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("landscape map " + RESOURCE + " is not on the class path");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "landscape.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads and checks a map in the landscape.yaml format.
     *
     * @param yaml   the file's text
     * @param origin a name for error messages, e.g. the file name
     * @throws IllegalStateException if the text is not valid YAML or breaks a rule of the format
     */
    public static Landscape parse(String yaml, String origin) {
        Object root;
        // The streaming parser into plain maps and lists: about half the start-up cost of a databind tree,
        // which matters because the command line loads the map on every call.
        try (JsonParser parser = new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .createParser(yaml)) {
            root = parser.nextToken() == null ? null : value(parser);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(origin + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Reader(origin).read(root);
    }

    /** The value at the parser's current token: a map, a list, a string, a Long, a Double, a Boolean or null. */
    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    map.put(key, value(p));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) list.add(value(p));
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalStateException("unexpected YAML token " + t);
        }
    }

    // ---------------------------------------------------------------------------------------------- queries

    /** Every node, depth-first: each parent before its children, siblings in file order. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Every id, in the order of {@link #nodes()}. */
    public List<String> ids() {
        return nodes.stream().map(Node::id).toList();
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public Optional<Node> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The node with this id, or a {@link UsageException} naming the closest ids. */
    public Node require(String id) {
        Node n = byId.get(id);
        if (n != null) return n;
        List<String> close = suggestions(id);
        String hint = close.isEmpty()
                ? "run `alignlab landscape` to see the map"
                : "did you mean " + String.join(", ", close) + "?";
        throw new UsageException("unknown map node '" + id + "'; " + hint);
    }

    /** The top-level nodes in file order. */
    public List<Node> roots() {
        return nodes.stream().filter(Node::isRoot).toList();
    }

    /** The direct children of a node, in file order. */
    public List<Node> children(String id) {
        require(id);
        return children.get(id);
    }

    /** The parent of a node; empty at the top level. */
    public Optional<Node> parent(String id) {
        return require(id).parentId().map(byId::get);
    }

    /** The chain from the node's parent up to its top-level node; empty at the top level. */
    public List<Node> ancestors(String id) {
        List<Node> chain = new ArrayList<>();
        for (String p = require(id).parent(); p != null; p = byId.get(p).parent()) chain.add(byId.get(p));
        return List.copyOf(chain);
    }

    /** The id itself and every id below it, depth-first. */
    public List<String> subtree(String id) {
        require(id);
        List<String> out = new ArrayList<>();
        collect(id, out);
        return List.copyOf(out);
    }

    private void collect(String id, List<String> out) {
        out.add(id);
        for (Node c : children.get(id)) collect(c.id(), out);
    }

    /** 0 for a top-level node, 1 for its children, and so on. */
    public int depth(String id) {
        return ancestors(id).size();
    }

    /** True when {@code id} is {@code ancestorId} or lies below it. */
    public boolean isWithin(String id, String ancestorId) {
        require(ancestorId);
        if (require(id).id().equals(ancestorId)) return true;
        return ancestors(id).stream().anyMatch(a -> a.id().equals(ancestorId));
    }

    /** Up to three ids closest to {@code id}. */
    public List<String> suggestions(String id) {
        return Suggestions.closest(id, ids());
    }

    // ---------------------------------------------------------------------------------------------- reading

    /** Turns the YAML tree into checked nodes; every error names the node it is about. */
    private static final class Reader {
        private final String origin;

        Reader(String origin) {
            this.origin = origin;
        }

        Landscape read(Object root) {
            Map<String, Object> top = map(root, "the file must be a mapping with a 'nodes' list");
            checkFields(top, TOP_FIELDS, "the top level");
            if (!(top.get("nodes") instanceof List<?> list) || list.isEmpty()) {
                throw fail("'nodes' must be a non-empty list");
            }
            List<Node> inFileOrder = new ArrayList<>();
            Map<String, Node> byId = new LinkedHashMap<>();
            String previous = null;
            for (int i = 0; i < list.size(); i++) {
                String where = previous == null ? "node #" + (i + 1) : "node #" + (i + 1) + " (after '" + previous + "')";
                Node n = node(list.get(i), where);
                if (byId.putIfAbsent(n.id(), n) != null) throw fail("node '" + n.id() + "': id is used twice");
                inFileOrder.add(n);
                previous = n.id();
            }
            checkTree(inFileOrder, byId);
            return new Landscape(depthFirst(inFileOrder));
        }

        private Node node(Object raw, String where) {
            Map<String, Object> json = map(raw, where + ": must be a mapping with id, title, kind and summary");
            String id = text(json, "id", where);
            if (!ID.matcher(id).matches()) {
                throw fail(where + ": id '" + id + "' must be dotted lower-case words, e.g. agendas.debate");
            }
            String at = "node '" + id + "'";
            checkFields(json, NODE_FIELDS, at);
            String title = text(json, "title", at);
            String kindName = text(json, "kind", at);
            NodeKind kind = NodeKind.fromYaml(kindName).orElseThrow(() -> fail(at + ": unknown kind '" + kindName
                    + "'; use one of " + NodeKind.yamlNames()));
            String parent = json.get("parent") != null ? text(json, "parent", at) : null;
            String summary = text(json, "summary", at);
            List<Paper> papers = papers(json.get("papers"), at);
            List<Concept> concepts = concepts(json.get("concepts"), at);
            if (papers.isEmpty() && !kind.grouping()) {
                throw fail(at + ": needs at least one paper (only '" + NodeKind.CONSIDERATIONS.yamlName()
                        + "' nodes may have none)");
            }
            if (kind.topLevel() && parent != null) {
                throw fail(at + ": a '" + kind.yamlName() + "' node sits at the top level and has no parent");
            }
            if (!kind.topLevel() && parent == null) {
                throw fail(at + ": a '" + kind.yamlName() + "' node needs a parent");
            }
            return new Node(id, title, kind, parent, summary, papers, concepts);
        }

        private List<Paper> papers(Object raw, String at) {
            if (raw == null) return List.of();
            if (!(raw instanceof List<?> list)) throw fail(at + ": 'papers' must be a list");
            List<Paper> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String where = at + ", paper #" + (i + 1);
                Map<String, Object> p = map(list.get(i), where + ": must be a mapping with authors, year and title");
                checkFields(p, PAPER_FIELDS, where);
                String authors = text(p, "authors", where);
                String title = text(p, "title", where);
                if (!(p.get("year") instanceof Long year)) {
                    throw fail(where + " ('" + title + "'): 'year' must be a whole number");
                }
                if (year < MIN_YEAR || year > MAX_YEAR) {
                    throw fail(where + " ('" + title + "'): year " + year + " is outside " + MIN_YEAR + ".." + MAX_YEAR);
                }
                out.add(new Paper(authors, year.intValue(), title));
            }
            return out;
        }

        private List<Concept> concepts(Object raw, String at) {
            if (raw == null) return List.of();
            if (!(raw instanceof List<?> list)) throw fail(at + ": 'concepts' must be a list");
            List<Concept> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String where = at + ", concept #" + (i + 1);
                Map<String, Object> c = map(list.get(i), where + ": must be a mapping with id, name and explanation");
                checkFields(c, CONCEPT_FIELDS, where);
                String id = text(c, "id", where);
                if (!ID.matcher(id).matches()) throw fail(where + ": id '" + id + "' must be lower-case words with dashes");
                if (!seen.add(id)) throw fail(at + ": concept id '" + id + "' is used twice");
                out.add(new Concept(id, text(c, "name", where), text(c, "explanation", where)));
            }
            return out;
        }

        private void checkTree(List<Node> nodes, Map<String, Node> byId) {
            for (Node n : nodes) {
                if (n.parent() == null) continue;
                if (!byId.containsKey(n.parent())) {
                    throw fail("node '" + n.id() + "': parent '" + n.parent() + "' is not a node");
                }
                // Walk up; more steps than there are nodes means the chain loops.
                String p = n.parent();
                for (int steps = 0; p != null; steps++) {
                    if (p.equals(n.id()) || steps > nodes.size()) {
                        throw fail("node '" + n.id() + "': its parent chain loops back on itself");
                    }
                    p = byId.get(p).parent();
                }
            }
        }

        private static List<Node> depthFirst(List<Node> inFileOrder) {
            Map<String, List<Node>> kids = new LinkedHashMap<>();
            for (Node n : inFileOrder) kids.put(n.id(), new ArrayList<>());
            List<Node> roots = new ArrayList<>();
            for (Node n : inFileOrder) {
                if (n.parent() == null) roots.add(n);
                else kids.get(n.parent()).add(n);
            }
            List<Node> out = new ArrayList<>(inFileOrder.size());
            for (Node r : roots) visit(r, kids, out);
            return out;
        }

        private static void visit(Node n, Map<String, List<Node>> kids, List<Node> out) {
            out.add(n);
            for (Node c : kids.get(n.id())) visit(c, kids, out);
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> map(Object raw, String message) {
            if (!(raw instanceof Map<?, ?>)) throw fail(message);
            return (Map<String, Object>) raw;
        }

        private String text(Map<String, Object> json, String field, String where) {
            Object v = json.get(field);
            if (v == null) throw fail(where + ": missing field '" + field + "'");
            if (v instanceof Map<?, ?> || v instanceof List<?> || v instanceof Boolean) {
                throw fail(where + ": field '" + field + "' must be text");
            }
            String s = v.toString().strip();
            if (s.isEmpty()) throw fail(where + ": field '" + field + "' is empty");
            return s;
        }

        private void checkFields(Map<String, Object> json, Set<String> allowed, String where) {
            for (String f : json.keySet()) {
                if (!allowed.contains(f)) {
                    throw fail(where + ": unknown field '" + f + "'; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
                }
            }
        }

        private IllegalStateException fail(String message) {
            return new IllegalStateException(origin + ": " + message);
        }
    }
}
