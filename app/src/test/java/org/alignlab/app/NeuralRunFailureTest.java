package org.alignlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import org.alignlab.core.Claim;
import org.alignlab.core.Experiment;
import org.alignlab.core.ExperimentInfo;
import org.alignlab.core.Param;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.Source;
import org.alignlab.core.Tolerance;
import org.alignlab.core.store.RunStore;
import org.alignlab.core.testkit.NoisyMean;
import org.alignlab.neural.AdamConfig;
import org.alignlab.neural.HookedTransformer;
import org.alignlab.neural.Losses;
import org.alignlab.neural.Neural;
import org.alignlab.neural.Trainer;
import org.alignlab.neural.TransformerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A neural run whose loss becomes NaN, through {@code alignlab run}: exit code 2, one line naming the step and the
 * last finite loss, the run stored FAILED with that message, and the runs stored before it kept.
 */
class NeuralRunFailureTest {
    /** Trains a one-layer transformer on (a + b) mod 7 with the learning rate given; logs the loss. */
    static final class TinyTraining implements Experiment<TinyTraining.Config, TinyTraining.Result> {
        record Config(@Param(value = "AdamW learning rate", min = 0, max = 1e40) double lr,
                      @Param(value = "steps", min = 1, max = 10_000) int steps) {}

        record Result(double finalLoss) {}

        @Override
        public ExperimentInfo info() {
            return new ExperimentInfo("test.tiny-training", "Tiny training (test fixture)", "robustly-good.interpretability",
                    List.of(NoisyMean.SOURCE), "Trains a tiny transformer.");
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public Class<Result> resultType() {
            return Result.class;
        }

        @Override
        public Config config(Scale scale) {
            return new Config(1e-2, 20);
        }

        @Override
        public Result run(Config c, RunContext ctx) {
            int p = 7;
            int[] tok = new int[p * p * 3], y = new int[p * p];
            for (int i = 0; i < p * p; i++) {
                tok[3 * i] = i / p;
                tok[3 * i + 1] = i % p;
                tok[3 * i + 2] = p;
                y[i] = (i / p + i % p) % p;
            }
            var cfg = new TransformerConfig(1, 16, 2, 8, 32, p + 1, 3, TransformerConfig.Activation.RELU, false,
                    false, true);
            try (var model = new HookedTransformer(cfg, ctx.seed()); NDManager data = Neural.newManager()) {
                NDArray x = data.create(tok, new Shape(p * p, 3)), t = data.create(y);
                Trainer trainer = new Trainer(model, AdamConfig.adamW(c.lr(), 0.01)).logTo(ctx, "train_loss", 1);
                double loss = trainer.fit(c.steps(), (scope, s) -> Losses.crossEntropy(model.forwardLastPosition(x), t),
                        ctx, "train");
                return new Result(loss);
            }
        }

        @Override
        public List<Claim<Result>> claims() {
            return List.of(Claim.demonstration("learns", Source.of("Nobody", 2024, "A test fixture").at("Eq. 1"),
                    "the loss falls below 2", Result::finalLoss, 2.0, Tolerance.atMost(0), 1));
        }
    }

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir, List.of(new NoisyMean(), new TinyTraining()));
    }

    @Test
    void nanLossEndsTheRunFailedWithTheStepAndTheLastFiniteLoss() {
        assertEquals(0, cli.run("run", "test.noisy-mean", "--seeds", "1").code());
        var ok = cli.run("run", "test.tiny-training", "--seeds", "1");
        assertEquals(0, ok.code(), ok.err());

        var r = cli.run("run", "test.tiny-training", "lr=1e30", "--seeds", "1");
        assertEquals(2, r.code(), r.out() + r.err());
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), r.err());
        String line = lines.get(0);
        assertTrue(line.matches(".*at step \\d+.*last finite loss [0-9.]+ at step \\d+.*"), line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), line);

        try (RunStore s = RunStore.open(cli.store)) {
            var runs = s.runs(null, 10);
            assertEquals(3, runs.size(), "the earlier runs are kept");
            var failed = runs.stream().filter(x -> x.status().equals("FAILED")).toList();
            assertEquals(1, failed.size());
            var f = failed.get(0);
            assertEquals("test.tiny-training", f.experiment());
            assertTrue(f.error().contains("last finite loss"), f.error());
            // the metrics logged before the NaN are kept with the failed run
            assertFalse(s.metrics(f.id()).series("train_loss").isEmpty());
            assertEquals(2, runs.stream().filter(x -> x.status().equals("FINISHED")).count());
        }
    }
}
