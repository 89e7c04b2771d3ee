package org.alignlab.neural;

/**
 * Shape of a {@link HookedTransformer}, with TransformerLens's names.
 *
 * @param nLayers   number of blocks
 * @param dModel    residual stream width
 * @param nHeads    attention heads per block
 * @param dHead     width of one head
 * @param dMlp      hidden width of the MLP (ignored when {@code attnOnly})
 * @param dVocab    number of tokens (input and output)
 * @param nCtx      longest sequence
 * @param act       MLP non-linearity
 * @param layerNorm whether each block and the end use LayerNorm (pre-norm)
 * @param attnOnly  blocks without MLPs
 * @param causal    whether a position attends only to itself and earlier positions
 */
public record TransformerConfig(int nLayers, int dModel, int nHeads, int dHead, int dMlp, int dVocab, int nCtx,
                                Activation act, boolean layerNorm, boolean attnOnly, boolean causal) {
    /** MLP non-linearity. GELU is the exact (erf) form. */
    public enum Activation { RELU, GELU }

    public TransformerConfig {
        positive("nLayers", nLayers);
        positive("dModel", dModel);
        positive("nHeads", nHeads);
        positive("dHead", dHead);
        if (!attnOnly) positive("dMlp", dMlp);
        positive("dVocab", dVocab);
        positive("nCtx", nCtx);
        if (act == null) throw new NeuralException("act must be RELU or GELU");
    }

    private static void positive(String name, int v) {
        if (v < 1) throw new NeuralException("transformer " + name + " must be at least 1, got " + v);
    }

    /** The one-layer model of Nanda et al. 2023 for (a + b) mod p: d_model 128, 4 heads of 32, d_mlp 512, ReLU. */
    public static TransformerConfig grokking(int p) {
        return new TransformerConfig(1, 128, 4, 32, 512, p + 1, 3, Activation.RELU, false, false, true);
    }

    /** An attention-only model (Elhage et al. 2021; Olsson et al. 2022). */
    public static TransformerConfig attentionOnly(int nLayers, int dModel, int nHeads, int dVocab, int nCtx) {
        return new TransformerConfig(nLayers, dModel, nHeads, dModel / nHeads, 0, dVocab, nCtx, Activation.RELU,
                false, true, true);
    }
}
