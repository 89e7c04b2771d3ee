package org.alignlab.decision.mdp;

/** Hand-made MDPs with closed-form answers. */
final class Examples {
    private Examples() {}

    /**
     * Two states, actions stay (0) and move (1): staying in state 1 pays 1, everything else pays 0. V*(1) = 1/(1 − γ),
     * V*(0) = γ/(1 − γ); the optimal policy moves from 0 and stays in 1.
     */
    static Mdp chain(double gamma) {
        return Mdp.builder(2, 2).discount(gamma)
                .deterministic(0, 0, 0).deterministic(0, 1, 1)
                .transition(1, 0, 1, 1.0, 1.0).deterministic(1, 1, 0)
                .build();
    }

    /**
     * One decision state (0) and a terminal state (1). Action safe (0) pays 1 and ends; action gamble (1) wins
     * {@code prize} and ends with probability 1/2, else pays nothing and returns to state 0. Gambling forever is
     * worth (prize/2)/(1 − γ/2); the optimal value is the larger of that and 1.
     */
    static Mdp gamble(double prize, double gamma) {
        return Mdp.builder(2, 2).discount(gamma).terminal(1)
                .transition(0, 0, 1, 1.0, 1.0)
                .transition(0, 1, 1, 0.5, prize).transition(0, 1, 0, 0.5, 0.0)
                .build();
    }
}
