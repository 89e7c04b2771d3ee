package org.alignlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.alignlab.core.ClaimChecker;
import org.alignlab.core.Configs;
import org.alignlab.core.Experiment;
import org.alignlab.core.Scale;
import org.alignlab.core.store.RunStore;
import picocli.CommandLine.Command;
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

    @Option(names = "--scale", paramLabel = "quick|paper", description = "Preset to start from (default: quick).",
            converter = ScaleConverter.class)
    Scale scale = Scale.QUICK;

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds per claim (default: each claim's own).")
    Integer seeds;

    @Option(names = "--seed", paramLabel = "S", description = "Base seed; replicate 0 uses it as is (default 1).")
    long seed = 1;

    @Option(names = "--threads", paramLabel = "T", description = "Seeds run in parallel (default: the cores).")
    Integer threads;

    @Override
    public Integer call() {
        Cli cli = root.cli;
        Experiment<?, ?> e = cli.registry().require(id);
        var parsed = Configs.parseAssignments(overrides);
        // Validate the overrides before anything is written to the store.
        Configs.override(e.config(scale), parsed);
        RunStore store = cli.store();
        ClaimChecker.Options o = Checks.options(cli, store, scale, seed, seeds, threads);
        store.beginBatch("run " + id, scale);
        try {
            var outcome = Checks.check(e, scale, parsed, o);
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
