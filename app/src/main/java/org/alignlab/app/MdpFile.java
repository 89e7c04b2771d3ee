package org.alignlab.app;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alignlab.core.Suggestions;
import org.alignlab.core.UsageException;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.mdp.MdpBuilder;

/**
 * A small MDP written by hand, in YAML ({@code .yaml}, {@code .yml}) or JSON (any other name):
 *
 * <pre>
 * states: [start, left, right, end]   # names, in order (required)
 * actions: [go-left, go-right]        # names (required)
 * terminal: [end]                     # optional: episodes end there (absorbing, reward 0, for POWER)
 * start: start                        # optional: the default state; else the first one listed
 * transitions:                        # every non-terminal state, every action: successor → probability
 *   start: {go-left: {left: 1}, go-right: {right: 0.5, end: 0.5}}
 *   left:  {go-left: {left: 1}, go-right: {start: 1}}
 *   right: {go-left: {start: 1}, go-right: {right: 1}}
 * </pre>
 *
 * Each (state, action) row must sum to 1. A mistake names the field it is in (e.g. {@code transitions.start.go-right}).
 */
record MdpFile(Mdp mdp, List<String> states, int start) {

    static MdpFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException ex) {
            throw new UsageException("cannot read MDP file " + file + ": " + ex.getMessage());
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        boolean yaml = name.toLowerCase(Locale.ROOT).matches(".*\\.ya?ml");
        ObjectMapper mapper = yaml ? new YAMLMapper() : new ObjectMapper();
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JacksonException ex) {
            throw new UsageException("cannot parse " + name + " as " + (yaml ? "YAML" : "JSON") + ": "
                    + Cli.oneLine(ex.getOriginalMessage())
                    + (ex.getLocation() == null ? "" : " (line " + ex.getLocation().getLineNr() + ")"));
        }
        return parse(root, name);
    }

    static MdpFile parse(JsonNode root, String name) {
        if (root == null || !root.isObject()) throw bad(name, "", "the file must be a mapping with the fields "
                + "states, actions, transitions (and optionally terminal, start)");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of("states", "actions", "terminal", "start", "transitions").contains(f)) {
                throw bad(name, f, "unknown field; the fields are states, actions, terminal, start, transitions");
            }
        }
        List<String> states = names(root, "states", name);
        List<String> actions = names(root, "actions", name);
        Map<String, Integer> stateIds = ids(states, "states", name);
        Map<String, Integer> actionIds = ids(actions, "actions", name);
        MdpBuilder b = Mdp.builder(states.size(), actions.size()).stateNames(states.toArray(String[]::new))
                .actionNames(actions.toArray(String[]::new));
        boolean[] terminal = new boolean[states.size()];
        JsonNode term = root.get("terminal");
        if (term != null && !term.isNull()) {
            if (!term.isArray()) throw bad(name, "terminal", "must be a list of state names");
            for (int i = 0; i < term.size(); i++) {
                int s = lookup(term.get(i), stateIds, "terminal[" + i + "]", "state", name);
                terminal[s] = true;
                b.terminal(s);
            }
        }
        int start = 0;
        JsonNode st = root.get("start");
        if (st != null && !st.isNull()) start = lookup(st, stateIds, "start", "state", name);
        JsonNode tr = root.get("transitions");
        if (tr == null || !tr.isObject()) {
            throw bad(name, "transitions", tr == null ? "missing (a mapping state → action → successor → probability)"
                    : "must be a mapping state → action → successor → probability");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tr.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> row = it.next();
            String where = "transitions." + row.getKey();
            int s = lookup(row.getKey(), stateIds, where, "state", name);
            if (terminal[s]) throw bad(name, where, "state " + row.getKey() + " is terminal and has no transitions");
            if (!row.getValue().isObject()) throw bad(name, where, "must be a mapping action → successors");
            for (Iterator<Map.Entry<String, JsonNode>> ia = row.getValue().fields(); ia.hasNext(); ) {
                Map.Entry<String, JsonNode> act = ia.next();
                String w = where + "." + act.getKey();
                int a = lookup(act.getKey(), actionIds, w, "action", name);
                if (!act.getValue().isObject()) throw bad(name, w, "must be a mapping successor → probability");
                for (Iterator<Map.Entry<String, JsonNode>> in = act.getValue().fields(); in.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = in.next();
                    String wp = w + "." + e.getKey();
                    int t = lookup(e.getKey(), stateIds, wp, "state", name);
                    JsonNode p = e.getValue();
                    if (!p.isNumber() || !(p.asDouble() >= 0 && p.asDouble() <= 1)) {
                        throw bad(name, wp, "the probability must be a number in [0, 1] (got " + p + ")");
                    }
                    b.transition(s, a, t, p.asDouble());
                }
            }
        }
        try {
            return new MdpFile(b.build(), List.copyOf(states), start);
        } catch (UsageException ex) {
            throw new UsageException(name + ": transitions: " + ex.getMessage());
        }
    }

    private static List<String> names(JsonNode root, String field, String file) {
        JsonNode n = root.get(field);
        if (n == null) throw bad(file, field, "missing (a list of names)");
        if (!n.isArray() || n.isEmpty()) throw bad(file, field, "must be a non-empty list of names");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode x = n.get(i);
            if (!x.isValueNode() || x.asText().isBlank()) throw bad(file, field + "[" + i + "]", "must be a name");
            out.add(x.asText());
        }
        return out;
    }

    private static Map<String, Integer> ids(List<String> names, String field, String file) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (ids.putIfAbsent(names.get(i), i) != null) {
                throw bad(file, field + "[" + i + "]", "'" + names.get(i) + "' is listed twice");
            }
        }
        return ids;
    }

    private static int lookup(JsonNode node, Map<String, Integer> ids, String where, String what, String file) {
        if (node == null || !node.isValueNode()) throw bad(file, where, "must be a " + what + " name");
        return lookup(node.asText(), ids, where, what, file);
    }

    private static int lookup(String key, Map<String, Integer> ids, String where, String what, String file) {
        Integer id = ids.get(key);
        if (id != null) return id;
        List<String> close = Suggestions.closest(key, ids.keySet());
        throw bad(file, where, "unknown " + what + " '" + key + "'"
                + (close.isEmpty() ? "; the " + what + "s are " + String.join(", ", ids.keySet())
                : "; did you mean " + String.join(", ", close) + "?"));
    }

    private static UsageException bad(String file, String field, String what) {
        return new UsageException(file + ": " + (field.isEmpty() ? "" : field + ": ") + what);
    }
}
