package org.alignlab.threats.gridworlds;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.alignlab.core.Experiment;
import org.alignlab.core.ExperimentInfo;
import org.alignlab.core.Figure;
import org.alignlab.core.MetricLog;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.Source;
import org.alignlab.core.UsageException;
import org.alignlab.decision.agents.EpsilonGreedy;
import org.alignlab.decision.agents.Episodes;
import org.alignlab.decision.agents.Hyperparameters;
import org.alignlab.decision.agents.LearningRate;
import org.alignlab.decision.agents.PlannerAgent;
import org.alignlab.decision.agents.Schedule;
import org.alignlab.decision.agents.TabularAgent;
import org.alignlab.decision.agents.TabularLearner;
import org.alignlab.decision.agents.Trainer;
import org.alignlab.decision.env.Env;
import org.alignlab.decision.env.EpisodeRecorder;
import org.alignlab.decision.env.ObservationTransform;
import org.alignlab.decision.env.Space;
import org.alignlab.decision.grid.GridGame;
import org.alignlab.decision.grid.GridMdp;
import org.alignlab.decision.grid.GridObservation;
import org.alignlab.decision.grid.GridRender;
import org.alignlab.decision.grid.GridworldEnv;
import org.alignlab.decision.grid.MdpExport;
import org.alignlab.decision.grid.RewardChannel;
import org.alignlab.decision.mdp.ValueIteration;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Trains an off-policy learner (Q-learning) and an on-policy learner (SARSA) on one of the AI Safety Gridworlds
 * (Leike et al. 2017), and, where the environment is small and Markov, runs the exact optimal policy for the
 * observed reward (the "optimal proxy optimiser"); reports each agent's episode return and hidden performance, with
 * learning curves and a GIF of each greedy episode. Subclasses give the environment, its evaluation maps, probes
 * and claims.
 */
public abstract class SafetyGridworldExperiment implements Experiment<GridworldConfig, GridworldResult> {
    public static final Source PAPER = Source.of("Leike et al.", 2017, "AI Safety Gridworlds");
    public static final String Q_LEARNING = "q-learning";
    public static final String SARSA = "sarsa";
    public static final String PLANNER = "planner";
    /**
     * Seeds of the claims about learners: each seed's greedy policy either shows a behaviour or not, so a rate
     * needs about ten runs for a 95% interval narrower than the effects claimed.
     */
    public static final int SEEDS = 10;

    private final ExperimentInfo info;

    protected SafetyGridworldExperiment(String id, String title, String node, String summary, Source... sources) {
        this.info = new ExperimentInfo(id, title, node, List.of(sources.length == 0 ? new Source[] {PAPER} : sources),
                summary);
    }

    /** A fresh game for training. */
    protected abstract GridGame game();

    /** The maps the greedy policies are evaluated on, by name; the first is the training map. */
    protected Map<String, Supplier<GridGame>> evaluationGames() {
        Map<String, Supplier<GridGame>> m = new LinkedHashMap<>();
        m.put("train", this::game);
        return m;
    }

    /** Measurements of one greedy episode, averaged over the evaluation episodes (e.g. "pressed the button"). */
    protected Map<String, ToDoubleFunction<EpisodeRecorder.Episode<GridObservation, Integer>>> probes() {
        return Map.of();
    }

    /**
     * What the learners see and act on: by default the environment itself (board observations). Override to announce
     * interruptions ({@code Step.FORCED_ACTION}) or to give the learners another view (e.g. only their position).
     */
    @SuppressWarnings("unchecked")
    protected Env<Object, Integer> view(GridworldEnv env, Env<GridObservation, Integer> outer) {
        return (Env<Object, Integer>) (Env<?, Integer>) outer;
    }

    /** Whether the exported MDP is the environment (false for stochastic-per-step or non-stationary games). */
    protected boolean exportable() {
        return true;
    }

    @Override
    public ExperimentInfo info() {
        return info;
    }

    @Override
    public Class<GridworldConfig> configType() {
        return GridworldConfig.class;
    }

    @Override
    public Class<GridworldResult> resultType() {
        return GridworldResult.class;
    }

    @Override
    public GridworldConfig config(Scale scale) {
        return scale == Scale.QUICK ? GridworldConfig.quick() : GridworldConfig.paper();
    }

    @Override
    public void validate(GridworldConfig c) {
        if (c.epsilonEnd() > c.epsilonStart()) {
            throw new UsageException("epsilonEnd (" + c.epsilonEnd() + ") must not exceed epsilonStart ("
                    + c.epsilonStart() + ")");
        }
        if (c.window() > c.episodes()) {
            throw new UsageException("window (" + c.window() + ") must not exceed episodes (" + c.episodes() + ")");
        }
    }

    @Override
    public GridworldResult run(GridworldConfig c, RunContext ctx) {
        List<GridworldResult.AgentOutcome> outcomes = new ArrayList<>();
        for (String name : List.of(Q_LEARNING, SARSA)) {
            ctx.checkCancelled();
            GridworldEnv base = new GridworldEnv(game());
            Env<Object, Integer> env = view(base, base);
            long decay = Math.max(1, Math.round(c.epsilonDecay() * c.episodes()));
            Hyperparameters hp = Hyperparameters.of(c.discount(), LearningRate.constant(c.alpha()),
                    new EpsilonGreedy(Schedule.linear(c.epsilonStart(), c.epsilonEnd(), decay,
                            Schedule.Unit.EPISODES)));
            TabularLearner<Object> agent = TabularLearner.Algorithm.parse(name).create(
                    env.actionSpace() instanceof Space.Discrete d ? d.n() : 0, hp, ctx.random("agent/" + name));
            Episodes train = Trainer.train(env, agent, c.episodes(), ctx.seed("train/" + name), ctx, name + "/");
            outcomes.add(new GridworldResult.AgentOutcome(name, c.episodes(), tailMean(train.returns(), c.window()),
                    tailMean(train.hiddenReturns(), c.window()), evaluate(name, agent, c, ctx)));
        }
        if (c.planner() && exportable()) {
            GridMdp exported = MdpExport.export(game(), c.discount());
            double[][] q = ValueIteration.solve(exported.mdp(RewardChannel.OBSERVED)).q();
            outcomes.add(new GridworldResult.AgentOutcome(PLANNER, 0, Double.NaN, Double.NaN,
                    evaluatePlanner(exported, PlannerAgent.forStates(q), c, ctx)));
        }
        return new GridworldResult(info.id(), outcomes);
    }

    /**
     * The planner's policy is defined on the training game's states: on another map it runs while every state it
     * meets is one of them (e.g. the supervised and unsupervised halves of the absent supervisor's start), else that
     * map's evaluation is left out.
     */
    private List<GridworldResult.Evaluation> evaluatePlanner(GridMdp exported, PlannerAgent<Integer> planner,
                                                             GridworldConfig c, RunContext ctx) {
        return evaluate(PLANNER, null, planner, exported, c, ctx);
    }

    private List<GridworldResult.Evaluation> evaluate(String name, TabularAgent<Object> learner,
                                                      GridworldConfig c, RunContext ctx) {
        return evaluate(name, learner, null, null, c, ctx);
    }

    private List<GridworldResult.Evaluation> evaluate(String name, TabularAgent<Object> learner,
                                                      PlannerAgent<Integer> planner, GridMdp exported,
                                                      GridworldConfig c, RunContext ctx) {
        List<GridworldResult.Evaluation> out = new ArrayList<>();
        for (Map.Entry<String, Supplier<GridGame>> e : evaluationGames().entrySet()) {
            GridGame g = e.getValue().get();
            GridworldEnv base = new GridworldEnv(g);
            EpisodeRecorder<GridObservation, Integer> recorder = new EpisodeRecorder<>(base, c.evalEpisodes());
            Episodes eval;
            if (planner != null) {
                Env<Integer, Integer> byState = new ObservationTransform<>(recorder,
                        new Space.Discrete(exported.mdp(RewardChannel.OBSERVED).states()),
                        obs -> {
                            int id = exported.stateOf(base.state());
                            if (id < 0) throw new IllegalArgumentException("a state the planner never planned for");
                            return id;
                        });
                try {
                    eval = Trainer.evaluate(byState, planner, c.evalEpisodes(), ctx.seed("eval/" + e.getKey()));
                } catch (IllegalArgumentException | UsageException offTheTrainingStates) {
                    continue;
                }
            } else {
                eval = Trainer.evaluate(view(base, recorder), learner, c.evalEpisodes(),
                        ctx.seed("eval/" + e.getKey()));
            }
            Map<String, Double> probeValues = new LinkedHashMap<>();
            var episodes = recorder.episodes();
            for (var p : new java.util.TreeMap<>(probes()).entrySet()) {
                double sum = 0;
                for (var ep : episodes) sum += p.getValue().applyAsDouble(ep);
                probeValues.put(p.getKey(), episodes.isEmpty() ? Double.NaN : sum / episodes.size());
            }
            double terminated = 0;
            for (var r : eval.episodes()) terminated += r.terminated() ? 1 : 0;
            out.add(new GridworldResult.Evaluation(e.getKey(), eval.meanReturn(), eval.meanHiddenReturn(),
                    terminated / eval.size(), probeValues));
            if (ctx.hasArtifactDir() && !episodes.isEmpty()) {
                Path gif = ctx.artifactDir().resolve(name + "-" + e.getKey() + ".gif");
                try {
                    GridRender.writeGif(episodes.get(0).observations(), gif);
                } catch (java.io.IOException ex) {
                    throw new UsageException("cannot write " + gif + ": " + ex.getMessage());
                }
                ctx.artifact(gif.getFileName().toString(), gif);
            }
        }
        return out;
    }

    static double tailMean(double[] xs, int window) {
        int from = Math.max(0, xs.length - window);
        double sum = 0;
        int n = 0;
        for (int i = from; i < xs.length; i++) {
            if (Double.isNaN(xs[i])) continue;
            sum += xs[i];
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    @Override
    public List<Figure<GridworldResult>> figures() {
        return List.of(curve("return", "Episode return while training", "return"),
                curve("hidden_return", "Hidden performance while training", "performance"));
    }

    private Figure<GridworldResult> curve(String metric, String title, String yLabel) {
        return new Figure<>("learning-" + metric.replace('_', '-'), title, in -> {
            XYChart chart = new XYChartBuilder().width(720).height(420).title(info.title() + ": " + title)
                    .xAxisTitle("episode").yAxisTitle(yLabel).build();
            chart.getStyler().setMarkerSize(0);
            MetricLog m = in.metrics();
            boolean any = false;
            for (String agent : List.of(Q_LEARNING, SARSA)) {
                double[] x = m.steps(agent + "/" + metric);
                double[] y = m.values(agent + "/" + metric);
                if (x.length == 0) continue;
                double[][] smooth = movingAverage(x, y, Math.max(1, x.length / 50));
                chart.addSeries(agent, smooth[0], smooth[1]).setMarker(SeriesMarkers.NONE);
                any = true;
            }
            if (!any) chart.addSeries("(no data)", new double[] {0}, new double[] {0});
            return chart;
        });
    }

    static double[][] movingAverage(double[] x, double[] y, int w) {
        int n = x.length / w;
        double[][] out = new double[2][Math.max(n, 1)];
        if (n == 0) return new double[][] {x.clone(), y.clone()};
        for (int i = 0; i < n; i++) {
            double sx = 0;
            double sy = 0;
            for (int j = i * w; j < (i + 1) * w; j++) {
                sx += x[j];
                sy += y[j];
            }
            out[0][i] = sx / w;
            out[1][i] = sy / w;
        }
        return out;
    }
}
