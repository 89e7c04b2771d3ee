package org.alignlab.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.alignlab.core.UsageException;
import org.alignlab.core.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code alignlab report}: rewrite the HTML report from the store. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the self-contained HTML report of the latest batch of claim checks (or --batch).")
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    AlignlabCommand root;

    @Option(names = "--batch", paramLabel = "ID", description = "Which batch (default: the newest with claims).")
    String batch;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Default: report.html next to the store.")
    Path output;

    @Override
    public Integer call() {
        Cli cli = root.cli;
        RunStore store = RunsCommand.requireStore(cli);
        String b = batch != null ? batch : store.latestBatchWithClaims().orElseThrow(() -> new UsageException(
                "the store holds no claim results yet; run `alignlab reproduce` first"));
        if (store.claimResults(b).isEmpty()) throw new UsageException("batch '" + b + "' has no claim results");
        Path out = output != null ? output : store.file().getParent().resolve("report.html");
        HtmlReport.write(store, cli.landscape(), cli.registry(), b, out);
        cli.out.println("report: " + out);
        return Cli.OK;
    }
}
