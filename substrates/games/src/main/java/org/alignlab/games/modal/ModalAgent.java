package org.alignlab.games.modal;

import java.util.Objects;
import java.util.Set;
import org.alignlab.core.UsageException;

/**
 * A modal agent (Barasz et al. 2014, Definition 3): it cooperates with an opponent exactly when its formula holds,
 * and the formula must be <i>fully modalized</i>: every reference to an action of any agent sits inside a box. That
 * is what makes a match well-founded (its outcome is the unique fixed point of the agents' formulas); an agent that
 * refers to an action outside a box is refused.
 *
 * @param name        the agent's name, used by other agents' formulas
 * @param cooperates  when the agent cooperates, from its own point of view ({@code me}, {@code them})
 * @param description one line in our words
 */
public record ModalAgent(String name, Formula cooperates, String description) {
    public ModalAgent {
        Objects.requireNonNull(cooperates, "formula");
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new UsageException("a modal agent needs a name of letters, digits and '_' starting with a letter"
                    + " (got " + (name == null ? "none" : "'" + name + "'") + ")");
        }
        if (name.equals("me") || name.equals("them")) {
            throw new UsageException("'" + name + "' is reserved in formulas; give the agent another name");
        }
        Set<Formula.Cooperates> bare = cooperates.unboxedAtoms();
        if (!bare.isEmpty()) {
            Formula.Cooperates a = bare.iterator().next();
            throw new UsageException("agent " + name + " is not well-founded: '" + a.player() + "(" + a.opponent()
                    + ")' appears outside a box ([]); a modal agent may only refer to actions through provability");
        }
    }

    /** Parses the formula with {@link FormulaParser}. */
    public static ModalAgent of(String name, String formula, String description) {
        return new ModalAgent(name, FormulaParser.parse(formula), description);
    }

    @Override
    public String toString() {
        return name + ": C iff " + cooperates.show();
    }
}
