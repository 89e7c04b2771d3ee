package org.alignlab.app;

import org.alignlab.core.ClaimChecker;
import org.alignlab.core.Scale;
import org.alignlab.core.store.RunStore;
import picocli.CommandLine.Option;

/** The options shared by `run` and `reproduce`: scale, seeds, base seed, threads. */
final class CheckOptions {
    @Option(names = "--scale", paramLabel = "quick|paper", description = "Preset: quick (default, seconds) or paper.",
            converter = ScaleConverter.class)
    Scale scale = Scale.QUICK;

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds per claim (default: each claim's own).")
    Integer seeds;

    @Option(names = "--seed", paramLabel = "S", description = "Base seed; replicate 0 uses it as is (default 1).")
    long seed = 1;

    @Option(names = "--threads", paramLabel = "T", description = "Seeds run in parallel (default: the cores).")
    Integer threads;

    ClaimChecker.Options toOptions(Cli cli, RunStore store) {
        return Checks.options(cli, store, scale, seed, seeds, threads);
    }
}
