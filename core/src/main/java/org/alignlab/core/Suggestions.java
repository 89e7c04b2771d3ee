package org.alignlab.core;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean ...?": the ids closest to a mistyped one. */
public final class Suggestions {
    private Suggestions() {}

    /** Up to three candidates: those containing the query or sharing its last dotted part, then by edit distance. */
    public static List<String> closest(String query, Collection<String> candidates) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) return List.of();
        record Scored(String id, int d) {}
        return candidates.stream()
                .map(x -> new Scored(x, x.contains(q) || lastPart(x).equals(lastPart(q)) ? 0 : distance(q, x)))
                .filter(s -> s.d <= Math.max(3, q.length() / 3))
                .sorted(Comparator.comparingInt(Scored::d).thenComparing(Scored::id))
                .limit(3)
                .map(Scored::id)
                .toList();
    }

    private static String lastPart(String id) {
        int dot = id.lastIndexOf('.');
        return dot < 0 ? id : id.substring(dot + 1);
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
