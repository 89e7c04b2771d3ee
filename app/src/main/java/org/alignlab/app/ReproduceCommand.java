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
import org.alignlab.core.Scale;
import org.alignlab.core.UsageException;
import org.alignlab.core.Verdict;
import org.alignlab.core.store.RunStore;
import picocli.CommandLine.Command;
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

    @Option(names = "--scale", paramLabel = "quick|paper", description = "quick (default, seconds) or paper.",
            converter = ScaleConverter.class)
    Scale scale = Scale.QUICK;

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds per claim (default: each claim's own).")
    Integer seeds;

    @Option(names = "--seed", paramLabel = "S", description = "Base seed (default 1).")
    long seed = 1;

    @Option(names = "--threads", paramLabel = "T", description = "Seeds run in parallel (default: the cores).")
    Integer threads;

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
        ClaimChecker.Options o = Checks.options(cli, store, scale, seed, seeds, threads);
        String batch = store.beginBatch("reproduce" + (node == null ? "" : " --node " + node), scale);
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        boolean failed = false;
        try (Progress bar = o.progress().start("reproduce", chosen.size())) {
            for (Experiment<?, ?> e : chosen) {
                List<ClaimResult> results;
                try {
                    results = Checks.check(e, scale, Map.of(), o).claims();
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
