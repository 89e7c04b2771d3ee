/**
 * Assistance games: a robot that is uncertain about the human's utility and treats the human's choices as
 * evidence about it.
 *
 * <p>The off-switch game (Hadfield-Menell, Dragan, Abbeel, Russell 2017, "The Off-Switch Game", IJCAI) is the
 * library part of this package: {@link org.alignlab.agendas.assistance.Prior} (the robot's belief B^R over the
 * utility U_a of its action), {@link org.alignlab.agendas.assistance.HumanPolicy} (the human's policy π_H: rational,
 * Eq. 2, or noisily rational, Eq. 5), {@link org.alignlab.agendas.assistance.OffSwitchGame} (the incentive Δ to wait,
 * Eq. 1, exactly and by Monte Carlo; Theorem 2's decomposition) and {@link
 * org.alignlab.agendas.assistance.OffSwitchExperiment}, which reproduces the paper's Theorem 1, Fig. 2, Theorem 2 and
 * Fig. 3.
 */
package org.alignlab.agendas.assistance;
