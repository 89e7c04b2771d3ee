package org.alignlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.alignlab.core.Claim;
import org.alignlab.core.Configs;
import org.alignlab.core.Experiment;
import org.alignlab.core.Numbers;
import org.alignlab.core.Scale;
import org.alignlab.core.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code alignlab describe ID}: what an experiment does, its config keys and its claims. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Describe an experiment: summary, sources, config keys (quick and paper defaults, ranges, "
                + "docs), claims and figures.")
final class DescribeCommand implements Callable<Integer> {
    @ParentCommand
    AlignlabCommand root;

    @Parameters(index = "0", paramLabel = "ID", description = "Experiment id (see alignlab list).")
    String id;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    record Key(String key, String type, String quick, String paper, String range, String doc) {}

    record ClaimView(String id, String kind, String statement, String source, double published, String tolerance,
                     int seeds, String setupNote) {}

    record View(String id, String title, String node, String summary, List<String> sources, List<Key> config,
                List<ClaimView> claims, List<String> figures) {}

    @Override
    public Integer call() {
        Cli cli = root.cli;
        Experiment<?, ?> e = cli.registry().require(id);
        View v = view(e);
        if (json) {
            Json.print(cli.out, v);
            return Cli.OK;
        }
        var out = cli.out;
        out.println(v.title() + "  [" + v.id() + "]");
        out.println("map node: " + v.node());
        if (!v.summary().isBlank()) out.println(v.summary());
        out.println();
        out.println("Sources:");
        for (String s : v.sources()) out.println("  " + s);
        out.println();
        out.println("Config (override with key=value):");
        Table t = new Table("KEY", "TYPE", "QUICK", "PAPER", "RANGE", "MEANING");
        for (Key k : v.config()) t.row(k.key(), k.type(), k.quick(), k.paper(), k.range(), k.doc());
        t.print(out);
        out.println();
        out.println("Claims:");
        for (ClaimView c : v.claims()) {
            out.println("  " + c.id() + " (" + c.kind() + ", " + c.seeds() + " seed" + (c.seeds() == 1 ? "" : "s")
                    + "): " + c.statement());
            out.println("    " + (c.kind().equals("demonstration") ? "threshold " : "published ")
                    + Numbers.fmt(c.published()) + ", tolerance " + c.tolerance() + "; " + c.source());
            if (!c.setupNote().isBlank()) out.println("    setup here: " + c.setupNote());
        }
        if (!v.figures().isEmpty()) {
            out.println();
            out.println("Figures: " + String.join(", ", v.figures()));
        }
        return Cli.OK;
    }

    static <C extends Record, R extends Record> View view(Experiment<C, R> e) {
        var quick = Configs.describe(e.config(Scale.QUICK));
        var paper = Configs.describe(e.config(Scale.PAPER));
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < quick.size(); i++) {
            var q = quick.get(i);
            keys.add(new Key(q.key(), q.type(), q.defaultValue(), paper.get(i).defaultValue(), q.range(), q.doc()));
        }
        List<ClaimView> claims = new ArrayList<>();
        for (Claim<R> c : e.claims()) {
            claims.add(new ClaimView(c.id(), c.demonstration() ? "demonstration" : "published", c.statement(),
                    c.source().cite(), c.published(), c.tolerance().describe(), c.seeds(), c.setupNote()));
        }
        return new View(e.info().id(), e.info().title(), e.info().node(), e.info().summary(),
                e.info().sources().stream().map(Source::cite).toList(), keys, claims,
                e.figures().stream().map(f -> f.id() + " (" + f.title() + ")").toList());
    }
}
