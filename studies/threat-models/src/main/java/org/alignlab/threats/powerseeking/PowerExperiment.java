package org.alignlab.threats.powerseeking;

import java.util.List;
import org.alignlab.core.Claim;
import org.alignlab.core.Experiment;
import org.alignlab.core.ExperimentInfo;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.Seeds;
import org.alignlab.core.Source;
import org.alignlab.core.Tolerance;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.power.Horizon;
import org.alignlab.decision.power.Power;
import org.alignlab.decision.power.RewardSampler;

/**
 * POWER and optimality probability (Turner, Smith, Shah, Critch and Tadepalli 2021) on the small MDPs that Turner
 * uses to introduce them, with rewards IID uniform on [0, 1] per state and the γ → 0 and γ → 1 limits in closed
 * form ({@link Power}).
 */
public final class PowerExperiment implements Experiment<PowerConfig, PowerResult> {

    public static final String ID = "threat-models.power-seeking.power";

    static final Source PAPER = Source.of("Turner, Smith, Shah, Critch, Tadepalli", 2021,
            "Optimal Policies Tend to Seek Power");
    static final Source POST = Source.of("Turner", 2019, "Seeking Power is Often Convergently Instrumental in MDPs");
    static final Source ORDER_STATISTICS = Source.of("David, Nagaraja", 2003, "Order Statistics");

    static final int MAX_N = 6;
    static final int SEEDS = 3;

    // With 20,000 samples a probability's standard error is at most 0.0036; over 3 seeds the 95% interval's half
    // width is about t(2) · 0.0036/√3 ≈ 0.009. 0.02 covers that with room and is far below the gaps between the
    // competing answers (e.g. 2/3 vs 3/4, 1/11 vs 1/2).
    static final double TOLERANCE = 0.02;

    @Override
    public ExperimentInfo info() {
        return new ExperimentInfo(ID, "POWER and optimality probability in small MDPs", "threat-models.power-seeking",
                List.of(PAPER.at("definitions of POWER and optimality probability; average-reward limit"), POST),
                "POWER(s) is the normalised optimal value an agent at s can expect when its state-based reward "
                        + "function is drawn at random: (1 - gamma)/gamma E[V*_R(s) - R(s)]. Turner et al. show "
                        + "that, for most reward functions, optimal policies keep options open and, as gamma -> 1, "
                        + "head for the larger sets of reachable absorbing states. Here rewards are IID uniform on "
                        + "[0, 1]; POWER and the probability that each move is optimal are estimated by Monte Carlo "
                        + "over reward functions, with the gamma -> 0 limit (best expected next-state reward) and "
                        + "the gamma -> 1 limit (best reachable cycle mean, deterministic MDPs) computed exactly "
                        + "for each sample.");
    }

    @Override
    public Class<PowerConfig> configType() {
        return PowerConfig.class;
    }

    @Override
    public Class<PowerResult> resultType() {
        return PowerResult.class;
    }

    @Override
    public PowerConfig config(Scale scale) {
        return scale == Scale.PAPER ? PowerConfig.paper() : PowerConfig.quick();
    }

    @Override
    public PowerResult run(PowerConfig c, RunContext ctx) {
        RewardSampler uniform = RewardSampler.iidUniform();
        double[] maxOfN = new double[MAX_N];
        double maxErr = 0;
        for (int n = 1; n <= MAX_N; n++) {
            ctx.checkCancelled();
            maxOfN[n - 1] = estimate(PowerMdps.star(n), 0, Horizon.myopic(), c, ctx, "max-of-" + n).power();
            maxErr = Math.max(maxErr, Math.abs(maxOfN[n - 1] - n / (n + 1.0)));
            ctx.log("max-of-n/estimate", n, maxOfN[n - 1]);
        }
        Mdp candy = PowerMdps.candy();
        double candyMyopic = estimate(candy, PowerMdps.CANDY_START, Horizon.myopic(), c, ctx, "candy").power();
        Power.Estimate candyFar = estimate(candy, PowerMdps.CANDY_START, Horizon.farSighted(), c, ctx, "candy");
        ctx.checkCancelled();
        Power.Estimate shutdown = estimate(PowerMdps.shutdown(), PowerMdps.SHUTDOWN_START, Horizon.farSighted(), c,
                ctx, "shutdown");
        Power.Estimate branching = estimate(PowerMdps.branching(), PowerMdps.BRANCHING_START, Horizon.farSighted(),
                c, ctx, "branching");
        double[] alternatives = new double[5];
        double dev = 0;
        for (int a = 1; a <= 5; a++) {
            alternatives[a - 1] = branching.optimality(a);
            dev = Math.max(dev, Math.abs(alternatives[a - 1] - 0.1));
        }
        return new PowerResult(maxOfN, maxErr, candyMyopic, candyFar.power(), candyFar.optimality(1),
                shutdown.optimality(0), branching.optimality(0), alternatives, dev);
    }

    private static Power.Estimate estimate(Mdp mdp, int state, Horizon h, PowerConfig c, RunContext ctx,
                                           String name) {
        return Power.estimate(mdp, state, h, RewardSampler.iidUniform(),
                new Power.Options(c.samples(), c.threads(), Seeds.derive(ctx.seed(), name)));
    }

    static final String SETUP = "Rewards IID uniform on [0, 1] per state; Monte Carlo over reward functions "
            + "(quick: 20,000 per estimate, paper: 400,000), limits gamma -> 0 and gamma -> 1 computed exactly per "
            + "sample.";

    static final String RECONSTRUCTED = " The MDP was rebuilt from the structure the stated probabilities imply "
            + "(the source's drawing could not be checked here): see PowerMdps.";

    @Override
    public List<Claim<PowerResult>> claims() {
        return List.of(
                Claim.<PowerResult>published("max-of-n-uniforms",
                                ORDER_STATISTICS.at("expected largest of n IID uniform(0, 1) variables, n/(n + 1)"),
                        "The expected maximum of n IID uniform(0, 1) rewards is n/(n + 1): the Monte Carlo POWER "
                                + "of a star of n absorbing states as gamma -> 0 matches it for n = 1..6 (largest "
                                + "|error|).",
                        PowerResult::maxOfNError, 0, Tolerance.atMost(0.015), SEEDS)
                        .withSetupNote(SETUP + " Exact value, used by Turner et al. for POWER under IID uniform "
                                + "rewards; 0.015 is about four standard errors of the worst of six estimates."),
                Claim.<PowerResult>published("candy-power-myopic", POST.at("candy-or-wait example"),
                        "POWER(start) tends to 2/3 as gamma -> 0: the better of the two next states (candy, wait).",
                        PowerResult::candyPowerMyopic, 2.0 / 3, Tolerance.absolute(TOLERANCE), SEEDS)
                        .withSetupNote(SETUP),
                Claim.<PowerResult>published("candy-power-farsighted", POST.at("candy-or-wait example"),
                        "POWER(start) tends to 3/4 as gamma -> 1: the best of the three reachable absorbing "
                                + "states (candy, chocolate, hug).",
                        PowerResult::candyPowerFarSighted, 3.0 / 4, Tolerance.absolute(TOLERANCE), SEEDS)
                        .withSetupNote(SETUP),
                Claim.<PowerResult>published("candy-wait-optimal", POST.at("candy-or-wait example"),
                        "As gamma -> 1, waiting is optimal for 2/3 of reward functions: it keeps two of the three "
                                + "absorbing states reachable.",
                        PowerResult::candyWaitOptimal, 2.0 / 3, Tolerance.absolute(TOLERANCE), SEEDS)
                        .withSetupNote(SETUP),
                Claim.<PowerResult>published("shutdown-optimal", PAPER.at("shutdown example (average-reward limit)"),
                        "As gamma -> 1, moving to the shutdown state is optimal for only 1/11 of reward "
                                + "functions when the alternative keeps ten absorbing states reachable.",
                        PowerResult::shutdownOptimal, 1.0 / 11, Tolerance.absolute(TOLERANCE), SEEDS)
                        .withSetupNote(SETUP + RECONSTRUCTED),
                Claim.<PowerResult>published("branching-keep-options", PAPER.at("branching example"),
                        "As gamma -> 1, the move that keeps five absorbing states reachable is optimal half the "
                                + "time against five moves to one absorbing state each.",
                        PowerResult::branchingKeepOptions, 0.5, Tolerance.absolute(TOLERANCE), SEEDS)
                        .withSetupNote(SETUP + RECONSTRUCTED),
                Claim.<PowerResult>published("branching-alternatives", PAPER.at("branching example"),
                        "Each of the five single-option moves is optimal 10% of the time (largest |P - 0.1|).",
                        PowerResult::branchingAlternativeMaxDeviation, 0, Tolerance.atMost(TOLERANCE), SEEDS)
                        .withSetupNote(SETUP + RECONSTRUCTED));
    }
}
