package org.alignlab.threats.powerseeking;

import java.util.List;
import org.alignlab.core.UsageException;

/**
 * One run's measurements, per map.
 *
 * @param maps the maps in {@link ShutdownGridworlds#worlds()} order
 */
public record ShutdownResult(List<MapResult> maps) {
    public ShutdownResult {
        maps = List.copyOf(maps);
    }

    /** The map of this name. */
    public MapResult map(String name) {
        for (MapResult m : maps) if (m.name().equals(name)) return m;
        throw new UsageException("no map " + name + " in this result");
    }

    /**
     * One map's shutdown-avoidance curve and POWER heat maps. Fractions carry 95% intervals p ± 1.96 √(p(1 − p)/n).
     *
     * @param name              the map's name
     * @param art               the map as ASCII rows
     * @param reachable         k: states reachable from the start without entering shutdown (the start included)
     * @param exactFarSighted   k/(k + 1): P(avoid shutdown) as γ → 1 for IID continuous rewards (every cell a 1-cycle)
     * @param gammas            the discounts of the curve
     * @param avoid             P(the optimal policy from the start never enters shutdown) at each discount
     * @param avoidLo           lower ends of the 95% intervals
     * @param avoidHi           upper ends
     * @param avoidMyopic       the same fraction as γ → 0
     * @param avoidMyopicHalf   half width of its 95% interval
     * @param avoidFarSighted   the same fraction as γ → 1
     * @param avoidFarSightedHalf half width of its 95% interval
     * @param cells             the map cell (row · cols + col) of each MDP state
     * @param shutdownState     the MDP state on the off-switch
     * @param startState        the MDP state where the agent starts
     * @param heatGamma         the discount of {@code powerDiscounted}
     * @param powerMyopic       POWER of each state as γ → 0
     * @param powerDiscounted   POWER of each state at {@code heatGamma}
     * @param powerFarSighted   POWER of each state as γ → 1
     */
    public record MapResult(String name, List<String> art, int reachable, double exactFarSighted, double[] gammas,
                            double[] avoid, double[] avoidLo, double[] avoidHi, double avoidMyopic,
                            double avoidMyopicHalf, double avoidFarSighted, double avoidFarSightedHalf, int[] cells,
                            int shutdownState, int startState, double heatGamma, double[] powerMyopic,
                            double[] powerDiscounted, double[] powerFarSighted) {
        public MapResult {
            art = List.copyOf(art);
            gammas = gammas.clone();
            avoid = avoid.clone();
            avoidLo = avoidLo.clone();
            avoidHi = avoidHi.clone();
            cells = cells.clone();
            powerMyopic = powerMyopic.clone();
            powerDiscounted = powerDiscounted.clone();
            powerFarSighted = powerFarSighted.clone();
        }

        @Override
        public double[] gammas() {
            return gammas.clone();
        }

        @Override
        public double[] avoid() {
            return avoid.clone();
        }

        @Override
        public double[] avoidLo() {
            return avoidLo.clone();
        }

        @Override
        public double[] avoidHi() {
            return avoidHi.clone();
        }

        @Override
        public int[] cells() {
            return cells.clone();
        }

        @Override
        public double[] powerMyopic() {
            return powerMyopic.clone();
        }

        @Override
        public double[] powerDiscounted() {
            return powerDiscounted.clone();
        }

        @Override
        public double[] powerFarSighted() {
            return powerFarSighted.clone();
        }

        /** P(avoid) at the largest discount of the curve. */
        public double avoidAtLargestGamma() {
            return avoid[avoid.length - 1];
        }

        /** P(avoid) as γ → 1 minus P(avoid) as γ → 0: how much far-sightedness raises shutdown avoidance. */
        public double riseWithGamma() {
            return avoidFarSighted - avoidMyopic;
        }

        /** The least POWER of a state other than shutdown, minus POWER at shutdown, at {@code heatGamma}. */
        public double shutdownPowerGap() {
            double least = Double.POSITIVE_INFINITY;
            for (int s = 0; s < powerDiscounted.length; s++) {
                if (s != shutdownState) least = Math.min(least, powerDiscounted[s]);
            }
            return least - powerDiscounted[shutdownState];
        }
    }
}
