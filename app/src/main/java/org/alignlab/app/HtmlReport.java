package org.alignlab.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alignlab.core.ClaimResult;
import org.alignlab.core.Experiment;
import org.alignlab.core.ExperimentRegistry;
import org.alignlab.core.Numbers;
import org.alignlab.core.UsageException;
import org.alignlab.core.Verdict;
import org.alignlab.core.store.RunStore;
import org.alignlab.landscape.Landscape;
import org.alignlab.landscape.Node;

/**
 * The self-contained HTML report of one batch: claims grouped by map node (published, measured mean and 95%
 * interval, verdict, source), each experiment's figures (embedded PNG), and every run's provenance.
 */
final class HtmlReport {
    private HtmlReport() {}

    static void write(RunStore store, Landscape map, ExperimentRegistry registry, String batch, Path out) {
        String html = render(store, map, registry, batch);
        try {
            Path dir = out.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            Files.writeString(out, html, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UsageException("cannot write the report to " + out + ": " + ex.getMessage());
        }
    }

    static String render(RunStore store, Landscape map, ExperimentRegistry registry, String batch) {
        List<ClaimResult> claims = store.claimResults(batch);
        Map<String, List<ClaimResult>> byNode = new LinkedHashMap<>();
        for (Node n : map.nodes()) byNode.put(n.id(), new ArrayList<>());
        for (ClaimResult c : claims) byNode.computeIfAbsent(c.node(), k -> new ArrayList<>()).add(c);
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (ClaimResult c : claims) counts.merge(c.verdict(), 1, Integer::sum);

        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>alignlab report</title><style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>alignlab: reproduction report</h1>\n<p class=\"meta\">batch ").append(esc(batch))
                .append(", written ").append(esc(Instant.now().toString())).append(", ").append(claims.size())
                .append(" claims: ");
        List<String> parts = new ArrayList<>();
        counts.forEach((v, n) -> parts.add("<span class=\"v " + v.name() + "\">" + n + " " + v.name() + "</span>"));
        h.append(String.join(" ", parts)).append("</p>\n");
        h.append("<p class=\"meta\">A claim is REPRODUCED when the 95% interval of the measurement over its seeds "
                + "lies inside the published number's tolerance band, NOT_REPRODUCED when it lies outside, "
                + "INCONCLUSIVE when it straddles an edge. Demonstrations have no published number: they say "
                + "DEMONSTRATED or NOT_DEMONSTRATED.</p>\n");

        mapOverview(h, map, claims);
        Set<String> experimentsDone = new LinkedHashSet<>();
        for (Map.Entry<String, List<ClaimResult>> e : byNode.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            Node node = map.find(e.getKey()).orElse(null);
            h.append("<section><h2>").append(esc(node == null ? e.getKey() : node.title()))
                    .append(" <code>").append(esc(e.getKey())).append("</code></h2>\n");
            if (node != null) h.append("<p class=\"summary\">").append(esc(node.summary())).append("</p>\n");
            h.append("<table><thead><tr><th>verdict</th><th>claim</th><th>published</th><th>band</th>")
                    .append("<th>measured mean</th><th>95% interval</th><th>n</th><th>source</th></tr></thead><tbody>\n");
            for (ClaimResult c : e.getValue()) {
                h.append("<tr><td><span class=\"v ").append(c.verdict().name()).append("\">")
                        .append(c.verdict().name()).append("</span></td><td><b>").append(esc(c.experiment()))
                        .append("#").append(esc(c.claim())).append("</b><br>").append(esc(c.statement()));
                if (!c.setupNote().isBlank()) {
                    h.append("<br><i>Setup here: ").append(esc(c.setupNote())).append("</i>");
                }
                h.append("</td><td>").append(c.demonstration() ? "threshold " : "").append(Numbers.fmt(c.published()))
                        .append(" (").append(esc(c.tolerance())).append(")</td><td>").append(esc(c.band()))
                        .append("</td><td>").append(Numbers.fmt(c.mean())).append("</td><td>")
                        .append(esc(c.interval())).append("</td><td>").append(c.n()).append("</td><td>")
                        .append(esc(c.source())).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
            Set<String> exps = new LinkedHashSet<>();
            for (ClaimResult c : e.getValue()) exps.add(c.experiment());
            for (String exp : exps) {
                if (!experimentsDone.add(exp)) continue;
                experimentSection(h, store, registry, exp, e.getValue());
            }
            h.append("</section>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    /** The whole map, one row per node, with how many of this batch's claims sit at or below it and held. */
    private static void mapOverview(StringBuilder h, Landscape map, List<ClaimResult> claims) {
        h.append("<h2>The map</h2>\n<table class=\"map\"><thead><tr><th>node</th><th>claims held / checked "
                + "(at and below)</th></tr></thead><tbody>\n");
        for (Node n : map.nodes()) {
            Set<String> under = Set.copyOf(map.subtree(n.id()));
            int total = 0;
            int held = 0;
            for (ClaimResult c : claims) {
                if (!under.contains(c.node())) continue;
                total++;
                if (c.verdict().held()) held++;
            }
            h.append("<tr><td style=\"padding-left:").append(0.5 + 1.5 * map.depth(n.id())).append("em\">")
                    .append(esc(n.title())).append(" <code>").append(esc(n.id())).append("</code></td><td>")
                    .append(total == 0 ? "<span class=\"meta\">no experiment run</span>" : held + " / " + total)
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void experimentSection(StringBuilder h, RunStore store, ExperimentRegistry registry, String exp,
                                          List<ClaimResult> claims) {
        Experiment<?, ?> e = registry.find(exp).orElse(null);
        h.append("<h3>").append(esc(e == null ? exp : e.info().title())).append(" <code>").append(esc(exp))
                .append("</code></h3>\n");
        if (e != null && !e.info().summary().isBlank()) {
            h.append("<p>").append(esc(e.info().summary())).append("</p>\n");
        }
        Set<String> runIds = new LinkedHashSet<>();
        for (ClaimResult c : claims) if (c.experiment().equals(exp)) runIds.addAll(c.runIds());
        boolean figures = false;
        // Figures and episode GIFs of the first seed's run; every run's provenance below.
        for (String run : runIds.stream().limit(1).toList()) {
            for (Map.Entry<String, Path> a : store.artifacts(run).entrySet()) {
                String kind = a.getKey().endsWith(".png") ? "png" : a.getKey().endsWith(".gif") ? "gif" : null;
                if (kind == null || !Files.isRegularFile(a.getValue())) continue;
                try {
                    String b64 = Base64.getEncoder().encodeToString(Files.readAllBytes(a.getValue()));
                    h.append("<figure><img alt=\"").append(esc(a.getKey())).append("\" src=\"data:image/")
                            .append(kind).append(";base64,")
                            .append(b64).append("\"><figcaption>").append(esc(a.getKey())).append(" (run ")
                            .append(esc(run)).append(")</figcaption></figure>\n");
                    figures = true;
                } catch (IOException ex) {
                    h.append("<p>figure ").append(esc(a.getKey())).append(" could not be read</p>\n");
                }
            }
        }
        if (!figures) h.append("<p class=\"meta\">no figures stored for these runs</p>\n");
        h.append("<details><summary>provenance of ").append(runIds.size()).append(" run(s)</summary>\n");
        for (String run : runIds) {
            h.append("<h4>run ").append(esc(run)).append("</h4><pre>")
                    .append(esc(store.provenanceJson(run).map(RunStore::pretty).orElse("(none)"))).append("</pre>\n");
        }
        h.append("</details>\n");
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
            h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
            code{font-size:.85em;color:#555}.meta{color:#555}.summary{color:#333;font-style:italic}
            table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #ddd;padding:4px 6px;
            vertical-align:top;text-align:left}th{background:#f4f4f4}
            .v{font-weight:bold;padding:1px 5px;border-radius:3px;white-space:nowrap}
            .REPRODUCED,.DEMONSTRATED{background:#d4f4d4;color:#145214}
            .NOT_REPRODUCED,.NOT_DEMONSTRATED{background:#f8d4d4;color:#7a1010}
            .INCONCLUSIVE{background:#fbf0c8;color:#6b5500}.ERROR{background:#ddd;color:#000}
            figure{display:inline-block;margin:.5em}img{max-width:520px;border:1px solid #eee;image-rendering:pixelated}
            figcaption{font-size:.8em;color:#555}pre{background:#f8f8f8;padding:.5em;overflow:auto;font-size:.8em}
            """;
}
