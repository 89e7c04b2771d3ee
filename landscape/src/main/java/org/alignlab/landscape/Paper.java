package org.alignlab.landscape;

import java.util.Objects;
import org.alignlab.core.Source;

/**
 * A published work that anchors a node of the map.
 *
 * @param authors surnames separated by commas, or a first surname and "et al."
 * @param year    year of publication
 * @param title   the work's title
 */
public record Paper(String authors, int year, String title) {
    public Paper {
        Objects.requireNonNull(authors, "authors");
        Objects.requireNonNull(title, "title");
    }

    /** The authors as {@link Source} lists them: abbreviated with "et al." beyond three. */
    public String shortAuthors() {
        String[] names = authors.split(",");
        return names.length > 3 ? names[0].strip() + " et al." : authors;
    }

    /** This work as a core {@link Source}, for experiments that cite it. */
    public Source toSource() {
        return Source.of(shortAuthors(), year, title);
    }

    /** "Turner et al. 2021, Optimal Policies Tend to Seek Power". */
    public String cite() {
        return shortAuthors() + " " + year + ", " + title;
    }
}
