package org.alignlab.neural.interp;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import org.alignlab.neural.ActivationCache;
import org.alignlab.neural.Hook;
import org.alignlab.neural.HookedTransformer;
import org.alignlab.neural.NeuralException;
import org.alignlab.neural.Shapes;

/**
 * Activation patching (Meng et al. 2022's causal tracing; Wang et al. 2022, Sec. 3): run the model on the corrupted
 * input, copy one activation (or one head or position of it) from the clean run, and read a metric off the logits.
 * A location whose clean value restores the clean metric carries the information the corruption removed.
 *
 * <p>"Recovered" is (patched - corrupted) / (clean - corrupted): 1 means the patch restores the clean behaviour, 0
 * that it changes nothing.
 */
public final class ActivationPatching {
    private ActivationPatching() {}

    /** What part of an activation is copied from the clean run. */
    public sealed interface Site {
        /** The whole activation. */
        record Whole() implements Site {}

        /** One head (hook_q/k/v/z, hook_attn_scores, hook_pattern). */
        record Head(int head) implements Site {}

        /** One position (the query position for scores and patterns). */
        record Position(int position) implements Site {}
    }

    /**
     * A table of the metric after patching, one row per layer and one column per head or position.
     *
     * @param hookSuffix the hook patched in every block, e.g. {@code attn.hook_z}
     * @param columns    "head" or "position"
     * @param patched    metric after patching [layer][column]
     * @param clean      metric of the clean run
     * @param corrupted  metric of the corrupted run
     */
    public record Table(String hookSuffix, String columns, double[][] patched, double clean, double corrupted) {
        /** (patched - corrupted) / (clean - corrupted) per cell. */
        public double[][] recovered() {
            double gap = clean - corrupted;
            if (gap == 0)
                throw new NeuralException("activation patching: the clean and corrupted runs give the same metric ("
                        + clean + "), so there is nothing to recover");
            double[][] r = new double[patched.length][];
            for (int i = 0; i < r.length; i++) {
                r[i] = new double[patched[i].length];
                for (int j = 0; j < r[i].length; j++) r[i][j] = (patched[i][j] - corrupted) / gap;
            }
            return r;
        }
    }

    /** The metric of a plain run. */
    public static double metric(HookedTransformer model, NDArray tokens, LogitMetric metric) {
        try (NDArray logits = model.run(tokens)) {
            return metric.of(logits);
        }
    }

    /**
     * The metric of the corrupted run with {@code site} of {@code hook} copied from {@code clean} (a cache of the
     * clean run).
     */
    public static double patch(HookedTransformer model, ActivationCache clean, NDArray corrupted, String hook,
                               Site site, LogitMetric metric) {
        NDArray source = clean.get(hook);
        Hook h = switch (site) {
            case Site.Whole w -> Hook.replaceWith(source);
            case Site.Head hd -> Hook.patchHead(source, hd.head());
            case Site.Position p -> Hook.patchPosition(source, p.position());
        };
        // replaceWith does not check shapes itself: a clean run of another batch size must not slip through
        if (site instanceof Site.Whole) {
            h = wholeChecked(source, h);
        }
        try (NDArray logits = model.runWithHooks(corrupted, Map.of(hook, h))) {
            return metric.of(logits);
        }
    }

    private static Hook wholeChecked(NDArray source, Hook inner) {
        return (act, name) -> {
            if (!source.getShape().equals(act.getShape()))
                throw new NeuralException("patch source of shape " + Shapes.show(source.getShape())
                        + " does not fit activation " + name + " of shape " + Shapes.show(act.getShape()));
            return inner.apply(act, name);
        };
    }

    /** Patches {@code blocks.L.<hookSuffix>} one head at a time, for every layer L (e.g. {@code attn.hook_z}). */
    public static Table byLayerAndHead(HookedTransformer model, NDArray clean, NDArray corrupted, String hookSuffix,
                                       LogitMetric metric) {
        return table(model, clean, corrupted, hookSuffix, metric, true);
    }

    /** Patches {@code blocks.L.<hookSuffix>} one position at a time, for every layer L (e.g. {@code hook_resid_pre}). */
    public static Table byLayerAndPosition(HookedTransformer model, NDArray clean, NDArray corrupted,
                                           String hookSuffix, LogitMetric metric) {
        return table(model, clean, corrupted, hookSuffix, metric, false);
    }

    private static Table table(HookedTransformer model, NDArray clean, NDArray corrupted, String hookSuffix,
                               LogitMetric metric, boolean byHead) {
        if (!clean.getShape().equals(corrupted.getShape()))
            throw new NeuralException("activation patching: clean tokens of shape " + Shapes.show(clean.getShape())
                    + " and corrupted tokens of shape " + Shapes.show(corrupted.getShape()) + " differ");
        int layers = model.config().nLayers();
        int cols = byHead ? model.config().nHeads() : (int) clean.getShape().get(1);
        double corruptedMetric = metric(model, corrupted, metric);
        double[][] out = new double[layers][cols];
        try (ActivationCache cache = model.runWithCache(clean)) {
            double cleanMetric = metric.of(cache.logits());
            for (int layer = 0; layer < layers; layer++) {
                String hook = "blocks." + layer + "." + hookSuffix;
                for (int c = 0; c < cols; c++) {
                    Site site = byHead ? new Site.Head(c) : new Site.Position(c);
                    out[layer][c] = patch(model, cache, corrupted, hook, site, metric);
                }
            }
            return new Table(hookSuffix, byHead ? "head" : "position", out, cleanMetric, corruptedMetric);
        }
    }
}
