package org.alignlab.games.modal;

import org.alignlab.core.UsageException;

/**
 * Reads a modal formula. Grammar (loosest first):
 *
 * <pre>
 *   formula := or ( "->" formula )?          implication, right-associative
 *   or      := and ( "|" and )*
 *   and     := unary ( "&amp;" unary )*
 *   unary   := "~" unary | "[]" unary | atom | "T" | "F" | "(" formula ")"
 *   atom    := NAME "(" NAME ")" ( "=" ("C" | "D") )?     NAME(NAME): the first cooperates against the second
 * </pre>
 *
 * NAME is {@code me}, {@code them} or an agent's name. The symbols □ ¬ ∧ ∨ → ⊤ ⊥ are accepted as well. Example, the
 * PrudentBot of Barasz et al. 2014: {@code [] them(me) & [] (~[]F -> them(DefectBot) = D)}.
 */
public final class FormulaParser {
    private final String src;
    private int pos;

    private FormulaParser(String src) {
        this.src = src;
    }

    public static Formula parse(String text) {
        if (text == null || text.isBlank()) throw new UsageException("empty modal formula");
        FormulaParser p = new FormulaParser(text);
        Formula f = p.implication();
        p.skip();
        if (p.pos < p.src.length()) p.fail("unexpected '" + p.src.charAt(p.pos) + "'");
        return f;
    }

    private Formula implication() {
        Formula left = or();
        if (eat("->") || eat("→")) return new Formula.Implies(left, implication());
        return left;
    }

    private Formula or() {
        Formula f = and();
        while (eat("|") || eat("∨")) f = new Formula.Or(f, and());
        return f;
    }

    private Formula and() {
        Formula f = unary();
        while (eat("&") || eat("∧")) f = new Formula.And(f, unary());
        return f;
    }

    private Formula unary() {
        if (eat("~") || eat("¬")) return new Formula.Not(unary());
        if (eat("[]") || eat("□")) return new Formula.Box(unary());
        if (eat("(")) {
            Formula f = implication();
            if (!eat(")")) fail("expected ')'");
            return f;
        }
        if (eat("⊤")) return Formula.TRUE;
        if (eat("⊥")) return Formula.FALSE;
        skip();
        int start = pos;
        String name = name();
        if (name.isEmpty()) fail(pos < src.length() ? "unexpected '" + src.charAt(pos) + "'" : "formula ends early");
        skip();
        if (pos >= src.length() || src.charAt(pos) != '(') {
            if (name.equals("T")) return Formula.TRUE;
            if (name.equals("F")) return Formula.FALSE;
            pos = start;
            fail("expected an atom like them(me), or T or F, at '" + name + "'");
        }
        pos++;
        skip();
        String opponent = name();
        if (opponent.isEmpty()) fail("expected a name inside " + name + "( )");
        if (!eat(")")) fail("expected ')' after " + name + "(" + opponent);
        Formula atom = new Formula.Cooperates(who(name), who(opponent));
        if (eat("=")) {
            skip();
            if (eat("C")) return atom;
            if (eat("D")) return new Formula.Not(atom);
            fail("expected C or D after '='");
        }
        return atom;
    }

    private static Formula.Who who(String name) {
        return switch (name) {
            case "me" -> Formula.Who.ME;
            case "them" -> Formula.Who.THEM;
            default -> new Formula.Who.Named(name);
        };
    }

    private String name() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
        return src.substring(start, pos);
    }

    private boolean eat(String token) {
        skip();
        if (src.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void skip() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
    }

    private void fail(String why) {
        throw new UsageException("modal formula '" + src + "', column " + (pos + 1) + ": " + why);
    }
}
