package org.alignlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.alignlab.core.ClaimChecker;
import org.alignlab.core.Configs;
import org.alignlab.core.Experiment;
import org.alignlab.core.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code alignlab run ID [key=value ...]}: one experiment, its claims checked, everything stored. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one experiment (at quick scale unless told otherwise), check its claims over the seeds, "
                + "store the runs, metrics, figures and verdicts.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    AlignlabCommand root;

    @Parameters(index = "0", paramLabel = "ID", description = "Experiment id (see alignlab list).")
    String id;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "Config overrides (see alignlab describe ID).")
    List<String> overrides = new ArrayList<>();

    @Mixin
    CheckOptions check = new CheckOptions();

    @Override
    public Integer call() {
        Cli cli = root.cli;
        Experiment<?, ?> e = cli.registry().require(id);
        var parsed = Configs.parseAssignments(overrides);
        // Validate the overrides before anything is written to the store.
        Configs.override(e.config(check.scale), parsed);
        RunStore store = cli.store();
        ClaimChecker.Options o = check.toOptions(cli, store);
        store.beginBatch("run " + id, check.scale);
        try {
            var outcome = Checks.check(e, check.scale, parsed, o);
            Checks.print(cli, outcome.claims());
            var first = outcome.runs().get(0);
            cli.out.println("runs: " + String.join(", ", outcome.runs().stream().map(ClaimChecker.SeedRun::runId)
                    .toList()));
            cli.out.println("artifacts: " + store.artifactRoot().resolve(first.runId()));
        } finally {
            store.endBatch();
        }
        return Cli.OK;
    }
}
