package org.alignlab.agendas.assistance;

/** R's three moves in the off-switch game (Hadfield-Menell et al. 2017, Sec. 2.1, Fig. 1). */
public enum RobotAction {
    /** a: bypass H (e.g. disable the off switch) and act; utility U_a. */
    ACT,
    /** w(a): announce a and wait; H lets it happen or switches R off. */
    WAIT,
    /** s: switch itself off; utility 0. */
    SWITCH_OFF
}
