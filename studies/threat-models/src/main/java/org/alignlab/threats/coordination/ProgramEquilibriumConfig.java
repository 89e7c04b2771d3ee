package org.alignlab.threats.coordination;

import org.alignlab.core.Param;

/**
 * Which modal agents meet in the round robin.
 *
 * @param agents library agents by name, comma-separated (see {@code ModalAgents})
 * @param custom extra agents of the user's, {@code Name = formula; Name2 = formula} (syntax of {@code FormulaParser})
 */
public record ProgramEquilibriumConfig(
        @Param("library agents, comma-separated: DefectBot, CooperateBot, FairBot, PrudentBot, TrollBot, JustBot")
        String agents,
        @Param("extra agents, 'Name = formula; ...', e.g. 'Mine = [] them(me) & [] them(DefectBot) = D'")
        String custom) {

    static final String ALL = "DefectBot,CooperateBot,FairBot,PrudentBot,TrollBot,JustBot";

    /** The whole library; exact, so quick and paper are the same computation. */
    public static ProgramEquilibriumConfig quick() {
        return new ProgramEquilibriumConfig(ALL, "");
    }

    public static ProgramEquilibriumConfig paper() {
        return quick();
    }
}
