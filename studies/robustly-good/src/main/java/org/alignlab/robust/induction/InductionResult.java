package org.alignlab.robust.induction;

/**
 * What one run of the induction-head experiment measured. "Two-layer" and "one-layer" are the two attention-only
 * models trained on the same batches; losses are in nats per token on the held-out batch; heads are numbered within
 * their layer, and per-head arrays of the two-layer model run layer by layer (index layer * nHeads + head).
 *
 * @param lnVocab                the loss of a model without in-context learning: ln(vocab), every token uniform
 * @param inductionHead          the head of layer 1 with the highest prefix-matching score
 * @param inductionHeads         the heads of layer 1 whose score reaches the threshold (at least inductionHead);
 *                               they are ablated together
 * @param previousTokenHead      the head of layer 0 that attends most to the previous token
 * @param controlHead            layer-major index of the ablation control: of the heads that are neither induction
 *                               heads nor the previous-token head, the one with the lowest score (-1 if none)
 * @param prefixScores           two-layer model, per head, at the end of training
 * @param previousTokenScores    two-layer model, per head: mean attention to the previous token
 * @param inductionScore         the induction head's prefix-matching score
 * @param oneLayerScores         one-layer model, per head
 * @param oneLayerMaxScore       the one-layer model's highest prefix-matching score
 * @param firstCopyLoss          two-layer model, loss on the predictable tokens of the first copy
 * @param secondCopyLoss         two-layer model, loss on the same tokens in the second copy
 * @param iclScore               secondCopyLoss - firstCopyLoss (negative: in-context learning)
 * @param oneLayerFirstCopyLoss  the same for the one-layer model
 * @param oneLayerSecondCopyLoss the same for the one-layer model
 * @param oneLayerIclScore       the same for the one-layer model
 * @param ablatedSecondCopyLoss  two-layer model, second-copy loss with the induction heads' outputs zeroed
 * @param controlSecondCopyLoss  two-layer model, second-copy loss with the control head's output zeroed
 * @param ablationRemoved        share of the in-context gain removed by ablating the induction heads:
 *                               (ablated - second) / (first - second)
 * @param controlRemoved         the same for the control head
 * @param previousTokenRemoved   the same for the previous-token head
 * @param removedByHead          the same for every head of the two-layer model
 * @param lossDropStep           first step at which the held-out loss is halfway from ln(vocab) to its final value
 * @param scoreJumpStep          first step at which the induction head's score is halfway from its initial to its
 *                               final value
 * @param phaseGap               |lossDropStep - scoreJumpStep| / steps
 * @param evalSteps              steps of the measurements (0 = initialisation)
 * @param evalLoss               two-layer model, held-out loss (all tokens)
 * @param oneLayerEvalLoss       one-layer model, held-out loss
 * @param scoreCurves            two-layer model, prefix-matching score per head (rows) over the measurements
 * @param oneLayerScoreCurves    one-layer model, the same
 * @param iclCurve               two-layer model, iclScore over the measurements
 * @param oneLayerIclCurve       one-layer model, the same
 * @param probePrefix            probe batch: where the first copy starts
 * @param probeSegment           probe batch: segment length
 * @param probeLoss              two-layer model, mean loss by predicted position on the probe batch
 * @param probeLossAblated       the same with the induction heads ablated
 * @param probeLossControl       the same with the control head ablated
 * @param probeLossOneLayer      the one-layer model on the probe batch
 * @param probePattern           the induction head's attention (query, key) on the first probe sequence
 */
public record InductionResult(
        double lnVocab, int inductionHead, int[] inductionHeads, int previousTokenHead, int controlHead,
        double[] prefixScores, double[] previousTokenScores, double inductionScore,
        double[] oneLayerScores, double oneLayerMaxScore,
        double firstCopyLoss, double secondCopyLoss, double iclScore,
        double oneLayerFirstCopyLoss, double oneLayerSecondCopyLoss, double oneLayerIclScore,
        double ablatedSecondCopyLoss, double controlSecondCopyLoss, double ablationRemoved, double controlRemoved,
        double previousTokenRemoved, double[] removedByHead,
        long lossDropStep, long scoreJumpStep, double phaseGap,
        double[] evalSteps, double[] evalLoss, double[] oneLayerEvalLoss,
        double[][] scoreCurves, double[][] oneLayerScoreCurves, double[] iclCurve, double[] oneLayerIclCurve,
        int probePrefix, int probeSegment,
        double[] probeLoss, double[] probeLossAblated, double[] probeLossControl, double[] probeLossOneLayer,
        double[][] probePattern) {}
