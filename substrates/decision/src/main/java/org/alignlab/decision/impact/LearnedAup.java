package org.alignlab.decision.impact;

import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.mdp.Policy;

/**
 * The learned ("model-free") AUP agent of Turner, Hadfield-Menell and Tadepalli 2020 (Sec. 4, the agent their
 * ablation calls Model-free AUP): tabular Q-learning of every auxiliary Q_{R_i} and, on the same transitions, of the
 * AUP action values, whose reward is R − λ · PENALTY/SCALE computed from the current auxiliary estimates (Eqs. 1–3,
 * normalised as {@link Aup.Scaling} says). With no auxiliary rewards, or λ = 0, it is plain Q-learning: the paper's
 * Vanilla agent.
 *
 * <p>The MDP serves only as a simulator: the learner sees sampled transitions (s, a, r, s') and never reads the
 * model. Every transition of an episode updates, in this order,
 * <pre>
 *   Q_i(s, a) += α [r_i(s') + γ max_b Q_i(s', b) − Q_i(s, a)]              for every i
 *   Q(s, a)   += α [R(s, a, s') − λ·PENALTY(s, a)/SCALE(s) + γ max_b Q(s', b) − Q(s, a)]
 * </pre>
 * with the penalty read from the Q_i just updated and max_b Q(s', b) = 0 in a terminal s'. All values start at 0.
 * Exploration is the authors': the greedy action of Q with probability {@code greedyEarly} during the first
 * {@code earlyFraction} of the episodes and {@code greedyLate} afterwards, otherwise one of the other actions
 * uniformly. Greedy ties go to the lowest action index.
 */
public final class LearnedAup {

    /**
     * How the agent learns.
     *
     * @param episodes      training episodes
     * @param episodeSteps  steps after which a training episode is cut off (the paper's levels end after 20)
     * @param learningRate  α in (0, 1]
     * @param greedyEarly   probability of the greedy action during the first part of training
     * @param greedyLate    probability of the greedy action afterwards
     * @param earlyFraction the fraction of the episodes that is the first part
     */
    public record Options(int episodes, int episodeSteps, double learningRate, double greedyEarly, double greedyLate,
                          double earlyFraction) {
        public Options {
            if (episodes < 1) throw new UsageException("the learned AUP agent needs at least 1 episode (got "
                    + episodes + ")");
            if (episodeSteps < 1) throw new UsageException("training episodes need at least 1 step (got "
                    + episodeSteps + ")");
            if (!(learningRate > 0 && learningRate <= 1)) {
                throw new UsageException("the learning rate must be in (0, 1] (got " + learningRate + ")");
            }
            checkProbability("greedyEarly", greedyEarly);
            checkProbability("greedyLate", greedyLate);
            checkProbability("earlyFraction", earlyFraction);
        }

        private static void checkProbability(String name, double p) {
            if (!(p >= 0 && p <= 1)) throw new UsageException(name + " must be in [0, 1] (got " + p + ")");
        }

        /**
         * The authors' settings: 6,000 episodes of at most 20 steps, α = 1 (their levels are deterministic), greedy
         * with probability 0.2 for the first two thirds of training and 0.9 for the last third.
         */
        public static Options paper() {
            return new Options(6_000, 20, 1, 0.2, 0.9, 2.0 / 3);
        }

        /** The same with another number of episodes. */
        public Options withEpisodes(int n) {
            return new Options(n, episodeSteps, learningRate, greedyEarly, greedyLate, earlyFraction);
        }
    }

    private final int noop;
    private final double[][] q;       // [s][a], the AUP action values
    private final double[][][] auxQ;  // [i][s][a]

    private LearnedAup(int noop, double[][] q, double[][][] auxQ) {
        this.noop = noop;
        this.q = q;
        this.auxQ = auxQ;
    }

    /**
     * Trains one agent.
     *
     * @param mdp     the environment, used as a simulator of (s, a) → (r, s'); its rewards are the primary R
     * @param aux     the auxiliary rewards, r_i(s') paid on arriving in s' (none: the plain learner)
     * @param noop    the index of the no-op ∅
     * @param lambda  λ ≥ 0
     * @param scaling how the penalty is normalised
     * @param options episodes, learning rate and exploration
     * @param rng     the only source of randomness: initial states, exploration and stochastic transitions
     * @throws UsageException for a no-op outside the MDP's actions, rewards over another number of states, a
     *                        negative or infinite λ, or a missing scaling
     */
    public static LearnedAup train(Mdp mdp, AuxiliaryRewards aux, int noop, double lambda, Aup.Scaling scaling,
                                   Options options, SplittableRandom rng) {
        AttainableUtility.checkNoop(mdp, noop);
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new UsageException("λ must be finite and >= 0 (got " + lambda + ")");
        }
        if (scaling == null) throw new UsageException("the AUP scaling must not be null");
        if (options == null) throw new UsageException("give the learned AUP agent its options");
        int n = aux.count();
        if (n > 0 && aux.states() != mdp.states()) {
            throw new UsageException("the auxiliary rewards cover " + aux.states() + " states, the MDP has "
                    + mdp.states());
        }
        int states = mdp.states();
        int actions = mdp.actions();
        double gamma = mdp.discount();
        double alpha = options.learningRate();
        double[][] q = new double[states][actions];
        double[][][] auxQ = new double[n][states][actions];
        double[] qa = new double[n];
        double[] qnoop = new double[n];
        int early = (int) Math.floor(options.earlyFraction() * options.episodes());
        for (int episode = 0; episode < options.episodes(); episode++) {
            double greedyProbability = episode < early ? options.greedyEarly() : options.greedyLate();
            int s = Mdp.sample(mdp.initialDistribution(), rng.nextDouble());
            for (int step = 0; step < options.episodeSteps() && !mdp.terminal(s); step++) {
                int a = behaviour(q[s], greedyProbability, rng);
                int k = mdp.sampleTransition(s, a, rng);
                int next = mdp.next(k);
                boolean end = mdp.terminal(next);
                for (int i = 0; i < n; i++) {
                    double target = aux.reward(i, next) + (end ? 0 : gamma * max(auxQ[i][next]));
                    auxQ[i][s][a] += alpha * (target - auxQ[i][s][a]);
                }
                double penalty = 0;
                if (n > 0 && lambda > 0) {
                    for (int i = 0; i < n; i++) {
                        qa[i] = auxQ[i][s][a];
                        qnoop[i] = auxQ[i][s][noop];
                    }
                    penalty = lambda * Aup.scaledPenalty(scaling, qa, qnoop);
                }
                double reward = mdp.transitionReward(k) + mdp.stateReward(s) - penalty;
                double target = reward + (end ? 0 : gamma * max(q[next]));
                q[s][a] += alpha * (target - q[s][a]);
                s = next;
            }
        }
        return new LearnedAup(noop, q, auxQ);
    }

    /** Greedy with probability {@code p}, otherwise one of the other actions uniformly (the authors' rule). */
    private static int behaviour(double[] values, double p, SplittableRandom rng) {
        int greedy = greedy(values);
        if (values.length == 1 || rng.nextDouble() < p) return greedy;
        int other = rng.nextInt(values.length - 1);
        return other >= greedy ? other + 1 : other;
    }

    static int greedy(double[] values) {
        int best = 0;
        for (int a = 1; a < values.length; a++) if (values[a] > values[best]) best = a;
        return best;
    }

    private static double max(double[] values) {
        return values[greedy(values)];
    }

    public int noop() {
        return noop;
    }

    /** |R|. */
    public int count() {
        return auxQ.length;
    }

    /** The learned AUP action value Q(s, a). */
    public double q(int s, int a) {
        return q[s][a];
    }

    /** The learned attainable utility Q_{R_i}(s, a). */
    public double auxiliaryQ(int i, int s, int a) {
        return auxQ[i][s][a];
    }

    /** The greedy policy of the learned AUP values, ties to the lowest action index (no-op-free states included). */
    public Policy.Deterministic policy() {
        int[] pi = new int[q.length];
        for (int s = 0; s < q.length; s++) pi[s] = greedy(q[s]);
        return new Policy.Deterministic(pi);
    }
}
