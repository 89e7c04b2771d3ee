package org.alignlab.core;

import java.util.Locale;

/** Number formatting for tables and reports: four significant digits, plain where possible. */
public final class Numbers {
    private Numbers() {}

    public static String fmt(double x) {
        if (Double.isNaN(x)) return "–";
        if (Double.isInfinite(x)) return x > 0 ? "∞" : "-∞";
        if (x == 0) return "0";
        double a = Math.abs(x);
        if (a >= 1e5 || a < 1e-3) return String.format(Locale.ROOT, "%.3e", x);
        String s = String.format(Locale.ROOT, "%.4g", x);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
