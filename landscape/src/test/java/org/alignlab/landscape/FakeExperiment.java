package org.alignlab.landscape;

import java.util.List;
import org.alignlab.core.Claim;
import org.alignlab.core.Experiment;
import org.alignlab.core.ExperimentInfo;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.Source;

/** The smallest possible experiment, placed at a chosen node, for testing the map's joins. */
final class FakeExperiment implements Experiment<FakeExperiment.Config, FakeExperiment.Result> {
    record Config(int n) {}

    record Result(double value) {}

    private final ExperimentInfo info;

    FakeExperiment(String id, String node) {
        this.info = new ExperimentInfo(id, "fake " + id, node,
                List.of(Source.of("Nobody", 2020, "A test fixture")), "A fixture for landscape tests.");
    }

    @Override
    public ExperimentInfo info() {
        return info;
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Class<Result> resultType() {
        return Result.class;
    }

    @Override
    public Config config(Scale scale) {
        return new Config(scale == Scale.QUICK ? 1 : 10);
    }

    @Override
    public Result run(Config config, RunContext ctx) {
        return new Result(config.n());
    }

    @Override
    public List<Claim<Result>> claims() {
        return List.of();
    }
}
