package org.alignlab.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alignlab.core.CancellationToken;
import org.alignlab.core.Experiment;
import org.alignlab.core.ExperimentRegistry;
import org.alignlab.landscape.Landscape;

/** Runs the command line in-process against a store in a temporary folder and captures what it prints. */
final class CliHarness {
    record Result(int code, String out, String err) {}

    final Path store;
    final ExperimentRegistry registry;
    final CancellationToken cancel = new CancellationToken();

    CliHarness(Path dir, List<Experiment<?, ?>> experiments) {
        this.store = dir.resolve("runs/alignlab.db");
        this.registry = new ExperimentRegistry(experiments);
    }

    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--store", store.toString()));
        all.addAll(List.of(args));
        return raw(all.toArray(String[]::new));
    }

    Result raw(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = Cli.of(o, e, cancel, registry, Landscape.load()).execute(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
