package org.alignlab.core;

import java.util.Objects;

/**
 * A published source: who, when, what, and where in it (table, figure, theorem or section).
 *
 * @param authors as the paper lists them, abbreviated with "et al." beyond three
 * @param year    year of publication
 * @param title   the paper's title
 * @param where   the place in the paper a number comes from, e.g. "Theorem 1" or "Fig. 3"; may be empty
 */
public record Source(String authors, int year, String title, String where) {
    public Source {
        Objects.requireNonNull(authors, "authors");
        Objects.requireNonNull(title, "title");
        where = where == null ? "" : where;
    }

    public static Source of(String authors, int year, String title) {
        return new Source(authors, year, title, "");
    }

    /** The same paper, pointing at another place in it. */
    public Source at(String place) {
        return new Source(authors, year, title, place);
    }

    /** "Hadfield-Menell et al. 2017, The Off-Switch Game, Theorem 1". */
    public String cite() {
        String base = authors + " " + year + ", " + title;
        return where.isEmpty() ? base : base + ", " + where;
    }
}
