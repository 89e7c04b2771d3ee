package org.alignlab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.DoubleUnaryOperator;
import org.alignlab.core.Numbers;
import org.alignlab.core.Suggestions;
import org.alignlab.core.UsageException;
import org.alignlab.decision.env.Env;
import org.alignlab.decision.env.EnvRegistry;
import org.alignlab.decision.env.MdpEnv;
import org.alignlab.decision.grid.GridworldEnv;
import org.alignlab.decision.grid.MdpExport;
import org.alignlab.decision.grid.RewardChannel;
import org.alignlab.decision.grid.SimpleGridGame;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.power.Horizon;
import org.alignlab.decision.power.Power;
import org.alignlab.decision.power.RewardSampler;
import org.hipparchus.distribution.continuous.BetaDistribution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code alignlab power}: POWER and each action's optimality probability at one state (Turner et al. 2021), for a
 * gridworld map, a registered environment that exports to an MDP, or an MDP file ({@link MdpFile}).
 */
@Command(name = "power", mixinStandardHelpOptions = true,
        description = {"Estimate POWER and every action's optimality probability (Turner et al. 2021, \"Optimal "
                + "Policies Tend to Seek Power\") at one state, by Monte Carlo over IID state rewards, with 95% "
                + "intervals.",
                "Source: an environment id (e.g. safety/SafeInterruptibility-v0), --map FILE (an ASCII gridworld "
                        + "as for env play), or --mdp FILE (YAML or JSON: states, actions, terminal, start, "
                        + "transitions state -> action -> successor -> probability).",
                "Terminal states count as absorbing with reward 0."})
final class PowerCommand implements Callable<Integer> {
    @ParentCommand
    AlignlabCommand root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Environment id (see alignlab env list).")
    String id;

    @Option(names = "--map", paramLabel = "FILE", description = "An ASCII gridworld map ('#' wall, 'A' agent, 'G' "
            + "goal, 'L' lava, 'X' box, ' ' floor).")
    Path map;

    @Option(names = "--mdp", paramLabel = "FILE", description = "An MDP file (.yaml/.yml, else JSON).")
    Path mdpFile;

    @Option(names = "--state", paramLabel = "NAME", description = "The state (a name, or an id number); default: "
            + "the start state.")
    String state;

    @Option(names = "--gamma", paramLabel = "G", description = "Discount, strictly between 0 and 1.")
    Double gamma;

    @Option(names = "--limit", paramLabel = "myopic|far-sighted", description = "The γ → 0 or γ → 1 limit, in closed "
            + "form (default: far-sighted when --gamma is not given).")
    String limit;

    @Option(names = "--samples", paramLabel = "N", description = "Reward functions drawn (default 1000).")
    int samples = 1000;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the reward samples (default 0).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads; results do not depend on it "
            + "(default 1).")
    int threads = 1;

    @Option(names = "--reward", paramLabel = "DIST", description = "IID state-reward distribution: uniform (on [0, 1],"
            + " the default), uniform:A,B, beta:A,B.")
    String reward = "uniform";

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    /** One action's row of the output. */
    record ActionRow(String action, double optimality, double lo, double hi) {}

    /** The whole output ({@code --json}). */
    record Report(String source, int states, int actions, String state, int stateId, String horizon, String reward,
                  int samples, long seed, double power, double powerLo, double powerHi, double tieRate,
                  List<ActionRow> optimality) {}

    @Override
    public Integer call() {
        Cli cli = root.cli;
        Horizon horizon = horizon(gamma, limit);
        if (samples < 1) throw new UsageException("--samples must be at least 1 (got " + samples + ")");
        if (threads < 1) throw new UsageException("--threads must be at least 1 (got " + threads + ")");
        RewardSampler sampler = sampler(reward);
        Source src = open();
        int s = src.resolve(state);
        Power.Estimate e = Power.estimate(src.mdp, s, horizon, sampler, new Power.Options(samples, threads, seed));
        Mdp m = src.mdp;
        List<ActionRow> rows = new ArrayList<>();
        for (int a = 0; a < m.actions(); a++) {
            rows.add(new ActionRow(m.actionName(a), e.optimality(a), e.optimalityLo()[a], e.optimalityHi()[a]));
        }
        Report r = new Report(src.label, m.states(), m.actions(), src.name(s), s, describe(horizon), reward, samples,
                seed, e.power(), e.powerLo(), e.powerHi(), e.tieRate(), rows);
        if (json) {
            Json.print(cli.out, r);
            return Cli.OK;
        }
        cli.out.println("POWER at state " + r.state() + " of " + r.source() + " (" + r.states() + " states, "
                + r.actions() + " actions), " + r.horizon() + ", rewards IID " + r.reward() + ", " + samples
                + " samples, seed " + seed);
        Table t = new Table("", "ESTIMATE", "95% INTERVAL");
        t.row("POWER", Numbers.fmt(e.power()), interval(e.powerLo(), e.powerHi()));
        for (ActionRow a : rows) t.row("P(" + a.action() + " optimal)", Numbers.fmt(a.optimality()),
                interval(a.lo(), a.hi()));
        t.print(cli.out);
        if (e.tieRate() > 0) {
            cli.out.println("ties: " + Numbers.fmt(100 * e.tieRate()) + "% of samples had several optimal actions "
                    + "(they share the mass)");
        }
        return Cli.OK;
    }

    private static String interval(double lo, double hi) {
        return "[" + Numbers.fmt(lo) + ", " + Numbers.fmt(hi) + "]";
    }

    static Horizon horizon(Double gamma, String limit) {
        if (gamma != null && limit != null) {
            throw new UsageException("give --gamma or --limit, not both");
        }
        if (gamma != null) {
            if (!(gamma > 0 && gamma < 1)) {
                throw new UsageException("--gamma must lie strictly between 0 and 1 (got " + gamma + "); use --limit "
                        + "myopic or --limit far-sighted for the limits");
            }
            return Horizon.discounted(gamma);
        }
        String l = limit == null ? "far-sighted" : limit.strip().toLowerCase(Locale.ROOT);
        return switch (l) {
            case "myopic" -> Horizon.myopic();
            case "far-sighted", "farsighted" -> Horizon.farSighted();
            default -> throw new UsageException("unknown --limit '" + limit + "': use myopic or far-sighted");
        };
    }

    static String describe(Horizon h) {
        return switch (h) {
            case Horizon.Discounted d -> "γ = " + d.gamma();
            case Horizon.Myopic m -> "γ → 0 (myopic)";
            case Horizon.FarSighted f -> "γ → 1 (far-sighted)";
        };
    }

    /** {@code uniform}, {@code uniform:A,B} (A &lt; B) or {@code beta:A,B} (A, B &gt; 0), IID over states. */
    static RewardSampler sampler(String spec) {
        String s = spec == null ? "" : spec.strip();
        int colon = s.indexOf(':');
        String kind = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(Locale.ROOT);
        double[] p = colon < 0 ? new double[0] : numbers(s.substring(colon + 1), spec);
        switch (kind) {
            case "uniform" -> {
                if (p.length == 0) return RewardSampler.iidUniform();
                if (p.length != 2 || !(p[0] < p[1]) || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                    throw new UsageException("--reward uniform:A,B needs finite A < B (got " + spec + ")");
                }
                double lo = p[0];
                double width = p[1] - p[0];
                return RewardSampler.iidInverseCdf(u -> lo + width * u);
            }
            case "beta" -> {
                if (p.length != 2 || !(p[0] > 0 && p[1] > 0) || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                    throw new UsageException("--reward beta:A,B needs finite A > 0 and B > 0 (got " + spec + ")");
                }
                BetaDistribution beta = new BetaDistribution(p[0], p[1]);
                DoubleUnaryOperator q = beta::inverseCumulativeProbability;
                return RewardSampler.iidInverseCdf(q);
            }
            default -> throw new UsageException("unknown --reward '" + spec + "': use uniform, uniform:A,B or "
                    + "beta:A,B");
        }
    }

    private static double[] numbers(String list, String spec) {
        String[] parts = list.split(",", -1);
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException ex) {
                throw new UsageException("--reward " + spec + ": '" + parts[i].strip() + "' is not a number");
            }
        }
        return out;
    }

    /** The MDP to analyse, its label, state names (null: ids) and default state. */
    private record Source(Mdp mdp, String label, List<String> names, int start) {
        String name(int s) {
            return names == null ? Integer.toString(s) : names.get(s);
        }

        int resolve(String query) {
            if (query == null) {
                if (start < 0) {
                    double[] d = mdp.initialDistribution();
                    List<String> starts = new ArrayList<>();
                    for (int s = 0; s < d.length; s++) {
                        if (d[s] > 0) starts.add(name(s) + " (p " + Numbers.fmt(d[s]) + ")");
                    }
                    String list = starts.size() <= 8 ? String.join(", ", starts)
                            : String.join(", ", starts.subList(0, 8)) + ", ...";
                    throw new UsageException(label + " has several start states: " + list + "; choose one with "
                            + "--state");
                }
                return start;
            }
            String q = query.strip();
            if (names != null) {
                int i = names.indexOf(q);
                if (i >= 0) return i;
            }
            if (q.matches("\\d{1,9}") && Integer.parseInt(q) < mdp.states()) return Integer.parseInt(q);
            List<String> all = names != null ? names : new ArrayList<>();
            List<String> close = Suggestions.closest(q, all);
            throw new UsageException("state '" + q + "' is not in " + label
                    + (!close.isEmpty() ? "; did you mean " + String.join(", ", close) + "?"
                    : names != null && names.size() <= 12 ? "; the states are " + String.join(", ", names)
                    : "; give a state id in 0.." + (mdp.states() - 1)));
        }
    }

    private Source open() {
        int given = (id != null ? 1 : 0) + (map != null ? 1 : 0) + (mdpFile != null ? 1 : 0);
        if (given != 1) {
            throw new UsageException("give exactly one of an environment id, --map FILE or --mdp FILE"
                    + (given > 1 ? " (got " + given + ")" : ""));
        }
        if (mdpFile != null) {
            MdpFile f = MdpFile.read(mdpFile);
            return new Source(f.mdp(), mdpFile.getFileName().toString(), f.states(), f.start());
        }
        if (map != null) {
            List<String> lines;
            try {
                lines = Files.readAllLines(map);
            } catch (IOException ex) {
                throw new UsageException("cannot read map " + map + ": " + ex.getMessage());
            }
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
            Mdp m = MdpExport.export(new SimpleGridGame(lines), 0.9).mdp(RewardChannel.OBSERVED);
            return new Source(m, map.getFileName().toString(), null, pointMass(m));
        }
        Env<?, ?> env = EnvRegistry.load().make(id);
        Env<?, ?> raw = env.unwrapped();
        Mdp m = switch (raw) {
            case GridworldEnv g -> MdpExport.export(g.game(), 0.9).mdp(RewardChannel.OBSERVED);
            case MdpEnv me -> me.mdp();
            default -> throw new UsageException("environment " + id + " does not export to an MDP (only gridworld "
                    + "and tabular MDP environments do)");
        };
        return new Source(m, id, null, pointMass(m));
    }

    // The start state when the start distribution is a point mass, else −1.
    private static int pointMass(Mdp m) {
        double[] d = m.initialDistribution();
        for (int s = 0; s < d.length; s++) if (d[s] == 1) return s;
        return -1;
    }
}
