package org.alignlab.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.alignlab.core.MetricLog;
import org.alignlab.core.Numbers;
import org.alignlab.core.UsageException;
import org.alignlab.core.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code alignlab runs}: look at what the store holds. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "Inspect stored runs.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.Show.class, RunsCommand.Export.class,
                RunsCommand.Compare.class})
final class RunsCommand implements Callable<Integer> {
    @ParentCommand
    AlignlabCommand root;

    @Override
    public Integer call() {
        return new ListRuns().list(root.cli, null, 20, false);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List stored runs, newest first.")
    static final class ListRuns implements Callable<Integer> {
        @ParentCommand
        RunsCommand parent;

        @Option(names = "--experiment", paramLabel = "ID", description = "Only runs of this experiment.")
        String experiment;

        @Option(names = "--limit", paramLabel = "N", description = "At most N runs (default 50).")
        int limit = 50;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return list(parent.root.cli, experiment, limit, json);
        }

        Integer list(Cli cli, String exp, int max, boolean asJson) {
            if (max < 1) throw new UsageException("--limit must be at least 1");
            RunStore store = cli.storeIfExists();
            List<RunStore.RunRow> rows = store == null ? List.of() : store.runs(exp, max);
            if (asJson) {
                Json.print(cli.out, rows);
                return Cli.OK;
            }
            if (rows.isEmpty()) {
                cli.out.println("no runs stored in " + cli.resolvedStorePath() + " yet; try `alignlab reproduce`");
                return Cli.OK;
            }
            Table t = new Table("RUN", "EXPERIMENT", "SCALE", "SEED", "STATUS", "STARTED");
            for (var r : rows) t.row(r.id(), r.experiment(), r.scale(), r.seed(), r.status(), r.startedAt());
            t.print(cli.out);
            return Cli.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one run: status, params, provenance, result, last metric values, artifacts.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        RunsCommand parent;

        @Parameters(index = "0", paramLabel = "RUN", description = "Run id (or a unique prefix).")
        String run;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            Cli cli = parent.root.cli;
            RunStore store = requireStore(cli);
            RunStore.RunRow r = store.run(run);
            Map<String, Object> doc = document(store, r, false);
            if (json) {
                Json.print(cli.out, doc);
                return Cli.OK;
            }
            PrintStream out = cli.out;
            out.println("run " + r.id() + "  " + r.experiment() + "  " + r.status());
            out.println("scale " + r.scale() + ", seed " + r.seed() + ", started " + r.startedAt()
                    + (r.endedAt() == null ? "" : ", ended " + r.endedAt()));
            if (r.error() != null) out.println("error: " + r.error());
            out.println("params:");
            store.params(r.id()).forEach((k, v) -> out.println("  " + k + " = " + v));
            MetricLog m = store.metrics(r.id());
            if (!m.names().isEmpty()) {
                out.println("metrics (points, last step, last value):");
                for (String n : m.names()) {
                    var s = m.series(n);
                    var last = s.get(s.size() - 1);
                    out.println("  " + n + ": " + s.size() + ", " + last.step() + ", " + Numbers.fmt(last.value()));
                }
            }
            store.resultJson(r.id()).ifPresent(j -> out.println("result:\n" + RunStore.pretty(j)));
            store.provenanceJson(r.id()).ifPresent(j -> out.println("provenance:\n" + RunStore.pretty(j)));
            var arts = store.artifacts(r.id());
            if (!arts.isEmpty()) {
                out.println("artifacts:");
                arts.forEach((k, v) -> out.println("  " + v));
            }
            return Cli.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export runs (all, or those named) with their metrics as CSV (one row per metric point) "
                    + "or JSON (params, provenance, result and metrics per run).")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        RunsCommand parent;

        @Parameters(paramLabel = "RUN", arity = "0..*", description = "Run ids (default: every run, newest first).")
        List<String> runs = new ArrayList<>();

        @Option(names = "--format", paramLabel = "csv|json", required = true, description = "csv or json.")
        String format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of stdout.")
        Path output;

        @Option(names = "--experiment", paramLabel = "ID", description = "Only runs of this experiment.")
        String experiment;

        @Override
        public Integer call() throws IOException {
            Cli cli = parent.root.cli;
            if (!format.equals("csv") && !format.equals("json")) {
                throw new UsageException("--format must be csv or json (got '" + format + "')");
            }
            RunStore store = requireStore(cli);
            List<RunStore.RunRow> rows = new ArrayList<>();
            if (runs.isEmpty()) rows.addAll(store.runs(experiment, Integer.MAX_VALUE));
            else for (String id : runs) rows.add(store.run(id));
            String text;
            if (format.equals("json")) {
                List<Map<String, Object>> docs = new ArrayList<>();
                for (var r : rows) docs.add(document(store, r, true));
                text = Json.write(docs) + "\n";
            } else {
                StringBuilder sb = new StringBuilder("run_id,experiment,scale,seed,status,step,metric,value\n");
                for (var r : rows) {
                    MetricLog m = store.metrics(r.id());
                    for (String n : m.names()) {
                        for (var p : m.series(n)) {
                            sb.append(csv(r.id())).append(',').append(csv(r.experiment())).append(',')
                                    .append(r.scale()).append(',').append(r.seed()).append(',').append(r.status())
                                    .append(',').append(p.step()).append(',').append(csv(n)).append(',')
                                    .append(Double.isNaN(p.value()) ? "" : Double.toString(p.value())).append('\n');
                        }
                    }
                }
                text = sb.toString();
            }
            if (output == null) {
                cli.out.print(text);
            } else {
                try {
                    Path parentDir = output.toAbsolutePath().getParent();
                    if (parentDir != null) Files.createDirectories(parentDir);
                    Files.writeString(output, text, StandardCharsets.UTF_8);
                } catch (IOException ex) {
                    throw new UsageException("cannot write " + output + ": " + ex.getMessage());
                }
                cli.out.println("wrote " + rows.size() + " run(s) to " + output);
            }
            return Cli.OK;
        }

        private static String csv(String s) {
            return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compare two runs: params that differ, and for each metric the paired deltas B − A over "
                    + "the steps both logged.")
    static final class Compare implements Callable<Integer> {
        @ParentCommand
        RunsCommand parent;

        @Parameters(index = "0", paramLabel = "A", description = "First run.")
        String a;

        @Parameters(index = "1", paramLabel = "B", description = "Second run.")
        String b;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        /** Paired deltas of one metric. */
        record MetricDelta(String metric, int pairs, double meanDelta, double maxAbsDelta, double lastA, double lastB,
                           double lastDelta) {}

        record ParamDiff(String key, String a, String b) {}

        record Comparison(String a, String b, List<ParamDiff> params, List<MetricDelta> metrics,
                          List<String> onlyInA, List<String> onlyInB) {}

        @Override
        public Integer call() {
            Cli cli = parent.root.cli;
            RunStore store = requireStore(cli);
            var ra = store.run(a);
            var rb = store.run(b);
            Comparison c = compare(store, ra, rb);
            if (json) {
                Json.print(cli.out, c);
                return Cli.OK;
            }
            PrintStream out = cli.out;
            out.println("A = " + ra.id() + " (" + ra.experiment() + ", seed " + ra.seed() + ")");
            out.println("B = " + rb.id() + " (" + rb.experiment() + ", seed " + rb.seed() + ")");
            if (c.params().isEmpty()) out.println("params: identical");
            else {
                Table t = new Table("PARAM", "A", "B");
                for (var p : c.params()) t.row(p.key(), p.a(), p.b());
                t.print(out);
            }
            out.println();
            if (c.metrics().isEmpty()) out.println("no metric logged at the same steps by both runs");
            else {
                Table t = new Table("METRIC", "PAIRS", "MEAN B-A", "MAX |B-A|", "LAST A", "LAST B", "LAST B-A");
                for (var m : c.metrics()) {
                    t.row(m.metric(), m.pairs(), Numbers.fmt(m.meanDelta()), Numbers.fmt(m.maxAbsDelta()),
                            Numbers.fmt(m.lastA()), Numbers.fmt(m.lastB()), Numbers.fmt(m.lastDelta()));
                }
                t.print(out);
            }
            if (!c.onlyInA().isEmpty()) out.println("only in A: " + String.join(", ", c.onlyInA()));
            if (!c.onlyInB().isEmpty()) out.println("only in B: " + String.join(", ", c.onlyInB()));
            return Cli.OK;
        }

        static Comparison compare(RunStore store, RunStore.RunRow ra, RunStore.RunRow rb) {
            Map<String, String> pa = store.params(ra.id());
            Map<String, String> pb = store.params(rb.id());
            Set<String> keys = new LinkedHashSet<>(pa.keySet());
            keys.addAll(pb.keySet());
            List<ParamDiff> diffs = new ArrayList<>();
            for (String k : keys) {
                String va = pa.get(k);
                String vb = pb.get(k);
                if (va == null ? vb != null : !va.equals(vb)) diffs.add(new ParamDiff(k, va, vb));
            }
            MetricLog ma = store.metrics(ra.id());
            MetricLog mb = store.metrics(rb.id());
            List<MetricDelta> deltas = new ArrayList<>();
            List<String> onlyA = new ArrayList<>();
            List<String> onlyB = new ArrayList<>(mb.names());
            onlyB.removeAll(ma.names());
            for (String n : ma.names()) {
                if (!mb.names().contains(n)) {
                    onlyA.add(n);
                    continue;
                }
                Map<Long, Double> byStepB = new LinkedHashMap<>();
                for (var p : mb.series(n)) byStepB.put(p.step(), p.value());
                int pairs = 0;
                double sum = 0;
                double maxAbs = 0;
                double lastA = Double.NaN;
                double lastB = Double.NaN;
                for (var p : ma.series(n)) {
                    Double vb = byStepB.get(p.step());
                    if (vb == null) continue;
                    double d = vb - p.value();
                    pairs++;
                    sum += d;
                    maxAbs = Math.max(maxAbs, Math.abs(d));
                    lastA = p.value();
                    lastB = vb;
                }
                if (pairs > 0) deltas.add(new MetricDelta(n, pairs, sum / pairs, maxAbs, lastA, lastB, lastB - lastA));
            }
            return new Comparison(ra.id(), rb.id(), diffs, deltas, onlyA, onlyB);
        }
    }

    static RunStore requireStore(Cli cli) {
        RunStore store = cli.storeIfExists();
        if (store == null) {
            throw new UsageException("no store at " + cli.resolvedStorePath() + "; run `alignlab reproduce` first or "
                    + "give --store");
        }
        return store;
    }

    static Map<String, Object> document(RunStore store, RunStore.RunRow r, boolean withMetrics) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("run", r);
        doc.put("params", store.params(r.id()));
        doc.put("provenance", store.provenanceJson(r.id()).map(RunsCommand::tree).orElse(null));
        doc.put("result", store.resultJson(r.id()).map(RunsCommand::tree).orElse(null));
        Map<String, String> arts = new LinkedHashMap<>();
        store.artifacts(r.id()).forEach((k, v) -> arts.put(k, v.toString()));
        doc.put("artifacts", arts);
        if (withMetrics) doc.put("metrics", store.metrics(r.id()).asMap());
        return doc;
    }

    private static Object tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException ex) {
            return json;
        }
    }
}
