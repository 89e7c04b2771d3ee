/**
 * Finite MDPs and their exact solvers. {@link org.alignlab.decision.mdp.Mdp} (sparse, built with
 * {@link org.alignlab.decision.mdp.MdpBuilder} or drawn by {@link org.alignlab.decision.mdp.Garnet}) is solved by
 * {@link org.alignlab.decision.mdp.ValueIteration} or {@link org.alignlab.decision.mdp.PolicyIteration} into a
 * {@link org.alignlab.decision.mdp.Solution} (V*, Q*, greedy policy, iterations, residual, error bound); a
 * {@link org.alignlab.decision.mdp.Policy} is evaluated by {@link org.alignlab.decision.mdp.PolicyEvaluation},
 * derived from action values by {@link org.alignlab.decision.mdp.Policies}, and its state-visitation frequencies come
 * from {@link org.alignlab.decision.mdp.Visitation}; {@link org.alignlab.decision.mdp.FiniteHorizon} solves a horizon
 * of H steps by backward induction. {@link org.alignlab.decision.mdp.Bellman} holds the one-step backups all of them
 * share, so that every solver computes a row's value with the same operations in the same order.
 */
package org.alignlab.decision.mdp;
