package org.alignlab.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.alignlab.core.Seeds;

/**
 * A decoder-only transformer with TransformerLens's parameter and hook names.
 *
 * <p>Parameters: {@code embed.W_E} (d_vocab, d_model), {@code pos_embed.W_pos} (n_ctx, d_model),
 * {@code blocks.i.attn.W_Q/W_K/W_V} (n_heads, d_model, d_head), {@code b_Q/b_K/b_V} (n_heads, d_head),
 * {@code W_O} (n_heads, d_head, d_model), {@code b_O} (d_model), {@code blocks.i.mlp.W_in} (d_model, d_mlp),
 * {@code b_in}, {@code W_out} (d_mlp, d_model), {@code b_out}, {@code blocks.i.ln1.w/b}, {@code blocks.i.ln2.w/b},
 * {@code ln_final.w/b}, {@code unembed.W_U} (d_model, d_vocab), {@code unembed.b_U}.
 *
 * <p>Hooks, with the activation's shape: {@code hook_embed}, {@code hook_pos_embed} (batch, pos, d_model);
 * {@code blocks.i.hook_resid_pre}; {@code blocks.i.attn.hook_q/hook_k/hook_v/hook_z} (batch, pos, head, d_head);
 * {@code blocks.i.attn.hook_attn_scores/hook_pattern} (batch, head, query_pos, key_pos);
 * {@code blocks.i.hook_attn_out}; {@code blocks.i.hook_resid_mid}; {@code blocks.i.mlp.hook_pre/hook_post} (batch,
 * pos, d_mlp); {@code blocks.i.hook_mlp_out}; {@code blocks.i.hook_resid_post}; with LayerNorm also
 * {@code blocks.i.ln1.hook_scale/hook_normalized}, {@code blocks.i.ln2...} and {@code ln_final.hook_scale},
 * {@code ln_final.hook_normalized}. Attention-only blocks have no resid_mid and no MLP hooks.
 *
 * <p>Initialisation (as in Nanda et al. 2023's code): weights N(0, 1/d_model), W_U N(0, 1/d_vocab), biases 0,
 * LayerNorm weights 1, from a {@link SplittableRandom} seeded by {@code seed}.
 */
public final class HookedTransformer implements Model {
    private static final float LN_EPS = 1e-5f;

    private final TransformerConfig cfg;
    private final Parameters params = new Parameters();
    private final List<String> hookNames = new ArrayList<>();

    public HookedTransformer(TransformerConfig cfg, long seed) {
        this.cfg = cfg;
        SplittableRandom rng = Seeds.stream(seed, "neural.transformer.init");
        int d = cfg.dModel(), h = cfg.nHeads(), k = cfg.dHead();
        double std = 1 / Math.sqrt(d);
        params.normal("embed.W_E", new Shape(cfg.dVocab(), d), std, rng);
        params.normal("pos_embed.W_pos", new Shape(cfg.nCtx(), d), std, rng);
        hookNames.add("hook_embed");
        hookNames.add("hook_pos_embed");
        for (int i = 0; i < cfg.nLayers(); i++) {
            String b = "blocks." + i;
            hookNames.add(b + ".hook_resid_pre");
            if (cfg.layerNorm()) layerNormParams(b + ".ln1");
            for (String w : new String[] {"Q", "K", "V"}) params.normal(b + ".attn.W_" + w, new Shape(h, d, k), std, rng);
            params.normal(b + ".attn.W_O", new Shape(h, k, d), std, rng);
            for (String w : new String[] {"Q", "K", "V"}) params.constant(b + ".attn.b_" + w, new Shape(h, k), 0f);
            params.constant(b + ".attn.b_O", new Shape(d), 0f);
            for (String n : new String[] {"hook_q", "hook_k", "hook_v", "hook_attn_scores", "hook_pattern", "hook_z"})
                hookNames.add(b + ".attn." + n);
            hookNames.add(b + ".hook_attn_out");
            if (!cfg.attnOnly()) {
                hookNames.add(b + ".hook_resid_mid");
                if (cfg.layerNorm()) layerNormParams(b + ".ln2");
                params.normal(b + ".mlp.W_in", new Shape(d, cfg.dMlp()), std, rng);
                params.constant(b + ".mlp.b_in", new Shape(cfg.dMlp()), 0f);
                params.normal(b + ".mlp.W_out", new Shape(cfg.dMlp(), d), std, rng);
                params.constant(b + ".mlp.b_out", new Shape(d), 0f);
                hookNames.add(b + ".mlp.hook_pre");
                hookNames.add(b + ".mlp.hook_post");
                hookNames.add(b + ".hook_mlp_out");
            }
            hookNames.add(b + ".hook_resid_post");
        }
        if (cfg.layerNorm()) layerNormParams("ln_final");
        params.normal("unembed.W_U", new Shape(d, cfg.dVocab()), 1 / Math.sqrt(cfg.dVocab()), rng);
        params.constant("unembed.b_U", new Shape(cfg.dVocab()), 0f);
    }

    private void layerNormParams(String prefix) {
        params.constant(prefix + ".w", new Shape(cfg.dModel()), 1f);
        params.constant(prefix + ".b", new Shape(cfg.dModel()), 0f);
        hookNames.add(prefix + ".hook_scale");
        hookNames.add(prefix + ".hook_normalized");
    }

    public TransformerConfig config() {
        return cfg;
    }

    @Override
    public Parameters parameters() {
        return params;
    }

    /** Every hook name of this model, in forward order. */
    public List<String> hookNames() {
        return List.copyOf(hookNames);
    }

    /** Logits (batch, pos, d_vocab) for integer tokens (batch, pos). See {@link Model} for where arrays live. */
    @Override
    public NDArray forward(NDArray tokens, boolean training) {
        return forward(tokens, Map.of(), null);
    }

    /** Runs the model (parameters scoped, see {@link Model#scope}); logits end up in the tokens' manager. */
    public NDArray run(NDArray tokens) {
        return scope(tokens.getManager(), s -> forward(tokens, Map.of(), null));
    }

    /** Runs the model and records every activation by hook name. Close the cache when done. */
    public ActivationCache runWithCache(NDArray tokens) {
        return runWithHooksAndCache(tokens, Map.of());
    }

    /**
     * Runs the model with hooks by name; each may read or replace its activation. An unknown name is refused
     * with the closest names.
     */
    public NDArray runWithHooks(NDArray tokens, Map<String, Hook> hooks) {
        checkHookNames(hooks);
        return scope(tokens.getManager(), s -> forward(tokens, hooks, null));
    }

    /** Both: hooks run first, the cache records what they returned. */
    public ActivationCache runWithHooksAndCache(NDArray tokens, Map<String, Hook> hooks) {
        checkHookNames(hooks);
        ActivationCache cache = new ActivationCache();
        try (NDManager scope = tokens.getManager().newSubManager()) {
            params.attachTo(scope);
            cache.putLogits(Neural.noGrad(() -> forward(tokens, hooks, cache)));
        } catch (RuntimeException ex) {
            cache.close();
            throw ex;
        }
        return cache;
    }

    /** For training with hooks (e.g. ablation during training): like {@link #forward} with hooks. */
    public NDArray forwardWithHooks(NDArray tokens, Map<String, Hook> hooks) {
        checkHookNames(hooks);
        return forward(tokens, hooks, null);
    }

    /**
     * Logits at the last position only, (batch, d_vocab), for tasks read off the final token (e.g. {@code a b =}).
     * Every block but the last runs on all positions; the last block's attention takes its keys and values from all
     * positions but its query from the last one only, and its MLP and the unembedding run on that position alone.
     * The numbers equal {@code forward(tokens)[:, -1, :]} up to float rounding, at a fraction of the cost (about a
     * third for one block on three positions). Like {@link #forward}, arrays land in the parameters' manager (use
     * inside {@link Trainer#step} or {@link #scope}).
     */
    public NDArray forwardLastPosition(NDArray tokens) {
        return forward(tokens, Map.of(), null, true).squeeze(1);
    }

    /** {@link #forwardLastPosition} with the parameters scoped; the logits end up in the tokens' manager. */
    public NDArray runLastPosition(NDArray tokens) {
        return scope(tokens.getManager(), s -> forwardLastPosition(tokens));
    }

    private void checkHookNames(Map<String, Hook> hooks) {
        for (String name : hooks.keySet()) {
            if (!hookNames.contains(name)) {
                throw new NeuralException("unknown hook '" + name + "'" + Parameters.suggest(name, hookNames)
                        + " (this model's hooks: " + hookNames.size() + ", e.g. " + hookNames.get(0) + ")");
            }
        }
    }

    private record Pass(Map<String, Hook> hooks, ActivationCache cache) {
        NDArray at(String name, NDArray x) {
            Hook h = hooks.get(name);
            if (h != null) {
                NDArray y = h.apply(x, name);
                if (!y.getShape().equals(x.getShape()))
                    throw new NeuralException("hook " + name + " returned shape " + Shapes.show(y.getShape())
                            + " for an activation of shape " + Shapes.show(x.getShape()));
                x = y;
            }
            if (cache != null) cache.put(name, x);
            return x;
        }
    }

    private NDArray forward(NDArray tokens, Map<String, Hook> hooks, ActivationCache cache) {
        return forward(tokens, hooks, cache, false);
    }

    /** {@code lastOnly}: the last block computes its query, MLP and output for the last position only. */
    private NDArray forward(NDArray tokens, Map<String, Hook> hooks, ActivationCache cache, boolean lastOnly) {
        Pass pass = new Pass(hooks, cache);
        NDArray wE = params.get("embed.W_E");
        NDManager scope = wE.getManager();
        checkTokens(tokens);
        long batch = tokens.getShape().get(0), pos = tokens.getShape().get(1);
        NDArray idx = tokens.toType(DataType.INT64, true);
        idx.attach(scope);
        NDArray embed = idx.getNDArrayInternal().embedding(idx, wE, SparseFormat.DENSE).singletonOrThrow();
        embed = pass.at("hook_embed", embed);
        NDArray posEmbed = params.get("pos_embed.W_pos").get(new NDIndex(":{}", pos)).expandDims(0)
                .broadcast(new Shape(batch, pos, cfg.dModel()));
        posEmbed = pass.at("hook_pos_embed", posEmbed);
        NDArray resid = embed.add(posEmbed);
        for (int i = 0; i < cfg.nLayers(); i++) resid = block(i, resid, pass, lastOnly && i == cfg.nLayers() - 1);
        if (cfg.layerNorm()) resid = layerNorm("ln_final", resid, pass);
        return resid.matMul(params.get("unembed.W_U")).add(params.get("unembed.b_U"));
    }

    private void checkTokens(NDArray tokens) {
        Shape s = tokens.getShape();
        if (s.dimension() != 2 || s.get(1) > cfg.nCtx() || s.get(1) < 1 || s.get(0) < 1)
            throw new NeuralException("embed: tokens of shape " + Shapes.show(s)
                    + " do not fit; expected (batch, pos) with 1 <= pos <= n_ctx = " + cfg.nCtx());
        if (tokens.getDataType().isFloating())
            throw new NeuralException("embed: tokens must be integers, got " + tokens.getDataType());
        try (NDManager tmp = tokens.getManager().newSubManager()) {
            NDArray t = tokens.toType(DataType.INT64, true);
            t.attach(tmp);
            long lo = t.min().getLong(), hi = t.max().getLong();
            if (lo < 0 || hi >= cfg.dVocab())
                throw new NeuralException("embed: token ids range over [" + lo + ", " + hi
                        + "], outside the vocabulary [0, " + (cfg.dVocab() - 1) + "]");
        }
    }

    private NDArray block(int i, NDArray residPre, Pass pass, boolean lastOnly) {
        String b = "blocks." + i;
        residPre = pass.at(b + ".hook_resid_pre", residPre);
        NDArray x = cfg.layerNorm() ? layerNorm(b + ".ln1", residPre, pass) : residPre;
        NDArray attnOut = pass.at(b + ".hook_attn_out", attention(b, x, pass, lastOnly));
        // From here on only the last position is carried (the residual stream of the others reaches no output).
        if (lastOnly) residPre = residPre.get(new NDIndex(":, -1:, :"));
        NDArray residMid = residPre.add(attnOut);
        if (cfg.attnOnly()) return pass.at(b + ".hook_resid_post", residMid);
        residMid = pass.at(b + ".hook_resid_mid", residMid);
        NDArray y = cfg.layerNorm() ? layerNorm(b + ".ln2", residMid, pass) : residMid;
        NDArray pre = pass.at(b + ".mlp.hook_pre", y.matMul(params.get(b + ".mlp.W_in")).add(params.get(b + ".mlp.b_in")));
        NDArray post = pass.at(b + ".mlp.hook_post",
                cfg.act() == TransformerConfig.Activation.RELU ? Activation.relu(pre) : Activation.gelu(pre));
        NDArray mlpOut = pass.at(b + ".hook_mlp_out",
                post.matMul(params.get(b + ".mlp.W_out")).add(params.get(b + ".mlp.b_out")));
        return pass.at(b + ".hook_resid_post", residMid.add(mlpOut));
    }

    /** Multi-head attention (Vaswani et al. 2017), with TransformerLens's hook layout. */
    private NDArray attention(String b, NDArray x, Pass pass, boolean lastOnly) {
        long batch = x.getShape().get(0), pos = x.getShape().get(1);
        int h = cfg.nHeads(), k = cfg.dHead(), d = cfg.dModel();
        // lastOnly: one query (the last position), which every key precedes, so no causal mask is needed.
        long queries = lastOnly ? 1 : pos;
        NDArray q, kk, v;
        if (lastOnly) {
            q = project(b, x.get(new NDIndex(":, -1:, :")), batch, 1, "Q")[0];
            NDArray[] kv = project(b, x, batch, pos, "K", "V");
            kk = kv[0];
            v = kv[1];
        } else {
            NDArray[] qkv = project(b, x, batch, pos, "Q", "K", "V");
            q = qkv[0];
            kk = qkv[1];
            v = qkv[2];
        }
        q = pass.at(b + ".attn.hook_q", q);
        kk = pass.at(b + ".attn.hook_k", kk);
        v = pass.at(b + ".attn.hook_v", v);
        // (batch, head, query, d_head) x (batch, head, d_head, key) -> (batch, head, query, key)
        NDArray scores = q.transpose(0, 2, 1, 3).matMul(kk.transpose(0, 2, 3, 1));
        scores = scores.div(Scalars.like(scores, (float) Math.sqrt(k)));
        if (cfg.causal() && !lastOnly) {
            // Keys after the query get -inf (so weight 0 after softmax): built by comparing the row and column
            // index of each entry, since the engine has no tril.
            float[] mask = new float[(int) (pos * pos)];
            for (int row = 0; row < pos; row++)
                for (int col = row + 1; col < pos; col++) mask[(int) (row * pos + col)] = Float.NEGATIVE_INFINITY;
            scores = scores.add(scores.getManager().create(mask, new Shape(pos, pos)));
        }
        scores = pass.at(b + ".attn.hook_attn_scores", scores);
        NDArray pattern = pass.at(b + ".attn.hook_pattern", scores.softmax(-1));
        NDArray z = pass.at(b + ".attn.hook_z", pattern.matMul(v.transpose(0, 2, 1, 3)).transpose(0, 2, 1, 3));
        NDArray wO = params.get(b + ".attn.W_O").reshape(h * k, d);
        return z.reshape(batch, queries, (long) h * k).matMul(wO).add(params.get(b + ".attn.b_O"));
    }

    /**
     * The projections {@code which} (of Q, K, V), each (batch, pos, head, d_head), from one matmul against their
     * weights side by side (d_model, n h d_head). The biases are added before the split into heads: the same
     * numbers as one projection at a time, but one larger matmul instead of n, and in the backward pass the
     * gradients meet in one contiguous array, so the bias gradients are sums over contiguous memory (over the strided
     * per-head views they took several times longer).
     */
    private NDArray[] project(String b, NDArray x, long batch, long pos, String... which) {
        int h = cfg.nHeads(), k = cfg.dHead(), d = cfg.dModel();
        Shapes.require(b + ".attn", "input", x, -1, -1, d);
        NDList w = new NDList(), bias = new NDList();
        for (String name : which) {
            w.add(params.get(b + ".attn.W_" + name).transpose(1, 0, 2).reshape(d, (long) h * k));
            bias.add(params.get(b + ".attn.b_" + name).reshape((long) h * k));
        }
        NDArray y = which.length == 1 ? x.matMul(w.get(0)).add(bias.get(0))
                : x.matMul(NDArrays.concat(w, 1)).add(NDArrays.concat(bias, 0));
        NDList parts = which.length == 1 ? new NDList(y) : y.split(which.length, 2);
        NDArray[] out = new NDArray[which.length];
        for (int i = 0; i < out.length; i++) out[i] = parts.get(i).reshape(batch, pos, h, k);
        return out;
    }

    /** Pre-norm LayerNorm (Ba et al. 2016) with TransformerLens's hook_scale / hook_normalized. */
    private NDArray layerNorm(String prefix, NDArray x, Pass pass) {
        NDArray centred = x.sub(x.mean(new int[] {-1}, true));
        NDArray scale = pass.at(prefix + ".hook_scale", centred.square().mean(new int[] {-1}, true).add(LN_EPS).sqrt());
        NDArray normalized = pass.at(prefix + ".hook_normalized", centred.div(scale));
        return normalized.mul(params.get(prefix + ".w")).add(params.get(prefix + ".b"));
    }
}
