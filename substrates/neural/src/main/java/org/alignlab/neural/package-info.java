/**
 * Neural networks for alignlab's studies, on DJL's PyTorch engine (CPU, offline).
 *
 * <h2>The pieces</h2>
 * <ul>
 *   <li>{@link org.alignlab.neural.Neural}: engine bootstrap (offline, native cache folder, intra-op threads,
 *       default 1 via {@code -Dalignlab.neural.threads}), {@code Neural.newManager()} for your data arrays.</li>
 *   <li>{@link org.alignlab.neural.Parameters}: named float32 weights with gradients, seeded on the Java side
 *       (same seed, same weights bit for bit); readable as {@code float[]} ({@code floats}, {@code gradient},
 *       {@code shape}).</li>
 *   <li>{@link org.alignlab.neural.HookedTransformer} from a {@link org.alignlab.neural.TransformerConfig}:
 *       TransformerLens names for parameters and hooks; {@code run}, {@code runWithCache} (an
 *       {@link org.alignlab.neural.ActivationCache}), {@code runWithHooks} with {@link org.alignlab.neural.Hook}s
 *       that read or replace an activation ({@code Hook.zeroAblateHead}, {@code patchHead},
 *       {@code patchPosition}, {@code replaceWith}).</li>
 *   <li>{@link org.alignlab.neural.Trainer}: one step = your loss function, backward, Adam/AdamW
 *       ({@link org.alignlab.neural.AdamConfig}, {@link org.alignlab.neural.Schedule}), gradients zeroed, the
 *       step's arrays freed. {@code logTo(ctx, name, every)} logs to the run; {@code batchOrder(seed, epoch, n)}
 *       gives resumable minibatch orders; {@link org.alignlab.neural.Checkpoint} saves and restores a trainer.</li>
 *   <li>{@link org.alignlab.neural.Losses}: cross-entropy, MSE, accuracy.</li>
 *   <li>Errors a user can fix are one-line {@link org.alignlab.neural.NeuralException}s (a
 *       {@code UsageException}: exit code 2): shapes that do not fit, unknown hooks, a checkpoint from another
 *       model, and {@link org.alignlab.neural.TrainingDiverged} for a NaN loss.</li>
 * </ul>
 *
 * <h2>Native memory</h2>
 * Arrays that an operation creates belong to the manager of the array it was called on. {@link
 * org.alignlab.neural.Trainer#step} and the {@code run*} methods move the parameters into a short-lived manager, so
 * everything a forward pass creates is freed when it ends. Keep data in your own manager; create per-step arrays in
 * the {@code scope} manager the loss function receives.
 *
 * <h2>Example: the grokking model of Nanda et al. 2023</h2>
 * <pre>{@code
 * try (var model = new HookedTransformer(TransformerConfig.grokking(113), ctx.seed("init"));
 *      NDManager data = Neural.newManager()) {
 *     NDArray x = data.create(tokens, new Shape(n, 3));      // "a b =" rows
 *     NDArray y = data.create(answers);                        // (a + b) mod p
 *     var adamW = new AdamConfig(1e-3, 0.9, 0.98, 1e-8, 1.0, true, Schedule.linearWarmup(10));
 *     Trainer trainer = new Trainer(model, adamW).logTo(ctx, "train_loss", 100);
 *     trainer.fit(40_000, (scope, step) ->
 *             Losses.crossEntropy(model.forward(x, true).get(":, -1, :"), y), ctx, "train");
 *     try (ActivationCache cache = model.runWithCache(x)) {
 *         float[] pattern = cache.floats("blocks.0.attn.hook_pattern");   // (n, 4, 3, 3)
 *     }
 *     float[] wE = model.parameters().floats("embed.W_E");               // (114, 128)
 * }
 * }</pre>
 */
package org.alignlab.neural;
