package org.alignlab.threats.coordination;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignlab.core.Claim;
import org.alignlab.core.Experiment;
import org.alignlab.core.ExperimentInfo;
import org.alignlab.core.Figure;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.Source;
import org.alignlab.core.Tolerance;
import org.alignlab.core.UsageException;
import org.alignlab.games.modal.ModalAgent;
import org.alignlab.games.modal.ModalAgents;
import org.alignlab.games.modal.ModalCombat;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * Transparency makes cooperation possible: the one-shot Prisoner's Dilemma between programs that read each other's
 * source, played by modal agents whose decisions are formulas of provability logic, evaluated exactly
 * ({@link ModalCombat}). Tennenholtz 2004 showed cooperation can be a program equilibrium; Barasz et al. 2014 and
 * LaVictoire et al. 2014 showed agents that reach it without being identical (FairBot, PrudentBot).
 */
public final class ProgramEquilibriumExperiment
        implements Experiment<ProgramEquilibriumConfig, ProgramEquilibriumResult> {

    public static final String ID = "threat-models.coordination-failures.program-equilibrium";

    static final Source TENNENHOLTZ = Source.of("Tennenholtz", 2004, "Program equilibrium");
    static final Source LAVICTOIRE = Source.of("LaVictoire, Fallenstein, Yudkowsky, Barasz, Christiano, Herreshoff",
            2014, "Program Equilibrium in the Prisoner's Dilemma via Löb's Theorem");
    static final Source BARASZ = Source.of("Barasz, Christiano, Fallenstein, Herreshoff, LaVictoire, Yudkowsky", 2014,
            "Robust Cooperation in the Prisoner's Dilemma: Program Equilibrium via Provability Logic");

    /**
     * The outcomes the papers state (row agent's move, column agent's move): FairBot cooperates with itself by
     * Löb's theorem, with CooperateBot, and defects against DefectBot; PrudentBot cooperates with itself and with
     * FairBot and defects against CooperateBot and DefectBot (Barasz et al. 2014, sections 3 and 5; LaVictoire et al.
     * 2014).
     */
    static final List<String[]> PUBLISHED = List.of(
            new String[] {"FairBot", "FairBot", "CC"},
            new String[] {"FairBot", "CooperateBot", "CC"},
            new String[] {"FairBot", "DefectBot", "DD"},
            new String[] {"PrudentBot", "PrudentBot", "CC"},
            new String[] {"PrudentBot", "FairBot", "CC"},
            new String[] {"PrudentBot", "CooperateBot", "DC"},
            new String[] {"PrudentBot", "DefectBot", "DD"},
            new String[] {"CooperateBot", "DefectBot", "CD"},
            new String[] {"DefectBot", "DefectBot", "DD"},
            new String[] {"CooperateBot", "CooperateBot", "CC"});

    @Override
    public ExperimentInfo info() {
        return new ExperimentInfo(ID, "Program equilibrium: modal agents in the one-shot Prisoner's Dilemma",
                "threat-models.coordination-failures",
                List.of(BARASZ.at("sections 3-5: FairBot, PrudentBot, the fixed-point evaluation"), LAVICTOIRE,
                        TENNENHOLTZ),
                "When each program can read the other's source, cooperation in a one-shot Prisoner's Dilemma "
                        + "can be stable. Each agent here cooperates exactly when a formula of provability logic "
                        + "holds (for example FairBot: 'it is provable that my opponent cooperates with me'), and "
                        + "every match is decided exactly, by the fixed point of the two formulas on the levels of "
                        + "GL's Kripke frame. Insight into each other's code, not trust, is what lets FairBot and "
                        + "PrudentBot cooperate with each other while never being exploited.");
    }

    @Override
    public Class<ProgramEquilibriumConfig> configType() {
        return ProgramEquilibriumConfig.class;
    }

    @Override
    public Class<ProgramEquilibriumResult> resultType() {
        return ProgramEquilibriumResult.class;
    }

    @Override
    public ProgramEquilibriumConfig config(Scale scale) {
        return scale == Scale.PAPER ? ProgramEquilibriumConfig.paper() : ProgramEquilibriumConfig.quick();
    }

    /** The agents a config names, library agents first, in the given order. */
    static List<ModalAgent> agents(ProgramEquilibriumConfig c) {
        Map<String, ModalAgent> out = new LinkedHashMap<>();
        for (String name : c.agents().split(",")) {
            if (name.isBlank()) continue;
            ModalAgent a = ModalAgents.byName(name.trim());
            out.put(a.name(), a);
        }
        for (String def : c.custom().split(";")) {
            if (def.isBlank()) continue;
            int eq = def.indexOf('=');
            if (eq < 0) throw new UsageException("custom agent '" + def.trim() + "' must read 'Name = formula'");
            ModalAgent a = ModalAgent.of(def.substring(0, eq).trim(), def.substring(eq + 1).trim(), "user's agent");
            if (out.containsKey(a.name())) throw new UsageException("agent " + a.name() + " is given twice");
            out.put(a.name(), a);
        }
        if (out.isEmpty()) throw new UsageException("no agents: name some in agents=... or custom=...");
        return new ArrayList<>(out.values());
    }

    @Override
    public ProgramEquilibriumResult run(ProgramEquilibriumConfig c, RunContext ctx) {
        List<ModalAgent> agents = agents(c);
        List<ModalAgent> known = new ArrayList<>(ModalAgents.all());
        for (ModalAgent a : agents) if (!known.contains(a)) known.add(a);
        ModalCombat combat = new ModalCombat(known);
        int n = agents.size();
        boolean[][] coop = new boolean[n][n];
        List<String> names = agents.stream().map(ModalAgent::name).toList();
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                ctx.checkCancelled();
                ModalCombat.Outcome o = combat.play(agents.get(i), agents.get(j));
                coop[i][j] = o.firstCooperates();
                coop[j][i] = o.secondCooperates();
            }
        }
        int checked = 0;
        int mismatches = 0;
        StringBuilder report = new StringBuilder();
        for (String[] p : PUBLISHED) {
            int i = names.indexOf(p[0]);
            int j = names.indexOf(p[1]);
            if (i < 0 || j < 0) continue;
            checked++;
            String got = (coop[i][j] ? "C" : "D") + (coop[j][i] ? "C" : "D");
            if (!got.equals(p[2])) {
                mismatches++;
                report.append(p[0]).append(" vs ").append(p[1]).append(": the papers say ").append(p[2])
                        .append(", evaluated ").append(got).append('\n');
            }
        }
        int exploited = 0;
        int mutual = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean unexploitable = names.get(i).equals("FairBot") || names.get(i).equals("PrudentBot");
                if (unexploitable && coop[i][j] && !coop[j][i]) exploited++;
                if (i < j && coop[i][j] && coop[j][i]) mutual++;
            }
        }
        ProgramEquilibriumResult r = new ProgramEquilibriumResult(names, coop, checked, mismatches, exploited, mutual);
        ctx.log("published-mismatches", 0, mismatches);
        if (ctx.hasArtifactDir()) ctx.writeArtifact("outcome-table.txt", r.table() + report);
        return r;
    }

    @Override
    public List<Claim<ProgramEquilibriumResult>> claims() {
        return List.of(
                Claim.<ProgramEquilibriumResult>published("outcome-table",
                                BARASZ.at("sections 3 and 5 (FairBot, PrudentBot); LaVictoire et al. 2014"),
                        "Every outcome the papers state comes back (FairBot cooperates with itself, with "
                                + "PrudentBot and with CooperateBot and defects against DefectBot; PrudentBot "
                                + "cooperates with itself and defects against CooperateBot and DefectBot): number "
                                + "of stated outcomes that differ.",
                        r -> r.publishedChecked() == PUBLISHED.size() ? r.publishedMismatches() : Double.NaN, 0,
                        Tolerance.atMost(0), 1)
                        .withSetupNote("Exact evaluation on GL's linear Kripke frame; no randomness."),
                Claim.<ProgramEquilibriumResult>published("unexploitable", BARASZ.at("FairBot and PrudentBot are "
                                + "unexploitable"),
                        "FairBot and PrudentBot never cooperate against an opponent that defects against them "
                                + "(matches where they do, over the whole library).",
                        r -> r.exploitations(), 0, Tolerance.atMost(0), 1),
                Claim.<ProgramEquilibriumResult>demonstration("robust-cooperation", BARASZ,
                        "Cooperation without identical code: at least one pair of different agents cooperates "
                                + "with each other (FairBot and PrudentBot).",
                        r -> r.mutualCooperationOfDifferentAgents(), 1, Tolerance.atLeast(0), 1));
    }

    @Override
    public List<Figure<ProgramEquilibriumResult>> figures() {
        return List.of(new Figure<>("payoff-table", "Row agent's payoff against each column agent (T,R,P,S = 5,3,1,0)",
                in -> payoffChart(in.result())));
    }

    private static HeatMapChart payoffChart(ProgramEquilibriumResult r) {
        int n = r.agents().size();
        boolean[][] c = r.cooperates();
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int payoff = c[i][j] ? (c[j][i] ? 3 : 0) : (c[j][i] ? 5 : 1);
                cells.add(new Number[] {j, n - 1 - i, payoff});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(720).height(560)
                .title("Modal agents: the row agent's payoff").xAxisTitle("opponent").yAxisTitle("agent").build();
        List<String> rows = new ArrayList<>(r.agents());
        java.util.Collections.reverse(rows);
        chart.addSeries("payoff", r.agents(), rows, cells);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(5);
        return chart;
    }
}
