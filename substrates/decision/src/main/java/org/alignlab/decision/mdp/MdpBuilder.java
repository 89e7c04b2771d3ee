package org.alignlab.decision.mdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alignlab.core.UsageException;

/**
 * Builds an {@link Mdp}. Transitions may be added in any order; repeated (s, a, s') entries are merged (their
 * probabilities add, their rewards are averaged by probability). Rewards can be given per state R(s), per
 * state-action R(s,a) (added to every transition of the row) or per transition R(s,a,s').
 */
public final class MdpBuilder {
    private final int states;
    private final int actions;
    private double discount = 0.9;
    private final List<List<double[]>> rows;
    private final double[] stateReward;
    private final double[] actionReward;
    private final boolean[] terminal;
    private double[] initial;
    private String[] stateNames;
    private String[] actionNames;

    MdpBuilder(int states, int actions) {
        if (states < 1) throw new UsageException("an MDP needs at least one state (got " + states + ")");
        if (actions < 1) throw new UsageException("an MDP needs at least one action (got " + actions + ")");
        if ((long) states * actions > Integer.MAX_VALUE - 1) {
            throw new UsageException("too many state-action pairs: " + states + " × " + actions);
        }
        this.states = states;
        this.actions = actions;
        this.rows = new ArrayList<>(states * actions);
        for (int i = 0; i < states * actions; i++) rows.add(null);
        this.stateReward = new double[states];
        this.actionReward = new double[states * actions];
        this.terminal = new boolean[states];
    }

    static void checkDiscount(double gamma) {
        if (!(gamma >= 0 && gamma <= 1)) throw new UsageException("discount must be in [0, 1] (got " + gamma + ")");
    }

    public MdpBuilder discount(double gamma) {
        checkDiscount(gamma);
        this.discount = gamma;
        return this;
    }

    /** P(s'|s,a) = p with no transition reward. */
    public MdpBuilder transition(int s, int a, int next, double p) {
        return transition(s, a, next, p, 0.0);
    }

    /** P(s'|s,a) = p with reward R(s,a,s') = r. */
    public MdpBuilder transition(int s, int a, int next, double p, double r) {
        checkState(s, "state");
        checkAction(a);
        checkState(next, "successor");
        if (!(p >= 0 && p <= 1 + Mdp.PROBABILITY_TOLERANCE)) {
            throw new UsageException("probability " + p + " of " + s + " --" + a + "--> " + next + " is not in [0, 1]");
        }
        if (!Double.isFinite(r)) throw new UsageException("reward of " + s + " --" + a + "--> " + next + " is " + r);
        int row = s * actions + a;
        List<double[]> list = rows.get(row);
        if (list == null) {
            list = new ArrayList<>(2);
            rows.set(row, list);
        }
        for (double[] e : list) {
            if ((int) e[0] == next) {
                double total = e[1] + p;
                e[2] = total == 0 ? r : (e[1] * e[2] + p * r) / total;
                e[1] = total;
                return this;
            }
        }
        list.add(new double[] {next, p, r});
        return this;
    }

    /** A deterministic transition. */
    public MdpBuilder deterministic(int s, int a, int next) {
        return transition(s, a, next, 1.0);
    }

    public MdpBuilder stateReward(int s, double r) {
        checkState(s, "state");
        if (!Double.isFinite(r)) throw new UsageException("state reward of " + s + " is " + r);
        stateReward[s] = r;
        return this;
    }

    /** R(s, a), added to every transition of the row. */
    public MdpBuilder actionReward(int s, int a, double r) {
        checkState(s, "state");
        checkAction(a);
        if (!Double.isFinite(r)) throw new UsageException("reward of (" + s + ", " + a + ") is " + r);
        actionReward[s * actions + a] = r;
        return this;
    }

    public MdpBuilder terminal(int s) {
        checkState(s, "state");
        terminal[s] = true;
        return this;
    }

    public MdpBuilder initial(int s) {
        double[] d = new double[states];
        checkState(s, "state");
        d[s] = 1;
        initial = d;
        return this;
    }

    public MdpBuilder initialDistribution(double[] d) {
        if (d.length != states) throw new UsageException("initial distribution needs " + states + " entries");
        double sum = 0;
        for (double x : d) {
            if (!(x >= 0)) throw new UsageException("initial probabilities must be >= 0");
            sum += x;
        }
        if (Math.abs(sum - 1) > Mdp.PROBABILITY_TOLERANCE) {
            throw new UsageException("initial distribution sums to " + sum + ", not 1");
        }
        initial = d.clone();
        return this;
    }

    public MdpBuilder stateNames(String... names) {
        if (names.length != states) throw new UsageException("need " + states + " state names");
        stateNames = names.clone();
        return this;
    }

    public MdpBuilder actionNames(String... names) {
        if (names.length != actions) throw new UsageException("need " + actions + " action names");
        actionNames = names.clone();
        return this;
    }

    /**
     * Checks and freezes the MDP.
     *
     * @throws UsageException naming the first (state, action) whose probabilities do not sum to 1, or that has no
     *                        transition although the state is not terminal
     */
    public Mdp build() {
        int[] rowStart = new int[states * actions + 1];
        int nnz = 0;
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                int row = s * actions + a;
                rowStart[row] = nnz;
                List<double[]> list = rows.get(row);
                if (terminal[s]) {
                    continue;
                }
                if (list == null || list.isEmpty()) {
                    throw new UsageException("state " + name(s) + ", action " + actionName(a)
                            + " has no transition; give one or mark the state terminal");
                }
                double sum = 0;
                for (double[] e : list) sum += e[1];
                if (Math.abs(sum - 1) > Mdp.PROBABILITY_TOLERANCE) {
                    throw new UsageException(String.format(Locale.ROOT,
                            "probabilities of state %s, action %s sum to %.12g, not 1", name(s), actionName(a), sum));
                }
                nnz += list.size();
            }
        }
        rowStart[states * actions] = nnz;
        int[] next = new int[nnz];
        double[] prob = new double[nnz];
        double[] reward = new double[nnz];
        for (int row = 0; row < states * actions; row++) {
            List<double[]> list = rows.get(row);
            int s = row / actions;
            if (list == null || terminal[s]) continue;
            list.sort((x, y) -> Double.compare(x[0], y[0]));
            int k = rowStart[row];
            for (double[] e : list) {
                next[k] = (int) e[0];
                prob[k] = e[1];
                reward[k] = e[2] + actionReward[row];
                k++;
            }
        }
        double[] init = initial;
        if (init == null) {
            init = new double[states];
            int live = 0;
            for (int s = 0; s < states; s++) if (!terminal[s]) live++;
            for (int s = 0; s < states; s++) init[s] = live == 0 ? 1.0 / states : terminal[s] ? 0 : 1.0 / live;
        }
        return new Mdp(states, actions, discount, rowStart, next, prob, reward, stateReward.clone(), terminal.clone(),
                init, stateNames, actionNames);
    }

    private String name(int s) {
        return stateNames == null ? Integer.toString(s) : stateNames[s];
    }

    private String actionName(int a) {
        return actionNames == null ? Integer.toString(a) : actionNames[a];
    }

    private void checkState(int s, String what) {
        if (s < 0 || s >= states) {
            throw new UsageException(what + " " + s + " is not in the MDP (states 0.." + (states - 1) + ")");
        }
    }

    private void checkAction(int a) {
        if (a < 0 || a >= actions) {
            throw new UsageException("action " + a + " is not in the MDP (actions 0.." + (actions - 1) + ")");
        }
    }
}
