package org.alignlab.threats.coordination.commons;

/**
 * One run of the sweep: for each group size, the social outcome metrics averaged over the final training episodes
 * (and, for comparison, over the first ones), and the apple stock over the last episode.
 *
 * @param agents                    the group sizes, increasing
 * @param orchard                   apples in the full orchard
 * @param efficiency                U per group size (apples harvested by the group per step), final episodes
 * @param equality                  E = 1 − Gini of the returns, final episodes
 * @param sustainability            S, the mean step at which apples were harvested, final episodes
 * @param peace                     P, the mean number of agents in play, final episodes
 * @param applesLeft                apples standing at episode end, share of the full orchard, final episodes
 * @param earlySustainability       S over the first episodes (near-random play)
 * @param earlyApplesLeft           apples left over the first episodes
 * @param sustainabilitySpearman    Spearman rank correlation between group size and final S
 * @param applesLeftMostAgents      applesLeft of the largest group
 * @param sustainabilityChangeMostAgents final minus early S of the largest group
 * @param stock                     stock[k][t]: apples standing after step t of the last episode of group k
 */
public record CommonsResult(int[] agents, int orchard, double[] efficiency, double[] equality,
                            double[] sustainability, double[] peace, double[] applesLeft,
                            double[] earlySustainability, double[] earlyApplesLeft, double sustainabilitySpearman,
                            double applesLeftMostAgents, double sustainabilityChangeMostAgents, double[][] stock) {
    public CommonsResult {
        agents = agents.clone();
        efficiency = efficiency.clone();
        equality = equality.clone();
        sustainability = sustainability.clone();
        peace = peace.clone();
        applesLeft = applesLeft.clone();
        earlySustainability = earlySustainability.clone();
        earlyApplesLeft = earlyApplesLeft.clone();
        stock = stock.clone();
    }
}
