/**
 * Interpretability tools on the neural substrate's hooks and caches.
 *
 * <ul>
 *   <li>{@link org.alignlab.neural.interp.ActivationPatching}: copy an activation (whole, one head, one position)
 *       from a clean run into a corrupted run and read a {@link org.alignlab.neural.interp.LogitMetric}; tables by
 *       (layer, head) and (layer, position) with the share of the clean-corrupted gap each location recovers.</li>
 *   <li>{@link org.alignlab.neural.interp.DirectLogitAttribution}: the logit difference of two tokens split into the
 *       direct contributions of the embeddings, every head (z_h W_O^h), every attention bias and MLP, and the
 *       unembedding bias; exact (the terms add up to the model's logit difference), with the final LayerNorm's scale
 *       frozen when there is one.</li>
 *   <li>{@link org.alignlab.neural.interp.LinearProbe}: softmax regression with L2 from any cached activation to a
 *       label, on a seeded train/test split.</li>
 *   <li>{@link org.alignlab.neural.interp.SparseAutoencoder}: a ReLU dictionary with unit-norm decoder vectors and an
 *       L1 penalty, trained with Adam on any activation; reports reconstruction error, variance explained, L0 and
 *       dead features on held-out rows.</li>
 * </ul>
 *
 * <pre>{@code
 * var metric = LogitMetric.logitDifference(-1, correct, wrong);
 * ActivationPatching.Table t = ActivationPatching.byLayerAndHead(model, clean, corrupted, "attn.hook_z", metric);
 * double[][] recovered = t.recovered();                        // [layer][head]
 * var dla = DirectLogitAttribution.compute(model, clean, -1, correct, wrong);
 * try (ActivationCache cache = model.runWithCache(clean)) {
 *     var probe = LinearProbe.fit(cache.get("blocks.0.hook_resid_post"), labels, classes, LinearProbe.Options.defaults(1));
 *     try (var sae = new SparseAutoencoder(512, 2048, 1)) {   // d_mlp wide
 *         var fit = sae.train(cache.get("blocks.0.mlp.hook_post"), new SparseAutoencoder.Options(1e-3, 1e-3, 256, 5000, 0.1, 1));
 *     }
 * }
 * }</pre>
 */
package org.alignlab.neural.interp;
