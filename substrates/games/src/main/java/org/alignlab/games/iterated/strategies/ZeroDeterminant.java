package org.alignlab.games.iterated.strategies;

import org.alignlab.core.UsageException;
import org.alignlab.games.iterated.StageGame;

/**
 * Zero-determinant strategies (Press and Dyson 2012, "Iterated Prisoner's Dilemma contains strategies that dominate
 * any evolutionary opponent", PNAS 109(26), Eq. 12 and after): memory-one vectors with
 * p − (1, 1, 0, 0) = φ[(S_X − κ) − χ(S_Y − κ)], where S_X = (R, S, T, P) and S_Y = (R, T, S, P), which enforce the
 * linear relation s_X − κ = χ(s_Y − κ) between the long-run mean payoffs whatever the opponent does.
 * Extortioners take κ = P; generous ZD strategies take κ = R (Stewart and Plotkin 2013, "From extortion to generosity,
 * evolution in the Iterated Prisoner's Dilemma", PNAS 110(38)). φ is given as a fraction of its largest admissible value.
 * Both open with cooperation (the enforced relation concerns the long-run mean, which the first move does not change).
 */
public final class ZeroDeterminant extends MemoryOne {
    private final double chi;
    private final double kappa;

    private ZeroDeterminant(String name, double[] p, double chi, double kappa) {
        super(name, p[0], p[1], p[2], p[3], 1);
        this.chi = chi;
        this.kappa = kappa;
    }

    /**
     * Extortion with factor χ ≥ 1: s_X − P = χ(s_Y − P). With φ = half its maximum and Axelrod's payoffs, χ = 2 gives
     * Stewart and Plotkin's Extort-2, (8/9, 1/2, 1/3, 0).
     */
    public static ZeroDeterminant extortion(double chi, double phiFraction, StageGame g) {
        return make(String.format(java.util.Locale.ROOT, "ZD-Extort-%s", trim(chi)), chi, g.punishment(), phiFraction, g);
    }

    public static ZeroDeterminant extortion(double chi) {
        return extortion(chi, 0.5, StageGame.AXELROD);
    }

    /**
     * Generosity with factor χ ≥ 1: s_X − R = χ(s_Y − R). With φ at its maximum and Axelrod's payoffs, χ = 2 gives
     * Stewart and Plotkin's ZGTFT-2, (1, 1/8, 1, 1/4).
     */
    public static ZeroDeterminant generous(double chi, double phiFraction, StageGame g) {
        return make(String.format(java.util.Locale.ROOT, "ZD-Generous-%s", trim(chi)), chi, g.reward(), phiFraction, g);
    }

    public static ZeroDeterminant generous(double chi) {
        return generous(chi, 1.0, StageGame.AXELROD);
    }

    /**
     * The linear-relation parametrisation of Hilbe, Nowak and Traulsen 2013 ("Adaptive dynamics of extortion and
     * compliance", PLoS ONE 8(11), Eq. 14), in which the published ZD strategies are usually given: with slope s and
     * baseline l it enforces s(s_X − l) = s_Y − l, i.e. χ = 1/s and κ = l, by
     * p = (1 − φ(1 − s)(R − l), 1 − φ(s(l − S) + T − l), φ(l − S + s(T − l)), φ(1 − s)(l − P)).
     * Opens with cooperation. Refused unless P ≤ l ≤ R, 0 < s ≤ 1 and every probability is in [0, 1].
     */
    public static ZeroDeterminant linearRelation(String name, double phi, double s, double l, StageGame g) {
        double r = g.reward(), su = g.sucker(), t = g.temptation(), pu = g.punishment();
        if (!(l >= pu && l <= r)) throw new UsageException(name + ": the baseline l must be in [P, R], got " + l);
        if (!(s > 0 && s <= 1)) throw new UsageException(name + ": the slope s must be in (0, 1], got " + s);
        double[] p = {1 - phi * (1 - s) * (r - l), 1 - phi * (s * (l - su) + (t - l)),
                phi * ((l - su) + s * (t - l)), phi * (1 - s) * (l - pu)};
        for (int k = 0; k < 4; k++) {
            // admit rounding of exact bounds (Extort-4's p_CD is 1 − (4/17)(17/4) = 0 up to one ulp), refuse the rest
            if (!(p[k] > -1e-12 && p[k] < 1 + 1e-12)) {
                throw new UsageException(name + ": phi=" + phi + " gives a probability outside [0, 1]: " + p[k]);
            }
            p[k] = Math.min(1, Math.max(0, p[k]));
        }
        return new ZeroDeterminant(name, p, 1 / s, l);
    }

    private static String trim(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    private static ZeroDeterminant make(String name, double chi, double kappa, double phiFraction, StageGame g) {
        if (!(chi >= 1) || !Double.isFinite(chi)) throw new UsageException(name + ": the factor chi must be at least 1, got " + chi);
        if (!(phiFraction > 0 && phiFraction <= 1)) throw new UsageException(name + ": phi fraction must be in (0, 1], got " + phiFraction);
        double[] sx = {g.reward(), g.sucker(), g.temptation(), g.punishment()};
        double[] sy = {g.reward(), g.temptation(), g.sucker(), g.punishment()};
        double[] dir = new double[4]; // p − (1,1,0,0) = φ · dir
        for (int k = 0; k < 4; k++) dir[k] = (sx[k] - kappa) - chi * (sy[k] - kappa);
        double[] base = {1, 1, 0, 0};
        double phiMax = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 4; k++) {
            // keep base + φ·dir inside [0, 1]
            if (dir[k] > 0) phiMax = Math.min(phiMax, (1 - base[k]) / dir[k]);
            if (dir[k] < 0) phiMax = Math.min(phiMax, -base[k] / dir[k]);
        }
        if (!(phiMax > 0) || Double.isInfinite(phiMax)) throw new UsageException(name + ": no admissible phi for chi=" + chi + " with these payoffs");
        double phi = phiFraction * phiMax;
        double[] p = new double[4];
        for (int k = 0; k < 4; k++) p[k] = Math.min(1, Math.max(0, base[k] + phi * dir[k]));
        return new ZeroDeterminant(name, p, chi, kappa);
    }

    public double chi() { return chi; }

    /** The baseline κ of the enforced relation s_X − κ = χ(s_Y − κ). */
    public double kappa() { return kappa; }

    @Override
    public ZeroDeterminant fresh() {
        double[] p = probabilities();
        return new ZeroDeterminant(name(), p, chi, kappa);
    }
}
