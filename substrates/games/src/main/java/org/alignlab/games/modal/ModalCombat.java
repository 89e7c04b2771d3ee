package org.alignlab.games.modal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alignlab.core.Suggestions;
import org.alignlab.core.UsageException;

/**
 * Exact outcome of a one-shot Prisoner's Dilemma between modal agents, by the fixed point of their formulas on the
 * linear Kripke frame of GL (Barasz et al. 2014, section 3; LaVictoire et al. 2014).
 *
 * <p>Worlds are levels 0, 1, 2, ... At level n, □φ holds when φ holds at every level k &lt; n (so at level 0 every
 * box holds). Because each agent's formula is fully modalized, an agent's action at level n depends only on levels
 * below n, so the levels are computed in order. A box's value can only go from true to false as n grows, and the
 * whole state at level n + 1 is a function of the box values at level n; so once no box changes, nothing changes,
 * and that happens by level B, the number of distinct boxes in the match. The action at level B is the one the
 * agents take in the standard model of arithmetic (assuming PA sound): the fixed-point theorem of GL makes the
 * outcome unique, and it is true in N exactly when it holds at all sufficiently high levels.
 */
public final class ModalCombat {

    /** The actions of {@code first} against {@code second} and back, and each level's actions (for inspection). */
    public record Outcome(String first, String second, boolean firstCooperates, boolean secondCooperates,
                          int levels, List<boolean[]> trace) {
        public String show() {
            return (firstCooperates ? "C" : "D") + (secondCooperates ? "C" : "D");
        }
    }

    private final Map<String, ModalAgent> agents;

    /** @param agents every agent a formula may name (a match's two agents are added to these) */
    public ModalCombat(Iterable<ModalAgent> agents) {
        Map<String, ModalAgent> m = new LinkedHashMap<>();
        for (ModalAgent a : agents) add(m, a);
        this.agents = m;
    }

    private static void add(Map<String, ModalAgent> m, ModalAgent a) {
        ModalAgent old = m.putIfAbsent(a.name(), a);
        if (old != null && !old.cooperates().equals(a.cooperates())) {
            throw new UsageException("two different agents are both called " + a.name());
        }
    }

    /** Plays {@code a} against {@code b}. */
    public Outcome play(ModalAgent a, ModalAgent b) {
        return play(a, b, 0);
    }

    /** As {@link #play(ModalAgent, ModalAgent)}, evaluating {@code extra} levels past the bound (for tests). */
    Outcome play(ModalAgent a, ModalAgent b, int extra) {
        Map<String, ModalAgent> known = new LinkedHashMap<>(agents);
        add(known, a);
        add(known, b);
        // The pairs (X vs Y) whose action the match needs: closure from (a, b) and (b, a).
        Map<Pair, Formula> ground = new LinkedHashMap<>();
        Deque<Pair> todo = new ArrayDeque<>(List.of(new Pair(a.name(), b.name()), new Pair(b.name(), a.name())));
        while (!todo.isEmpty()) {
            Pair p = todo.poll();
            if (ground.containsKey(p)) continue;
            ModalAgent x = agent(known, p.player(), p);
            agent(known, p.opponent(), p);
            Formula f = x.cooperates().ground(p.player(), p.opponent());
            ground.put(p, f);
            for (Formula.Cooperates c : f.atoms()) todo.add(pair(c));
        }
        List<Pair> pairs = new ArrayList<>(ground.keySet());
        Set<Formula.Box> boxSet = new LinkedHashSet<>();
        for (Formula f : ground.values()) f.boxes(boxSet);
        List<Formula.Box> boxes = new ArrayList<>(boxSet);
        int levels = boxes.size();

        Map<Pair, Integer> index = new HashMap<>();
        for (int i = 0; i < pairs.size(); i++) index.put(pairs.get(i), i);
        Map<Formula.Box, Boolean> boxValue = new HashMap<>();
        for (Formula.Box bx : boxes) boxValue.put(bx, true); // level 0: every box holds
        List<boolean[]> trace = new ArrayList<>();
        boolean[] actions = null;
        for (int n = 0; n <= levels + extra; n++) {
            boolean[] acts = new boolean[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                acts[i] = eval(ground.get(pairs.get(i)), boxValue, null, index);
            }
            trace.add(acts);
            // Box values at level n + 1: held at every level up to n.
            Map<Formula.Box, Boolean> next = new HashMap<>();
            for (Formula.Box bx : boxes) {
                next.put(bx, boxValue.get(bx) && eval(bx.operand(), boxValue, acts, index));
            }
            boxValue = next;
            actions = acts;
        }
        int ab = index.get(new Pair(a.name(), b.name()));
        int ba = index.get(new Pair(b.name(), a.name()));
        return new Outcome(a.name(), b.name(), actions[ab], actions[ba], trace.size(), List.copyOf(trace));
    }

    private static Pair pair(Formula.Cooperates c) {
        return new Pair(((Formula.Who.Named) c.player()).name(), ((Formula.Who.Named) c.opponent()).name());
    }

    private static ModalAgent agent(Map<String, ModalAgent> known, String name, Pair context) {
        ModalAgent x = known.get(name);
        if (x == null) {
            List<String> close = Suggestions.closest(name, known.keySet());
            throw new UsageException("no modal agent called " + name + " (needed for " + context.player() + " vs "
                    + context.opponent() + ")" + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close)
                    + "?"));
        }
        return x;
    }

    // Evaluates a ground formula at one level: boxes from boxValue (that level's), atoms from acts (the same
    // level's actions; only reached inside a box's operand, which is evaluated when the next level's boxes are made).
    private static boolean eval(Formula f, Map<Formula.Box, Boolean> boxValue, boolean[] acts,
                                Map<Pair, Integer> index) {
        return switch (f) {
            case Formula.Top t -> true;
            case Formula.Bottom b -> false;
            case Formula.Not n -> !eval(n.operand(), boxValue, acts, index);
            case Formula.And a -> eval(a.left(), boxValue, acts, index) && eval(a.right(), boxValue, acts, index);
            case Formula.Or o -> eval(o.left(), boxValue, acts, index) || eval(o.right(), boxValue, acts, index);
            case Formula.Implies i -> !eval(i.left(), boxValue, acts, index) || eval(i.right(), boxValue, acts, index);
            case Formula.Box bx -> boxValue.get(bx);
            case Formula.Cooperates c -> {
                if (acts == null) throw new IllegalStateException("atom outside a box: " + c);
                yield acts[index.get(pair(c))];
            }
        };
    }

    private record Pair(String player, String opponent) {}
}
