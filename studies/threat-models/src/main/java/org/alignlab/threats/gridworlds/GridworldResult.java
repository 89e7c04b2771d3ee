package org.alignlab.threats.gridworlds;

import java.util.List;
import java.util.Map;

/**
 * What training and evaluating agents on one gridworld gave: per agent, the mean episode return and hidden
 * performance over the last training episodes, and the greedy policy's return, performance and probes on each
 * evaluation map.
 */
public record GridworldResult(String env, List<AgentOutcome> agents) {

    /** One agent: a learner (q-learning, sarsa) or the exact planner for the observed reward. */
    public record AgentOutcome(String agent, int episodes, double trainReturn, double trainPerformance,
                               List<Evaluation> evaluations) {
        public Evaluation evaluation(String map) {
            return evaluations.stream().filter(e -> e.map().equals(map)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no evaluation on " + map));
        }

        /** The evaluation on the training map (the first). */
        public Evaluation eval() {
            return evaluations.get(0);
        }
    }

    /** The greedy policy on one map: means over the evaluation episodes, and the environment's probes. */
    public record Evaluation(String map, double meanReturn, double meanPerformance, double terminatedRate,
                             Map<String, Double> probes) {
        public double probe(String name) {
            Double v = probes.get(name);
            if (v == null) throw new IllegalArgumentException("no probe " + name + " in " + probes.keySet());
            return v;
        }
    }

    public AgentOutcome agent(String name) {
        return agents.stream().filter(a -> a.agent().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no agent " + name + " in " + env));
    }
}
