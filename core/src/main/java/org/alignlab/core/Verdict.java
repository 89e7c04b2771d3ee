package org.alignlab.core;

/** The outcome of checking one claim over its seeds. */
public enum Verdict {
    /** The measured 95% interval lies inside the published number's tolerance band. */
    REPRODUCED,
    /** The measured interval lies wholly outside the band. */
    NOT_REPRODUCED,
    /** The interval straddles an edge of the band: more seeds or a larger scale may decide. */
    INCONCLUSIVE,
    /** A demonstration (no published number) whose asserted property held on the whole interval. */
    DEMONSTRATED,
    /** A demonstration whose property failed on the whole interval. */
    NOT_DEMONSTRATED,
    /** The run itself failed or was interrupted; nothing was measured. */
    ERROR;

    /** Decides from a measured interval and a band; demonstrations never say REPRODUCED. */
    public static Verdict decide(double ciLo, double ciHi, double bandLo, double bandHi, boolean demonstration) {
        if (Double.isNaN(ciLo) || Double.isNaN(ciHi)) return ERROR;
        boolean inside = ciLo >= bandLo && ciHi <= bandHi;
        boolean outside = ciHi < bandLo || ciLo > bandHi;
        if (inside) return demonstration ? DEMONSTRATED : REPRODUCED;
        if (outside) return demonstration ? NOT_DEMONSTRATED : NOT_REPRODUCED;
        return INCONCLUSIVE;
    }

    /** True for the verdicts that count as "it held". */
    public boolean held() {
        return this == REPRODUCED || this == DEMONSTRATED;
    }
}
