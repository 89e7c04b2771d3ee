package org.alignlab.agendas.assistance;

/** A Monte Carlo estimate: the sample mean, its standard error (sample sd/√n), and the number of draws. */
public record MonteCarloEstimate(double estimate, double standardError, long samples) {}
