package org.alignlab.app;

import java.util.List;
import java.util.Map;
import org.alignlab.core.ClaimChecker;
import org.alignlab.core.ClaimResult;
import org.alignlab.core.Configs;
import org.alignlab.core.Experiment;
import org.alignlab.core.Numbers;
import org.alignlab.core.Scale;
import org.alignlab.core.UsageException;
import org.alignlab.core.store.RunStore;

/** Runs an experiment's claim check against the store and prints one line per claim. */
final class Checks {
    private Checks() {}

    /** The seeds and threads options shared by run and reproduce. */
    static ClaimChecker.Options options(Cli cli, RunStore store, Scale scale, long seed, Integer seeds,
                                        Integer threads) {
        if (seeds != null && seeds < 1) throw new UsageException("--seeds must be at least 1 (got " + seeds + ")");
        if (threads != null && threads < 1) throw new UsageException("--threads must be at least 1 (got " + threads + ")");
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return new ClaimChecker.Options(scale, seed, seeds == null ? 0 : seeds, t, true, store, cli.progress(),
                cli.cancel);
    }

    static <C extends Record, R extends Record> ClaimChecker.Outcome<R> check(Experiment<C, R> e, Scale scale,
                                                                             Map<String, String> overrides,
                                                                             ClaimChecker.Options o) {
        C config = Configs.override(e.config(scale), overrides);
        return ClaimChecker.check(e, config, o);
    }

    static String line(ClaimResult r) {
        String what = r.demonstration() ? "threshold " : "published ";
        return String.format("%-16s %s#%s  %s%s %s  measured %s %s  (n=%d)", r.verdict().name(), r.experiment(),
                r.claim(), what, Numbers.fmt(r.published()), r.tolerance(), Numbers.fmt(r.mean()), r.interval(), r.n());
    }

    static void print(Cli cli, List<ClaimResult> results) {
        for (ClaimResult r : results) cli.println(line(r));
    }
}
