package org.alignlab.neural.interp;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.alignlab.neural.ActivationCache;
import org.alignlab.neural.HookedTransformer;
import org.alignlab.neural.NeuralException;
import org.alignlab.neural.Parameters;
import org.alignlab.neural.TransformerConfig;

/**
 * Direct logit attribution (Elhage et al. 2021, "A Mathematical Framework for Transformer Circuits", Sec. 2): the
 * final residual stream is a sum of the outputs of every component (token embedding, positional embedding, each
 * head's z_h W_O^h, each attention bias b_O, each MLP's output), so the logit difference of two tokens splits into
 * one term per component, (output of c) . (W_U[:, correct] - W_U[:, wrong]), plus b_U[correct] - b_U[wrong].
 *
 * <p>Without LayerNorm the terms add up to the logit difference exactly. With a final LayerNorm each term is
 * centred and divided by the cached {@code ln_final.hook_scale} of its own row (the scale frozen, as TransformerLens
 * does), times {@code ln_final.w}, and {@code ln_final.b} becomes one more term; the sum is then still exact.
 */
public final class DirectLogitAttribution {
    private DirectLogitAttribution() {}

    /**
     * Components and their mean contribution over the batch.
     *
     * @param components    names: {@code embed}, {@code pos_embed}, {@code blocks.L.attn.head.H},
     *                      {@code blocks.L.attn.b_O}, {@code blocks.L.mlp}, [{@code ln_final.b}], {@code unembed.b_U}
     * @param contributions mean contribution of each, in the order of {@code components}
     * @param total         the mean logit difference of the model's own logits
     */
    public record Attribution(List<String> components, double[] contributions, double total) {
        /** The sum of all contributions (equal to {@link #total} up to float rounding). */
        public double sum() {
            double s = 0;
            for (double c : contributions) s += c;
            return s;
        }

        /** The contribution of one component; an unknown name is refused with the closest names. */
        public double of(String component) {
            int i = components.indexOf(component);
            if (i < 0) throw new NeuralException("no component '" + component + "' in the attribution"
                    + suggest(component, components));
            return contributions[i];
        }
    }

    private static String suggest(String name, List<String> known) {
        List<String> close = org.alignlab.core.Suggestions.closest(name, known);
        return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
    }

    /**
     * Attributes logit[position, correct[b]] - logit[position, wrong[b]] over the batch of {@code tokens}
     * (batch, pos); {@code position} may be negative (-1 = last).
     */
    public static Attribution compute(HookedTransformer model, NDArray tokens, int position, int[] correct,
                                      int[] wrong) {
        TransformerConfig cfg = model.config();
        long[] ts = tokens.getShape().getShape();
        if (ts.length != 2 || ts[0] != correct.length || correct.length != wrong.length)
            throw new NeuralException("direct logit attribution: tokens of shape "
                    + org.alignlab.neural.Shapes.show(tokens.getShape()) + " with " + correct.length
                    + " correct and " + wrong.length + " wrong tokens; expected one pair per row");
        int batch = (int) ts[0], nPos = (int) ts[1];
        int pos = LogitMetric.resolve(position, nPos);
        int d = cfg.dModel(), h = cfg.nHeads(), k = cfg.dHead(), vocab = cfg.dVocab();
        for (int b = 0; b < batch; b++)
            if (correct[b] < 0 || correct[b] >= vocab || wrong[b] < 0 || wrong[b] >= vocab)
                throw new NeuralException("direct logit attribution: token pair (" + correct[b] + ", " + wrong[b]
                        + ") outside the vocabulary [0, " + (vocab - 1) + "]");
        Parameters p = model.parameters();
        float[] wU = p.floats("unembed.W_U"), bU = p.floats("unembed.b_U");
        List<String> names = new ArrayList<>();
        try (ActivationCache cache = model.runWithCache(tokens)) {
            // per row: the direction e_b that a residual-stream vector is dotted with
            double[][] e = new double[batch][d];
            float[] lnW = cfg.layerNorm() ? p.floats("ln_final.w") : null;
            float[] scale = cfg.layerNorm() ? cache.floats("ln_final.hook_scale") : null;   // (batch, pos, 1)
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < d; j++) e[b][j] = (double) wU[j * vocab + correct[b]] - wU[j * vocab + wrong[b]];
                if (lnW != null) {
                    // (x - mean x) / s . (w * u) = x . centre(w * u) / s
                    double s = scale[b * nPos + pos], mean = 0;
                    for (int j = 0; j < d; j++) mean += (e[b][j] *= lnW[j]);
                    mean /= d;
                    for (int j = 0; j < d; j++) e[b][j] = (e[b][j] - mean) / s;
                }
            }
            List<Double> contrib = new ArrayList<>();
            names.add("embed");
            contrib.add(residTerm(cache.floats("hook_embed"), e, nPos, pos, d));
            names.add("pos_embed");
            contrib.add(residTerm(cache.floats("hook_pos_embed"), e, nPos, pos, d));
            for (int layer = 0; layer < cfg.nLayers(); layer++) {
                String bl = "blocks." + layer;
                float[] z = cache.floats(bl + ".attn.hook_z");   // (batch, pos, head, d_head)
                float[] wO = p.floats(bl + ".attn.W_O");         // (head, d_head, d_model)
                for (int head = 0; head < h; head++) {
                    double sum = 0;
                    for (int b = 0; b < batch; b++) {
                        int zBase = ((b * nPos + pos) * h + head) * k;
                        for (int i = 0; i < k; i++) {
                            double wOe = 0;
                            int wBase = (head * k + i) * d;
                            for (int j = 0; j < d; j++) wOe += wO[wBase + j] * e[b][j];
                            sum += z[zBase + i] * wOe;
                        }
                    }
                    names.add(bl + ".attn.head." + head);
                    contrib.add(sum / batch);
                }
                names.add(bl + ".attn.b_O");
                contrib.add(constantTerm(p.floats(bl + ".attn.b_O"), e));
                if (!cfg.attnOnly()) {
                    names.add(bl + ".mlp");
                    contrib.add(residTerm(cache.floats(bl + ".hook_mlp_out"), e, nPos, pos, d));
                }
            }
            if (cfg.layerNorm()) {
                float[] lnB = p.floats("ln_final.b");
                double sum = 0;
                for (int b = 0; b < batch; b++)
                    sum += dotB(lnB, wU, vocab, correct[b], wrong[b]);
                names.add("ln_final.b");
                contrib.add(sum / batch);
            }
            double bias = 0;
            for (int b = 0; b < batch; b++) bias += (double) bU[correct[b]] - bU[wrong[b]];
            names.add("unembed.b_U");
            contrib.add(bias / batch);
            double total = LogitMetric.logitDifference(position, correct, wrong).of(cache.logits());
            return new Attribution(List.copyOf(names), contrib.stream().mapToDouble(Double::doubleValue).toArray(),
                    total);
        }
    }

    /** The same token pair for every row. */
    public static Attribution compute(HookedTransformer model, NDArray tokens, int position, int correct, int wrong) {
        int batch = (int) tokens.getShape().get(0);
        int[] c = new int[batch], w = new int[batch];
        java.util.Arrays.fill(c, correct);
        java.util.Arrays.fill(w, wrong);
        return compute(model, tokens, position, c, w);
    }

    /** Mean over rows of activation[b, pos, :] . e_b for an activation (batch, pos, d_model). */
    private static double residTerm(float[] act, double[][] e, int nPos, int pos, int d) {
        double sum = 0;
        for (int b = 0; b < e.length; b++) {
            int base = (b * nPos + pos) * d;
            for (int j = 0; j < d; j++) sum += act[base + j] * e[b][j];
        }
        return sum / e.length;
    }

    /** Mean over rows of v . e_b for a vector added to every position (a bias). */
    private static double constantTerm(float[] v, double[][] e) {
        double sum = 0;
        for (double[] eb : e)
            for (int j = 0; j < v.length; j++) sum += v[j] * eb[j];
        return sum / e.length;
    }

    /** ln_final.b . (W_U[:, c] - W_U[:, w]): added after the normalisation, so neither centred nor scaled. */
    private static double dotB(float[] lnB, float[] wU, int vocab, int c, int w) {
        double s = 0;
        for (int j = 0; j < lnB.length; j++) s += lnB[j] * ((double) wU[j * vocab + c] - wU[j * vocab + w]);
        return s;
    }
}
