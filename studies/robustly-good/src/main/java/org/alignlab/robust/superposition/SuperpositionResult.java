package org.alignlab.robust.superposition;

/**
 * One run of the three superposition reproductions. Weights are the kept fit per sparsity, with the feature
 * directions W_i as rows: {@code pentagonW[s][i]} is W_i (length 2) of the part (a) model at sparsity s.
 *
 * @param pentagonSparsities       part (a) sparsities
 * @param pentagonW                part (a) W_i per sparsity (s × 5 × 2)
 * @param pentagonBias             part (a) b per sparsity
 * @param pentagonLoss             part (a) loss of the kept fit per sparsity
 * @param pentagonRepresented      part (a) number of features with ‖W_i‖ &gt; 0.5 per sparsity
 * @param pentagonDenseRepresented part (a) represented features at S = 0
 * @param pentagonDenseNormError   part (a) at S = 0: max over the 2 most important features of |‖W_i‖ − 1|
 * @param pentagonDenseCosine      part (a) at S = 0: |cos| between W_0 and W_1
 * @param pentagonSparseRepresented part (a) represented features at the highest sparsity
 * @param pentagonAngleError       part (a) at the highest sparsity: max |gap − 72°| between consecutive W_i
 * @param pentagonNormError        part (a) at the highest sparsity: max |‖W_i‖ − 1|
 * @param sweepSparsities          part (b) sparsities
 * @param sweepGram                part (b) WᵀW per sparsity (s × 20 × 20)
 * @param sweepNorms               part (b) ‖W_i‖ per sparsity
 * @param sweepBias                part (b) b per sparsity
 * @param sweepLoss                part (b) loss of the kept fit per sparsity
 * @param sweepRepresented         part (b) represented features per sparsity
 * @param sweepDenseRepresented    part (b) represented features at S = 0
 * @param sweepDenseNormError      part (b) at S = 0: max over the 5 most important features of |‖W_i‖ − 1|
 * @param sweepDenseOthersNorm     part (b) at S = 0: largest ‖W_i‖ among the 15 less important features
 * @param sweepDenseCosine         part (b) at S = 0: max |cos| between two of the 5 most important features
 * @param sweepSparseRepresented   part (b) represented features at the highest sparsity
 * @param sweepRepresentedDrops    part (b) how often the represented count falls from one sparsity to the next
 * @param sweepAntipodalCosine     part (b) at the first sparsity above 0: smallest cos between represented features
 * @param uniformSparsities        part (c) sparsities
 * @param uniformDimsPerFeature    part (c) D* = m / ‖W‖_F² per sparsity
 * @param uniformDimensionality    part (c) D_i per sparsity and feature
 * @param uniformNorms             part (c) ‖W_i‖ per sparsity and feature
 * @param uniformLoss              part (c) loss per sparsity
 * @param uniformDenseDimsPerFeature part (c) D* at S = 0
 * @param uniformHalfPlateau       part (c) width in decades of 1/(1 − S) of the longest run of sparsities with
 *                                 |D* − ½| ≤ 0.03
 * @param uniformStickyFraction    part (c) fraction of represented features of the models with S ≥ 0.5 whose D_i
 *                                 lies within 0.02 of a sticky fraction (1, ¾, ⅔, ½, ⅖, ⅜)
 * @param uniformPentagonFeatures  part (c) represented features (S ≥ 0.5) with |D_i − ⅖| ≤ 0.02
 */
public record SuperpositionResult(
        double[] pentagonSparsities, double[][][] pentagonW, double[][] pentagonBias, double[] pentagonLoss,
        int[] pentagonRepresented, double pentagonDenseRepresented, double pentagonDenseNormError,
        double pentagonDenseCosine, double pentagonSparseRepresented, double pentagonAngleError,
        double pentagonNormError,
        double[] sweepSparsities, double[][][] sweepGram, double[][] sweepNorms, double[][] sweepBias,
        double[] sweepLoss, int[] sweepRepresented, double sweepDenseRepresented, double sweepDenseNormError,
        double sweepDenseOthersNorm, double sweepDenseCosine, double sweepSparseRepresented,
        double sweepRepresentedDrops, double sweepAntipodalCosine,
        double[] uniformSparsities, double[] uniformDimsPerFeature, double[][] uniformDimensionality,
        double[][] uniformNorms, double[] uniformLoss, double uniformDenseDimsPerFeature, double uniformHalfPlateau,
        double uniformStickyFraction, double uniformPentagonFeatures) {}
