package org.alignlab.games.normal;

import java.util.Arrays;

/** A mixed-strategy profile of a bimatrix game with both players' expected payoffs. */
public record MixedEquilibrium(double[] row, double[] column, double rowPayoff, double columnPayoff) {
    public MixedEquilibrium {
        row = row.clone();
        column = column.clone();
    }

    public double welfare() {
        return rowPayoff + columnPayoff;
    }

    /** The same profile as {@code other}, every probability within {@code tol}. */
    public boolean sameAs(MixedEquilibrium other, double tol) {
        if (row.length != other.row.length || column.length != other.column.length) return false;
        for (int i = 0; i < row.length; i++) if (Math.abs(row[i] - other.row[i]) > tol) return false;
        for (int j = 0; j < column.length; j++) if (Math.abs(column[j] - other.column[j]) > tol) return false;
        return true;
    }

    @Override
    public double[] row() {
        return row.clone();
    }

    @Override
    public double[] column() {
        return column.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MixedEquilibrium e && Arrays.equals(row, e.row) && Arrays.equals(column, e.column)
                && Double.compare(rowPayoff, e.rowPayoff) == 0 && Double.compare(columnPayoff, e.columnPayoff) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(row) + Arrays.hashCode(column);
    }

    @Override
    public String toString() {
        return "x=" + Arrays.toString(row) + " y=" + Arrays.toString(column) + " payoffs=(" + rowPayoff + ", " + columnPayoff + ")";
    }
}
