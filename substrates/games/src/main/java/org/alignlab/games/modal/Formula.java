package org.alignlab.games.modal;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A formula of Gödel–Löb provability logic (GL) over the atoms "player cooperates against opponent", the language of
 * the modal agents of Barasz, Christiano, Fallenstein, Herreshoff, LaVictoire and Yudkowsky 2014 ("Robust Cooperation
 * in the Prisoner's Dilemma: Program Equilibrium via Provability Logic") and LaVictoire et al. 2014. {@code Box}
 * reads "it is provable (in Peano arithmetic) that".
 *
 * <p>An agent's formula is written from its own point of view: the players of an atom are {@link Who#ME},
 * {@link Who#THEM} or another agent by name; {@link #ground} replaces them by the names of one match.
 */
public sealed interface Formula {

    /** A participant named in an atom: the agent itself, its opponent, or a named agent. */
    sealed interface Who {
        Who ME = new Me();
        Who THEM = new Them();

        record Me() implements Who {
            @Override
            public String toString() {
                return "me";
            }
        }

        record Them() implements Who {
            @Override
            public String toString() {
                return "them";
            }
        }

        record Named(String name) implements Who {
            @Override
            public String toString() {
                return name;
            }
        }
    }

    Formula TRUE = new Top();
    Formula FALSE = new Bottom();

    record Top() implements Formula {}

    record Bottom() implements Formula {}

    record Not(Formula operand) implements Formula {}

    record And(Formula left, Formula right) implements Formula {}

    record Or(Formula left, Formula right) implements Formula {}

    record Implies(Formula left, Formula right) implements Formula {}

    /** □φ: φ is provable. */
    record Box(Formula operand) implements Formula {}

    /** "{@code player} cooperates when it plays {@code opponent}". */
    record Cooperates(Who player, Who opponent) implements Formula {}

    static Formula box(Formula f) {
        return new Box(f);
    }

    static Formula not(Formula f) {
        return new Not(f);
    }

    static Formula and(Formula a, Formula b) {
        return new And(a, b);
    }

    static Formula implies(Formula a, Formula b) {
        return new Implies(a, b);
    }

    static Formula cooperates(Who player, Who opponent) {
        return new Cooperates(player, opponent);
    }

    /** This formula with ME and THEM replaced by the names of the agent and its opponent. */
    default Formula ground(String me, String them) {
        return switch (this) {
            case Top t -> t;
            case Bottom b -> b;
            case Not n -> new Not(n.operand().ground(me, them));
            case And a -> new And(a.left().ground(me, them), a.right().ground(me, them));
            case Or o -> new Or(o.left().ground(me, them), o.right().ground(me, them));
            case Implies i -> new Implies(i.left().ground(me, them), i.right().ground(me, them));
            case Box b -> new Box(b.operand().ground(me, them));
            case Cooperates c -> new Cooperates(name(c.player(), me, them), name(c.opponent(), me, them));
        };
    }

    private static Who name(Who w, String me, String them) {
        return switch (w) {
            case Who.Me m -> new Who.Named(me);
            case Who.Them t -> new Who.Named(them);
            case Who.Named n -> n;
        };
    }

    /** The atoms that occur outside every box (a fully modalized formula has none). */
    default Set<Cooperates> unboxedAtoms() {
        Set<Cooperates> out = new LinkedHashSet<>();
        collect(this, false, out);
        return out;
    }

    /** All atoms, boxed or not. */
    default Set<Cooperates> atoms() {
        Set<Cooperates> out = new LinkedHashSet<>();
        collect(this, true, out);
        return out;
    }

    private static void collect(Formula f, boolean insideBoxesToo, Set<Cooperates> out) {
        switch (f) {
            case Top t -> { }
            case Bottom b -> { }
            case Not n -> collect(n.operand(), insideBoxesToo, out);
            case And a -> {
                collect(a.left(), insideBoxesToo, out);
                collect(a.right(), insideBoxesToo, out);
            }
            case Or o -> {
                collect(o.left(), insideBoxesToo, out);
                collect(o.right(), insideBoxesToo, out);
            }
            case Implies i -> {
                collect(i.left(), insideBoxesToo, out);
                collect(i.right(), insideBoxesToo, out);
            }
            case Box b -> {
                if (insideBoxesToo) collect(b.operand(), true, out);
            }
            case Cooperates c -> out.add(c);
        }
    }

    /** Every distinct box subformula (ground formulas: the boxes of one match). */
    default void boxes(Set<Box> out) {
        switch (this) {
            case Top t -> { }
            case Bottom b -> { }
            case Not n -> n.operand().boxes(out);
            case And a -> {
                a.left().boxes(out);
                a.right().boxes(out);
            }
            case Or o -> {
                o.left().boxes(out);
                o.right().boxes(out);
            }
            case Implies i -> {
                i.left().boxes(out);
                i.right().boxes(out);
            }
            case Box b -> {
                out.add(b);
                b.operand().boxes(out);
            }
            case Cooperates c -> { }
        }
    }

    /** Written back in the syntax {@link FormulaParser} reads. */
    default String show() {
        return switch (this) {
            case Top t -> "T";
            case Bottom b -> "F";
            case Not n -> "~" + wrap(n.operand());
            case And a -> wrap(a.left()) + " & " + wrap(a.right());
            case Or o -> wrap(o.left()) + " | " + wrap(o.right());
            case Implies i -> wrap(i.left()) + " -> " + wrap(i.right());
            case Box b -> "[]" + wrap(b.operand());
            case Cooperates c -> c.player() + "(" + c.opponent() + ")";
        };
    }

    private static String wrap(Formula f) {
        return f instanceof And || f instanceof Or || f instanceof Implies ? "(" + f.show() + ")" : f.show();
    }
}
