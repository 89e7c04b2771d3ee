/**
 * Reward-model overoptimisation ("you get what you measure"): a proxy reward model learned from a limited number
 * of comparisons is optimised against, and the true (gold) reward first rises, then falls.
 *
 * <p>A small synthetic analogue of Gao, Schulman and Hilton 2022, "Scaling Laws for Reward Model Overoptimization"
 * (arXiv:2210.10760). The library part: {@link org.alignlab.threats.overoptimisation.GoldReward} (the synthetic gold
 * reward over outputs x ~ N(0, I) of the base policy), {@link org.alignlab.threats.overoptimisation.PreferenceData}
 * and {@link org.alignlab.threats.overoptimisation.BradleyTerry} (comparisons labelled by the gold reward and the
 * proxy fitted to them), {@link org.alignlab.threats.overoptimisation.QuadraticRewardModel} (the proxy),
 * {@link org.alignlab.threats.overoptimisation.BestOfN} (best-of-n over a pool of samples: exact expectations and
 * the KL of Sec. 2.2), {@link org.alignlab.threats.overoptimisation.KlRegularisedPolicy} (the optimum of
 * E[r] − λ KL over a pool: the policy-optimisation analogue) and
 * {@link org.alignlab.threats.overoptimisation.FunctionalForm} (the gold-reward laws d(α − βd) and
 * d(α − β log d) and their least-squares fits). {@link
 * org.alignlab.threats.overoptimisation.OveroptimisationExperiment} puts them together.
 */
package org.alignlab.threats.overoptimisation;
