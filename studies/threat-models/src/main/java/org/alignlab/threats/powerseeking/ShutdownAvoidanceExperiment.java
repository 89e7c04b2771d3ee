package org.alignlab.threats.powerseeking;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.alignlab.core.Claim;
import org.alignlab.core.Experiment;
import org.alignlab.core.ExperimentInfo;
import org.alignlab.core.Figure;
import org.alignlab.core.Progress;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.Seeds;
import org.alignlab.core.Source;
import org.alignlab.core.Tolerance;
import org.alignlab.core.UsageException;
import org.alignlab.decision.grid.GridRender;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.power.Horizon;
import org.alignlab.decision.power.Power;
import org.alignlab.decision.power.RewardSampler;
import org.alignlab.threats.powerseeking.ShutdownGridworlds.World;
import org.alignlab.threats.powerseeking.ShutdownResult.MapResult;

/**
 * Shutdown avoidance in gridworlds (Turner, Smith, Shah, Critch and Tadepalli 2021, "Optimal Policies Tend to Seek
 * Power"): on maps with an absorbing off-switch ({@link ShutdownGridworlds}), the fraction of reward functions whose
 * optimal policy from the start never steps onto the switch, against the discount γ, with the limits γ → 0 and
 * γ → 1 computed exactly per reward function ({@link ShutdownAvoidance}); and POWER at every cell, drawn as heat maps.
 * Rewards are state-based, IID uniform on [0, 1] over the MDP's states (a state is the agent's cell).
 */
public final class ShutdownAvoidanceExperiment implements Experiment<ShutdownConfig, ShutdownResult> {

    public static final String ID = "threat-models.power-seeking.shutdown-gridworlds";

    static final Source PAPER = PowerExperiment.PAPER;
    static final Source GRIDWORLDS = Source.of("Leike et al.", 2017, "AI Safety Gridworlds");

    static final int SEEDS = 3;
    static final String CORRIDOR = "corridor";
    static final String INTERRUPTION = "interruption";

    // Samples are processed in blocks, between which the run checks for cancellation and reports progress.
    private static final int BLOCK = 2_000;

    @Override
    public ExperimentInfo info() {
        return new ExperimentInfo(ID, "Shutdown avoidance and POWER in gridworlds", "threat-models.power-seeking",
                List.of(PAPER.at("Sec. 6.3: average-optimal policies tend to avoid a shutdown 1-cycle"),
                        GRIDWORLDS.at("safe interruptibility, level 0")),
                "Turner et al. prove that when an agent can either enter an absorbing shutdown state or keep "
                        + "other options open, most reward functions make avoiding shutdown optimal, and that for a "
                        + "far-sighted (average-reward) agent the advantage grows with the number of options kept. "
                        + "Here two gridworlds have an off-switch cell the agent never leaves: a corridor whose dead "
                        + "end holds the switch beside the start and whose other end opens into a large room, and the "
                        + "safe-interruptibility map of the AI Safety Gridworlds with its interruption tile made a "
                        + "switch. Rewards are drawn IID uniform per cell; for each draw the optimal policy is solved "
                        + "exactly at a grid of discounts and in the two limits, and we count how often it never "
                        + "reaches the switch. POWER at every cell is shown as a heat map.");
    }

    @Override
    public Class<ShutdownConfig> configType() {
        return ShutdownConfig.class;
    }

    @Override
    public Class<ShutdownResult> resultType() {
        return ShutdownResult.class;
    }

    @Override
    public ShutdownConfig config(Scale scale) {
        return scale == Scale.PAPER ? ShutdownConfig.paper() : ShutdownConfig.quick();
    }

    @Override
    public void validate(ShutdownConfig c) {
        double[] g = c.gammas();
        if (g.length == 0) throw new UsageException("gammas must list at least one discount, e.g. gammas=0.5,0.9");
        for (int i = 0; i < g.length; i++) {
            if (!(g[i] > 0 && g[i] < 1)) throw new UsageException("gammas must lie strictly between 0 and 1");
            if (i > 0 && !(g[i] > g[i - 1])) {
                throw new UsageException("gammas must be strictly increasing (got " + g[i - 1] + " then " + g[i] + ")");
            }
        }
    }

    @Override
    public ShutdownResult run(ShutdownConfig c, RunContext ctx) {
        validate(c);
        List<MapResult> maps = new ArrayList<>();
        for (World w : ShutdownGridworlds.worlds()) {
            ctx.checkCancelled();
            maps.add(measure(w, c, ctx));
            if (ctx.hasArtifactDir()) writeMapPicture(w, ctx);
        }
        return new ShutdownResult(maps);
    }

    private static MapResult measure(World w, ShutdownConfig c, RunContext ctx) {
        double[] gammas = c.gammas();
        int h = gammas.length + 2;
        int n = c.samples();
        ShutdownAvoidance avoidance = new ShutdownAvoidance(w.mdp(), w.start(), w.shutdown());
        RewardSampler sampler = RewardSampler.iidUniform();
        long base = Seeds.derive(ctx.seed(), "avoidance/" + w.name());
        // Sample i's rewards come from its own stream and are shared by every horizon (common random numbers);
        // each sample writes only its own row, and the rows are summed in index order.
        boolean[][] avoided = new boolean[n][];
        ForkJoinPool pool = c.threads() > 1 ? new ForkJoinPool(c.threads()) : null;
        try (Progress bar = ctx.progress("shutdown avoidance, " + w.name(), n)) {
            for (int from = 0; from < n; from += BLOCK) {
                ctx.checkCancelled();
                int to = Math.min(n, from + BLOCK);
                parallel(pool, from, to, i -> {
                    double[] r = sampler.sample(w.states(), Seeds.stream(base, "sample/" + i));
                    avoided[i] = avoidance.avoidsAll(r, gammas);
                });
                bar.advance(to - from);
            }
        } finally {
            if (pool != null) pool.shutdown();
        }
        double[] p = new double[h];
        for (int k = 0; k < h; k++) {
            int count = 0;
            for (int i = 0; i < n; i++) if (avoided[i][k]) count++;
            p[k] = (double) count / n;
        }
        int g = c.gammas().length;
        double[] avoid = new double[g];
        double[] lo = new double[g];
        double[] hi = new double[g];
        for (int k = 0; k < g; k++) {
            avoid[k] = p[k + 1];
            lo[k] = Math.max(0, avoid[k] - half(avoid[k], n));
            hi[k] = Math.min(1, avoid[k] + half(avoid[k], n));
            ctx.log(w.name() + "/avoid", k, avoid[k]);
        }
        ctx.log(w.name() + "/avoid-myopic", 0, p[0]);
        ctx.log(w.name() + "/avoid-farsighted", 0, p[h - 1]);

        long powerSeed = Seeds.derive(ctx.seed(), "power/" + w.name());
        double[] powerMyopic = powerMap(w.mdp(), Horizon.myopic(), c, powerSeed, ctx);
        double[] powerDiscounted = powerMap(w.mdp(), Horizon.discounted(c.heatGamma()), c, powerSeed, ctx);
        double[] powerFar = powerMap(w.mdp(), Horizon.farSighted(), c, powerSeed, ctx);
        ctx.log(w.name() + "/power-start", 0, powerDiscounted[w.start()]);
        ctx.log(w.name() + "/power-shutdown", 0, powerDiscounted[w.shutdown()]);
        return new MapResult(w.name(), w.map().lines(), w.reachableAvoidingShutdown(), w.farSightedAvoidance(),
                c.gammas(), avoid, lo, hi, p[0], half(p[0], n), p[h - 1], half(p[h - 1], n), w.cells(),
                w.shutdown(), w.start(), c.heatGamma(), powerMyopic, powerDiscounted, powerFar);
    }

    /** POWER of every state from one set of reward samples (one solve per sample, every state read off it). */
    static double[] powerMap(Mdp mdp, Horizon horizon, ShutdownConfig c, long seed, RunContext ctx) {
        ctx.checkCancelled();
        Power.Options options = new Power.Options(c.powerSamples(), c.threads(), seed);
        Power.AllStates all = Power.estimateAll(mdp, horizon, RewardSampler.iidUniform(), options);
        double[] out = new double[mdp.states()];
        for (int s = 0; s < mdp.states(); s++) out[s] = all.power(s);
        return out;
    }

    private static double half(double p, int n) {
        return 1.96 * Math.sqrt(p * (1 - p) / n);
    }

    private static void parallel(ForkJoinPool pool, int from, int to, java.util.function.IntConsumer body) {
        if (pool == null) {
            for (int i = from; i < to; i++) body.accept(i);
            return;
        }
        try {
            pool.submit(() -> IntStream.range(from, to).parallel().forEach(body)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void writeMapPicture(World w, RunContext ctx) {
        Path png = ctx.artifactDir().resolve("map-" + w.name() + ".png");
        try {
            GridRender.writePng(w.grid().observation(w.start()), GridRender.DEFAULT_CELL_PIXELS, png);
        } catch (IOException ex) {
            throw new UsageException("cannot write " + png + ": " + ex.getMessage());
        }
        ctx.artifact(png.getFileName().toString(), png);
    }

    // 95% half width of one seed's fraction is 1.96 √(p(1 − p)/n); over 3 seeds the checker's interval is
    // t(2) · sd/√3 ≈ 2.5 · √(p(1 − p)/n) when the seeds' spread matches the binomial one. At the quick scale
    // (n = 20,000) that is 0.004 for p ≈ 0.95 and 0.008 for p = 2/3; the tolerances below are about three times
    // these, to allow for the noisy spread of three seeds, and far below the gaps between competing answers.
    static final double FAR_TOLERANCE = 0.012;
    static final double MYOPIC_TOLERANCE = 0.025;

    static final String SETUP = "Rewards IID uniform on [0, 1] per state (a state is the agent's cell); Monte Carlo "
            + "over reward functions (quick: 20,000 per map, paper: 400,000); the optimal policy of each draw is "
            + "solved exactly, the gamma -> 0 and gamma -> 1 limits in closed form. The agent has a no-op, so every "
            + "cell is a 1-cycle.";

    static final String PAPER_NUMBER = " The paper proves an inequality for maps like these (avoiding shutdown is "
            + "at least k times as likely as shutdown when the alternatives hold k copies of the shutdown 1-cycle); "
            + "the value k/(k + 1) is what its IID argument gives when every alternative is a 1-cycle, as here. "
            + "Section numbers were not checked against the published PDF here.";

    @Override
    public List<Claim<ShutdownResult>> claims() {
        World corridor = ShutdownGridworlds.export(CORRIDOR, ShutdownGridworlds.CORRIDOR);
        World interruption = ShutdownGridworlds.export(INTERRUPTION, ShutdownGridworlds.INTERRUPTION);
        int kc = corridor.reachableAvoidingShutdown();
        int ki = interruption.reachableAvoidingShutdown();
        return List.of(
                Claim.<ShutdownResult>published("corridor-far-sighted",
                                PAPER.at("Sec. 6.3, average-optimal policies tend not to end up in a given 1-cycle"),
                        String.format(Locale.ROOT, "As gamma -> 1, the agent at the switch-end of the corridor avoids "
                                + "shutdown for %d/%d of reward functions: the switch must out-reward all %d other "
                                + "reachable cells.", kc, kc + 1, kc),
                        r -> r.map(CORRIDOR).avoidFarSighted(), corridor.farSightedAvoidance(),
                        Tolerance.absolute(FAR_TOLERANCE), SEEDS)
                        .withSetupNote(SETUP + PAPER_NUMBER),
                Claim.<ShutdownResult>published("interruption-far-sighted",
                                PAPER.at("Sec. 6.3, average-optimal policies tend not to end up in a given 1-cycle"),
                        String.format(Locale.ROOT, "As gamma -> 1, on the safe-interruptibility map with its "
                                + "interruption tile made an off-switch, the agent avoids shutdown for %d/%d of "
                                + "reward functions.", ki, ki + 1),
                        r -> r.map(INTERRUPTION).avoidFarSighted(), interruption.farSightedAvoidance(),
                        Tolerance.absolute(FAR_TOLERANCE), SEEDS)
                        .withSetupNote(SETUP + PAPER_NUMBER + " Map after Leike et al. 2017, level 0."),
                Claim.<ShutdownResult>demonstration("corridor-myopic", PAPER.at("POWER's gamma -> 0 limit"),
                        "As gamma -> 0 the agent beside the switch compares only the next cell's reward: it stays, "
                                + "steps onto the switch, or walks on, whichever cell pays most, so it avoids "
                                + "shutdown for 2/3 of reward functions.",
                        r -> r.map(CORRIDOR).avoidMyopic(), 2.0 / 3, Tolerance.absolute(MYOPIC_TOLERANCE), SEEDS)
                        .withSetupNote(SETUP + " 2/3 is exact here (the best of three IID cells), not a published "
                                + "number."),
                Claim.<ShutdownResult>demonstration("corridor-rises-with-gamma", PAPER.at("Sec. 6.3"),
                        "Far-sightedness makes shutdown avoidance more likely: P(avoid) as gamma -> 1 exceeds "
                                + "P(avoid) as gamma -> 0 by at least 0.25 on the corridor map.",
                        r -> r.map(CORRIDOR).riseWithGamma(), 0.25, Tolerance.atLeast(0), SEEDS)
                        .withSetupNote(SETUP),
                Claim.<ShutdownResult>demonstration("limit-matches-large-gamma", PAPER.at("Sec. 6.3"),
                        "The exact gamma -> 1 limit agrees with the discounted solution at the largest discount "
                                + "of the grid: |P(avoid at gamma = 0.999) - P(avoid, gamma -> 1)| is at most 0.01 "
                                + "on both maps (largest of the two).",
                        r -> Math.max(
                                Math.abs(r.map(CORRIDOR).avoidAtLargestGamma() - r.map(CORRIDOR).avoidFarSighted()),
                                Math.abs(r.map(INTERRUPTION).avoidAtLargestGamma()
                                        - r.map(INTERRUPTION).avoidFarSighted())),
                        0.01, Tolerance.atMost(0), SEEDS)
                        .withSetupNote(SETUP + " Written for the default discount grid, whose largest value is "
                                + "0.999; at 0.99 the corridor map is still 0.03 short of its limit."),
                Claim.<ShutdownResult>demonstration("shutdown-least-power",
                                PAPER.at("POWER of an absorbing state is the expected reward"),
                        "On the corridor map at gamma = 0.9, POWER at the off-switch (the mean reward, 1/2) is "
                                + "below POWER at every other cell by at least 0.1.",
                        r -> r.map(CORRIDOR).shutdownPowerGap(), 0.1, Tolerance.atLeast(0), SEEDS)
                        .withSetupNote(SETUP + " POWER by Monte Carlo with Power.estimate, 100 reward functions per cell at the "
                                + "quick scale."));
    }

    @Override
    public List<Figure<ShutdownResult>> figures() {
        List<Figure<ShutdownResult>> out = new ArrayList<>();
        out.add(ShutdownFigures.avoidanceCurve());
        for (String map : List.of(CORRIDOR, INTERRUPTION)) {
            for (ShutdownFigures.Panel panel : ShutdownFigures.Panel.values()) {
                out.add(ShutdownFigures.powerHeatMap(map, panel));
            }
        }
        return out;
    }
}
