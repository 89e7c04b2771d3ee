package org.alignlab.robust.grokking;

/**
 * One grokking run. Steps count full-batch updates; metrics "at step s" are taken on the weights after s updates,
 * at the snapshots every {@code measureEvery} steps (and at step 0).
 *
 * @param p                     modulus
 * @param trainPairs            pairs used for training
 * @param testPairs             held-out pairs
 * @param memorizedStep         first snapshot with training accuracy >= 99% (-1: never)
 * @param circuitFormedStep     end of circuit formation: the first snapshot after {@code memorizedStep} whose test
 *                              loss is below half its value at {@code memorizedStep} (-1: never)
 * @param generalizedStep       first snapshot with test accuracy >= 99% (-1: never)
 * @param grokkingDelay         (generalizedStep - memorizedStep) / memorizedStep; 0 when either step is missing
 * @param finalTrainAccuracy    training accuracy after the last step
 * @param finalTestAccuracy     test accuracy after the last step
 * @param finalTrainLoss        training cross-entropy after the last step
 * @param finalTestLoss         test cross-entropy after the last step
 * @param embeddingSpectrum     norm of W_E (number tokens) per frequency: entry 0 the constant, entry k frequency k
 * @param keyFrequencies        the key frequencies read off the final spectrum, ascending
 * @param keyFrequencyCount     how many
 * @param keyEmbeddingShare     share of |W_E|_F^2 (number tokens) in the key frequencies
 * @param finalFullLoss         cross-entropy over all p^2 pairs after the last step
 * @param finalRestrictedLoss   restricted loss over all pairs after the last step
 * @param restrictedToFullRatio finalRestrictedLoss / finalFullLoss
 * @param excludedAtMemorized   excluded loss (training pairs) at memorizedStep
 * @param excludedAtCircuit     excluded loss (training pairs) at circuitFormedStep
 * @param excludedRise          excludedAtCircuit / excludedAtMemorized; 0 when either step is missing
 * @param measuredSteps         the snapshot steps
 * @param trainLoss             training loss at each snapshot
 * @param testLoss              test loss at each snapshot
 * @param trainAccuracy         training accuracy at each snapshot
 * @param testAccuracy          test accuracy at each snapshot
 * @param restrictedLoss        restricted loss (all pairs, final key frequencies) at each snapshot
 * @param excludedLoss          excluded loss (training pairs, final key frequencies) at each snapshot
 * @param keyShare              share of |W_E|^2 in the final key frequencies at each snapshot
 */
public record GrokkingResult(int p, int trainPairs, int testPairs, long memorizedStep, long circuitFormedStep,
                             long generalizedStep, double grokkingDelay, double finalTrainAccuracy,
                             double finalTestAccuracy, double finalTrainLoss, double finalTestLoss,
                             double[] embeddingSpectrum, int[] keyFrequencies, int keyFrequencyCount,
                             double keyEmbeddingShare, double finalFullLoss, double finalRestrictedLoss,
                             double restrictedToFullRatio, double excludedAtMemorized, double excludedAtCircuit,
                             double excludedRise, double[] measuredSteps, double[] trainLoss, double[] testLoss,
                             double[] trainAccuracy, double[] testAccuracy, double[] restrictedLoss,
                             double[] excludedLoss, double[] keyShare) {}
