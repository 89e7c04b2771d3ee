package org.alignlab.app;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alignlab.core.CancellationToken;
import org.alignlab.core.ClaimChecker;
import org.alignlab.core.ClaimResult;
import org.alignlab.core.Experiment;
import org.alignlab.core.Progress;
import org.alignlab.core.UsageException;
import org.alignlab.core.Verdict;
import org.alignlab.core.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code alignlab reproduce}: every claim at and below a node, then the HTML report. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Run every experiment (or those at and below --node), check every claim, print one line per "
                + "claim and write the HTML report next to the store.")
final class ReproduceCommand implements Callable<Integer> {
    @ParentCommand
    AlignlabCommand root;

    @Option(names = "--node", paramLabel = "NODE", description = "Only this map node and those below it.")
    String node;

    @Mixin
    CheckOptions check = new CheckOptions();

    @Option(names = "--report", paramLabel = "FILE", description = "Where to write the report (default: report.html "
            + "next to the store).")
    Path report;

    @Override
    public Integer call() {
        Cli cli = root.cli;
        List<Experiment<?, ?>> chosen = cli.experimentsUnder(node);
        if (chosen.isEmpty()) {
            throw new UsageException("no experiment sits at " + node + " or below it yet; see `alignlab landscape`");
        }
        RunStore store = cli.store();
        ClaimChecker.Options o = check.toOptions(cli, store);
        String batch = store.beginBatch("reproduce" + (node == null ? "" : " --node " + node), check.scale);
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        boolean failed = false;
        try (Progress bar = o.progress().start("reproduce", chosen.size())) {
            for (Experiment<?, ?> e : chosen) {
                List<ClaimResult> results;
                try {
                    results = Checks.check(e, check.scale, Map.of(), o).claims();
                } catch (UsageException | CancellationToken.CancelledException ex) {
                    throw ex;
                } catch (RuntimeException ex) {
                    failed = true;
                    results = errors(e);
                    store.claims(results);
                    cli.handle(ex);
                }
                Checks.print(cli, results);
                for (ClaimResult r : results) counts.merge(r.verdict(), 1, Integer::sum);
                bar.advance(1);
            }
        } finally {
            store.endBatch();
        }
        Path out = report != null ? report : store.file().getParent().resolve("report.html");
        HtmlReport.write(store, cli.landscape(), cli.registry(), batch, out);
        StringBuilder sum = new StringBuilder();
        counts.forEach((v, n) -> sum.append(sum.isEmpty() ? "" : ", ").append(n).append(' ').append(v.name()));
        cli.out.println("claims: " + sum);
        cli.out.println("report: " + out);
        return failed ? Cli.BUG : Cli.OK;
    }

    private static <R extends Record> List<ClaimResult> errors(Experiment<?, R> e) {
        return e.claims().stream().map(c -> ClaimResult.error(e.info(), c, List.of())).toList();
    }
}
