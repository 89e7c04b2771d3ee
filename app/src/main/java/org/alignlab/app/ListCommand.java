package org.alignlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alignlab.core.Experiment;
import org.alignlab.core.Source;
import org.alignlab.core.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code alignlab list}: every experiment with its node, sources and last measured quick run time. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the experiments: id, map node, sources, and the wall time of the last quick run "
                + "stored (blank until one has run).")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    AlignlabCommand root;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--node", paramLabel = "NODE", description = "Only experiments at this node or below it.")
    String node;

    /** One experiment as listed. */
    record Row(String id, String title, String node, List<String> sources, Long quickMillis) {}

    @Override
    public Integer call() {
        Cli cli = root.cli;
        RunStore store = cli.storeIfExists();
        Map<String, Long> times = store == null ? Map.of() : store.lastQuickWallMillis();
        List<Row> rows = new ArrayList<>();
        for (Experiment<?, ?> e : cli.experimentsUnder(node)) {
            rows.add(new Row(e.info().id(), e.info().title(), e.info().node(),
                    e.info().sources().stream().map(ListCommand::shortCite).distinct().toList(),
                    times.get(e.info().id())));
        }
        if (json) {
            Json.print(cli.out, rows);
            return Cli.OK;
        }
        Table t = new Table("EXPERIMENT", "NODE", "SOURCES", "QUICK RUN");
        for (Row r : rows) {
            t.row(r.id(), r.node(), String.join("; ", r.sources()),
                    r.quickMillis() == null ? "" : String.format("%.1f s", r.quickMillis() / 1000.0));
        }
        t.print(cli.out);
        return Cli.OK;
    }

    static String shortCite(Source s) {
        String a = s.authors();
        int comma = a.indexOf(',');
        String first = comma < 0 ? a : a.substring(0, comma);
        if (comma >= 0 || a.contains(" et al")) first = first.replace(" et al.", "") + " et al.";
        return first + " " + s.year();
    }
}
