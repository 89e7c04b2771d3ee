package org.alignlab.threats.coordination;

import java.util.List;

/**
 * The outcome table of a round robin between modal agents.
 *
 * @param agents            the agents, in table order
 * @param cooperates        cooperates[i][j]: agent i cooperates when it plays agent j
 * @param publishedChecked  how many of the outcomes stated in the papers the table contains
 * @param publishedMismatches how many of those differ from the papers
 * @param exploitations     matches in which FairBot or PrudentBot cooperated while its opponent defected
 * @param mutualCooperationOfDifferentAgents pairs of different agents that cooperate with each other
 */
public record ProgramEquilibriumResult(List<String> agents, boolean[][] cooperates, int publishedChecked,
                                       int publishedMismatches, int exploitations,
                                       int mutualCooperationOfDifferentAgents) {
    public ProgramEquilibriumResult {
        agents = List.copyOf(agents);
        boolean[][] c = new boolean[cooperates.length][];
        for (int i = 0; i < c.length; i++) c[i] = cooperates[i].clone();
        cooperates = c;
    }

    @Override
    public boolean[][] cooperates() {
        boolean[][] c = new boolean[cooperates.length][];
        for (int i = 0; i < c.length; i++) c[i] = cooperates[i].clone();
        return c;
    }

    /** The table as text, one row per agent: C or D against each column. */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format("%-14s", ""));
        for (String a : agents) sb.append(String.format(" %-13s", a));
        sb.append('\n');
        for (int i = 0; i < agents.size(); i++) {
            sb.append(String.format("%-14s", agents.get(i)));
            for (int j = 0; j < agents.size(); j++) sb.append(String.format(" %-13s", cooperates[i][j] ? "C" : "D"));
            sb.append('\n');
        }
        return sb.toString();
    }
}
