package org.alignlab.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alignlab.core.Numbers;
import org.alignlab.core.Suggestions;
import org.alignlab.core.UsageException;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.Match;
import org.alignlab.games.iterated.MatchResult;
import org.alignlab.games.iterated.MatchSpec;
import org.alignlab.games.iterated.StageGame;
import org.alignlab.games.iterated.Strategy;
import org.alignlab.games.iterated.strategies.StrategyRegistry;
import org.alignlab.games.modal.ModalAgent;
import org.alignlab.games.modal.ModalAgents;
import org.alignlab.games.modal.ModalCombat;
import org.alignlab.games.normal.BimatrixGame;
import org.alignlab.games.normal.LemkeHowson;
import org.alignlab.games.normal.MixedEquilibrium;
import org.alignlab.games.normal.SupportEnumeration;
import org.alignlab.games.tournament.Tournament;
import org.alignlab.games.tournament.TournamentResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code alignlab game}: the games substrate at the command line: the iterated prisoner's dilemma strategy library, one
 * match, a round-robin tournament (Axelrod 1980), the equilibria of a bimatrix game, and one-shot matches between
 * modal agents (Barasz et al. 2014; LaVictoire et al. 2014).
 */
@Command(name = "game", mixinStandardHelpOptions = true,
        description = "Game theory: the iterated prisoner's dilemma (strategies, matches, tournaments), Nash "
                + "equilibria of a two-player game, and modal agents that read each other's source.",
        subcommands = {GameCommand.Strategies.class, GameCommand.MatchCmd.class, GameCommand.TournamentCmd.class,
                GameCommand.Equilibria.class, GameCommand.Modal.class})
final class GameCommand implements Callable<Integer> {
    @ParentCommand
    AlignlabCommand root;

    @Override
    public Integer call() {
        return Strategies.list(root.cli, false);
    }

    /** Moves shown in full up to this many turns; longer matches show this many and a count of the rest. */
    static final int SHOWN_MOVES = 100;

    /** The longest single match {@code game match} plays (it keeps every move). */
    static final int MAX_MATCH_TURNS = 1_000_000;

    /** A strategy id checked against the registry, with close ids suggested and the listing command named. */
    static Strategy strategy(String id) {
        String q = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        List<String> all = StrategyRegistry.allIds();
        if (!all.contains(q)) {
            List<String> close = Suggestions.closest(q, all);
            throw new UsageException("unknown strategy '" + id + "'"
                    + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                    + " (see alignlab game strategies)");
        }
        return StrategyRegistry.create(q);
    }

    static String memory(Classifier c) {
        return c.memoryDepth() == Classifier.INFINITE ? "∞" : Integer.toString(c.memoryDepth());
    }

    static String moves(Action[] moves) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < Math.min(moves.length, SHOWN_MOVES); t++) sb.append(moves[t]);
        if (moves.length > SHOWN_MOVES) sb.append("… (").append(moves.length - SHOWN_MOVES).append(" more)");
        return sb.toString();
    }

    static String percent(double share) {
        return Numbers.fmt(100 * share) + "%";
    }

    @Command(name = "strategies", mixinStandardHelpOptions = true,
            description = "List the iterated prisoner's dilemma strategies: id, name, memory depth, stochastic or not.")
    static final class Strategies implements Callable<Integer> {
        @ParentCommand
        GameCommand parent;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        /** One strategy; {@code memoryDepth} is null when unbounded; {@code core}: in the 23-strategy core library. */
        record Row(String id, String name, Integer memoryDepth, boolean stochastic, boolean core) {}

        @Override
        public Integer call() {
            return list(parent.root.cli, json);
        }

        static Integer list(Cli cli, boolean json) {
            List<Row> rows = new ArrayList<>();
            for (String id : StrategyRegistry.allIds()) {
                Strategy s = StrategyRegistry.create(id);
                Classifier c = s.classifier();
                rows.add(new Row(id, s.name(), c.memoryDepth() == Classifier.INFINITE ? null : c.memoryDepth(),
                        c.stochastic(), StrategyRegistry.ids().contains(id)));
            }
            if (json) {
                Json.print(cli.out, rows);
                return Cli.OK;
            }
            Table t = new Table("ID", "NAME", "MEMORY", "STOCHASTIC", "LIBRARY");
            for (Row r : rows) {
                t.row(r.id(), r.name(), r.memoryDepth() == null ? "∞" : r.memoryDepth(), r.stochastic() ? "yes" : "no",
                        r.core() ? "core" : "literature");
            }
            t.print(cli.out);
            return Cli.OK;
        }
    }

    @Command(name = "match", mixinStandardHelpOptions = true,
            description = {"Play one match of the iterated prisoner's dilemma (payoffs R, S, T, P = 3, 0, 5, 1) and "
                    + "print both players' moves and scores.",
                    "Example: alignlab game match tit-for-tat defector --turns 10"})
    static final class MatchCmd implements Callable<Integer> {
        @ParentCommand
        GameCommand parent;

        @Parameters(index = "0", paramLabel = "A", description = "First strategy id (see alignlab game strategies).")
        String a;

        @Parameters(index = "1", paramLabel = "B", description = "Second strategy id.")
        String b;

        @Option(names = "--turns", paramLabel = "N", description = "Turns (the most, with --end-probability; "
                + "default 200).")
        int turns = 200;

        @Option(names = "--noise", paramLabel = "P", description = "Probability that each intended move is flipped "
                + "(default 0).")
        double noise;

        @Option(names = "--end-probability", paramLabel = "Q", description = "Probability that the match ends after "
                + "each turn (default 0: exactly --turns turns).")
        double endProbability;

        @Option(names = "--seed", paramLabel = "S", description = "Seed of noise, ending and stochastic players "
                + "(default 0).")
        long seed;

        @Override
        public Integer call() {
            Cli cli = parent.root.cli;
            if (turns > MAX_MATCH_TURNS) {
                throw new UsageException("--turns is at most " + MAX_MATCH_TURNS + " for one match (got " + turns + ")");
            }
            MatchSpec spec = new MatchSpec(turns, endProbability, noise, StageGame.AXELROD);
            Strategy sa = strategy(a);
            Strategy sb = strategy(b);
            MatchResult r = Match.play(sa, sb, spec, seed);
            int w = Math.max(sa.name().length(), sb.name().length());
            cli.out.println(sa.name() + " vs " + sb.name() + ": " + r.turns() + " turns"
                    + (noise > 0 ? ", noise " + Numbers.fmt(noise) : "")
                    + (endProbability > 0 ? ", end probability " + Numbers.fmt(endProbability) : "")
                    + ", seed " + seed);
            cli.out.println(String.format("%-" + w + "s  %s", sa.name(), moves(r.movesA())));
            cli.out.println(String.format("%-" + w + "s  %s", sb.name(), moves(r.movesB())));
            Table t = new Table("PLAYER", "SCORE", "PER TURN", "COOPERATION");
            t.row(sa.name(), Numbers.fmt(r.scoreA()), Numbers.fmt(r.meanScoreA()),
                    percent((double) r.cooperationsA() / r.turns()));
            t.row(sb.name(), Numbers.fmt(r.scoreB()), Numbers.fmt(r.meanScoreB()),
                    percent((double) r.cooperationsB() / r.turns()));
            t.print(cli.out);
            return Cli.OK;
        }
    }

    @Command(name = "tournament", mixinStandardHelpOptions = true,
            description = {"Run a round-robin tournament of the iterated prisoner's dilemma as Axelrod (1980) did: "
                    + "every pair meets, each player meets its twin, the whole round robin is repeated. Prints "
                    + "the ranking by mean match score, with cooperation rates. Results do not depend on --threads.",
                    "Players: --players a,b,c, --first-tournament (Axelrod's 14 entries and Random, the default) or "
                            + "--all (every strategy)."})
    static final class TournamentCmd implements Callable<Integer> {
        @ParentCommand
        GameCommand parent;

        @ArgGroup(exclusive = true)
        Players players;

        static final class Players {
            @Option(names = "--players", paramLabel = "IDS", split = ",", description = "Strategy ids, "
                    + "comma-separated.")
            List<String> ids;

            @Option(names = "--first-tournament", description = "Axelrod's first tournament: 14 entries and Random.")
            boolean first;

            @Option(names = "--all", description = "Every strategy in the library.")
            boolean all;
        }

        @Option(names = "--turns", paramLabel = "N", description = "Turns per match (default 200).")
        int turns = 200;

        @Option(names = "--repetitions", paramLabel = "R", description = "Repetitions of the round robin (default 5).")
        int repetitions = 5;

        @Option(names = "--noise", paramLabel = "P", description = "Probability that each intended move is flipped "
                + "(default 0).")
        double noise;

        @Option(names = "--seed", paramLabel = "S", description = "Tournament seed (default 0).")
        long seed;

        @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default 1).")
        int threads = 1;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        /** One player's line of the ranking. */
        record Row(int rank, String id, String name, double meanScore, double cooperationRate) {}

        /** The whole output ({@code --json}). */
        record Report(int turns, int repetitions, double noise, long seed, List<Row> ranking) {}

        @Override
        public Integer call() {
            Cli cli = parent.root.cli;
            MatchSpec spec = MatchSpec.of(turns).withNoise(noise);
            if (repetitions < 1) {
                throw new UsageException("--repetitions must be at least 1 (got " + repetitions + ")");
            }
            if (threads < 1) throw new UsageException("--threads must be at least 1 (got " + threads + ")");
            List<String> ids = players == null || players.first ? StrategyRegistry.axelrodFirstTournament()
                    : players.all ? StrategyRegistry.allIds()
                    : players.ids.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                    .toList();
            List<Strategy> strategies = ids.stream().map(GameCommand::strategy).toList();
            TournamentResult r = Tournament.roundRobin(strategies, spec, repetitions, seed).run(threads);
            List<Row> rows = new ArrayList<>();
            for (int i : r.ranking()) {
                rows.add(new Row(r.rank(i), ids.get(i), r.names().get(i), r.meanMatchScore()[i],
                        r.cooperationRate()[i]));
            }
            if (json) {
                Json.print(cli.out, new Report(turns, repetitions, noise, seed, rows));
                return Cli.OK;
            }
            cli.out.println(ids.size() + " players, " + turns + " turns, " + repetitions + " repetition(s)"
                    + (noise > 0 ? ", noise " + Numbers.fmt(noise) : "") + ", seed " + seed);
            Table t = new Table("RANK", "STRATEGY", "ID", "MEAN SCORE", "COOPERATION");
            for (Row row : rows) {
                t.row(row.rank(), row.name(), row.id(), Numbers.fmt(row.meanScore()), percent(row.cooperationRate()));
            }
            t.print(cli.out);
            return Cli.OK;
        }
    }

    @Command(name = "equilibria", mixinStandardHelpOptions = true,
            description = {"Nash equilibria of a two-player game: the pure ones, all mixed ones of a nondegenerate "
                    + "game (support enumeration), the one Lemke–Howson reaches from label 0, welfare and the price "
                    + "of anarchy.",
                    "Tables: rows separated by ';', entries by ','; row i, column j is the payoff when the row player "
                            + "plays i and the column player j. Without --column the game is symmetric (the "
                            + "column player's table is the transpose of the row player's).",
                    "Example (prisoner's dilemma): alignlab game equilibria --row \"3,0;5,1\" --row-actions C,D"})
    static final class Equilibria implements Callable<Integer> {
        @ParentCommand
        GameCommand parent;

        @Option(names = "--row", required = true, paramLabel = "TABLE", description = "The row player's payoffs.")
        String row;

        @Option(names = "--column", paramLabel = "TABLE", description = "The column player's payoffs (default: the "
                + "transpose of --row).")
        String column;

        @Option(names = "--row-actions", paramLabel = "NAMES", split = ",", description = "Names of the row "
                + "player's actions (default 1, 2, ...).")
        List<String> rowActions;

        @Option(names = "--column-actions", paramLabel = "NAMES", split = ",", description = "Names of the column "
                + "player's actions (default: --row-actions for a symmetric game, else 1, 2, ...).")
        List<String> columnActions;

        /** Small quantities from floating-point round-off shown as 0. */
        private static final double ZERO = 1e-12;

        @Override
        public Integer call() {
            Cli cli = parent.root.cli;
            double[][] a = table("--row", row);
            BimatrixGame g;
            if (column == null) {
                if (a.length != a[0].length) {
                    throw new UsageException("--row is " + a.length + "×" + a[0].length + "; without --column the game "
                            + "is symmetric and needs a square table (give --column for the column player's payoffs)");
                }
                g = BimatrixGame.symmetric("input", a);
            } else {
                g = BimatrixGame.of("input", a, table("--column", column));
            }
            List<String> rn = names("--row-actions", rowActions, g.rows());
            List<String> cn = names("--column-actions",
                    columnActions == null && column == null ? rowActions : columnActions, g.columns());
            cli.out.println(g.rows() + "×" + g.columns() + " game" + (column == null ? " (symmetric)" : ""));
            double opt = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < g.rows(); i++) {
                for (int j = 0; j < g.columns(); j++) opt = Math.max(opt, g.rowPayoff(i, j) + g.columnPayoff(i, j));
            }
            List<int[]> pure = g.pureNash();
            cli.out.println("pure Nash equilibria: " + (pure.isEmpty() ? "none" : pure.size()));
            if (!pure.isEmpty()) {
                Table t = new Table("PROFILE", "PAYOFFS", "WELFARE");
                for (int[] p : pure) {
                    double u = g.rowPayoff(p[0], p[1]);
                    double v = g.columnPayoff(p[0], p[1]);
                    t.row("(" + rn.get(p[0]) + ", " + cn.get(p[1]) + ")", pair(u, v), Numbers.fmt(u + v));
                }
                t.print(cli.out);
            }
            List<MixedEquilibrium> all = SupportEnumeration.equilibria(g);
            cli.out.println("all equilibria by support enumeration: " + all.size()
                    + (all.isEmpty() ? " (the game is degenerate; try Lemke–Howson below)" : ""));
            if (!all.isEmpty()) {
                Table t = new Table("ROW PLAYER", "COLUMN PLAYER", "PAYOFFS", "WELFARE");
                for (MixedEquilibrium e : all) {
                    t.row(mix(e.row(), rn), mix(e.column(), cn), pair(e.rowPayoff(), e.columnPayoff()),
                            Numbers.fmt(clean(e.welfare())));
                }
                t.print(cli.out);
            }
            MixedEquilibrium lh = LemkeHowson.solve(g, 0);
            cli.out.println("Lemke–Howson from label 0: row " + mix(lh.row(), rn) + ", column " + mix(lh.column(), cn)
                    + ", payoffs " + pair(lh.rowPayoff(), lh.columnPayoff()));
            cli.out.println("optimal welfare (best pure profile): " + Numbers.fmt(opt));
            cli.out.println("price of anarchy: " + ratio(g, true) + ", price of stability: " + ratio(g, false));
            return Cli.OK;
        }

        // Over the support-enumeration equilibria; undefined (with the reason) when equilibrium welfare is not positive.
        private static String ratio(BimatrixGame g, boolean anarchy) {
            try {
                return Numbers.fmt(anarchy ? g.priceOfAnarchy() : g.priceOfStability());
            } catch (UsageException ex) {
                String why = Cli.oneLine(ex.getMessage());
                return "undefined (" + why.substring(why.indexOf(':') + 1).strip() + ")";
            }
        }

        private static double clean(double x) {
            return Math.abs(x) < ZERO ? 0 : x;
        }

        private static String pair(double u, double v) {
            return "(" + Numbers.fmt(clean(u)) + ", " + Numbers.fmt(clean(v)) + ")";
        }

        private static String mix(double[] p, List<String> names) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < p.length; i++) {
                if (Math.abs(p[i] - 1) < ZERO) return names.get(i);
                if (p[i] > ZERO) parts.add(Numbers.fmt(p[i]) + " " + names.get(i));
            }
            return String.join(" + ", parts);
        }

        private static List<String> names(String option, List<String> given, int count) {
            if (given == null) {
                List<String> n = new ArrayList<>();
                for (int i = 1; i <= count; i++) n.add(Integer.toString(i));
                return n;
            }
            List<String> n = given.stream().map(String::strip).toList();
            if (n.size() != count) {
                throw new UsageException(option + " names " + n.size() + " action(s) but the player has " + count);
            }
            return n;
        }

        /** "3,0;5,1": rows by ';', entries by ','; every row the same length. */
        static double[][] table(String option, String text) {
            String s = text == null ? "" : text.strip();
            if (s.isEmpty()) throw new UsageException(option + " is empty; write rows separated by ';' and entries by "
                    + "',', e.g. \"3,0;5,1\"");
            String[] rows = s.split(";", -1);
            double[][] t = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                String[] cells = rows[i].split(",", -1);
                t[i] = new double[cells.length];
                for (int j = 0; j < cells.length; j++) {
                    String c = cells[j].strip();
                    try {
                        t[i][j] = Double.parseDouble(c);
                    } catch (NumberFormatException ex) {
                        throw new UsageException(option + " \"" + text + "\": row " + (i + 1) + ", entry " + (j + 1)
                                + " '" + c + "' is not a number");
                    }
                    if (!Double.isFinite(t[i][j])) {
                        throw new UsageException(option + " \"" + text + "\": row " + (i + 1) + ", entry " + (j + 1)
                                + " is not finite");
                    }
                }
                if (t[i].length != t[0].length) {
                    throw new UsageException(option + " \"" + text + "\" is not a rectangular table: row " + (i + 1)
                            + " has " + t[i].length + " entr" + (t[i].length == 1 ? "y" : "ies") + ", row 1 has "
                            + t[0].length);
                }
            }
            return t;
        }
    }

    @Command(name = "modal", mixinStandardHelpOptions = true,
            description = {"The exact outcome of a one-shot prisoner's dilemma between two modal agents: each "
                    + "cooperates exactly when its formula of provability logic holds (Barasz et al. 2014; LaVictoire "
                    + "et al. 2014), evaluated on the Kripke frame of GL.",
                    "Library: DefectBot, CooperateBot, FairBot, PrudentBot, TrollBot, JustBot. Define more with "
                            + "--agent \"Name = formula\", e.g. --agent \"Fair2 = [] them(me)\"; formulas use me, them, "
                            + "agent names, [] (provable), ~ & | -> T F, and X(Y) = C|D."})
    static final class Modal implements Callable<Integer> {
        @ParentCommand
        GameCommand parent;

        @Parameters(index = "0", paramLabel = "A", description = "First agent's name.")
        String a;

        @Parameters(index = "1", paramLabel = "B", description = "Second agent's name.")
        String b;

        @Option(names = "--agent", paramLabel = "\"NAME = FORMULA\"", description = "Define an agent (repeatable).")
        List<String> defined = new ArrayList<>();

        @Override
        public Integer call() {
            Cli cli = parent.root.cli;
            Map<String, ModalAgent> known = new LinkedHashMap<>();
            for (ModalAgent m : ModalAgents.all()) known.put(m.name(), m);
            for (String d : defined) {
                int eq = d.indexOf('=');
                if (eq < 0) throw new UsageException("--agent '" + d + "': write NAME = FORMULA, e.g. \"Fair2 = [] "
                        + "them(me)\"");
                String name = d.substring(0, eq).strip();
                ModalAgent m = ModalAgent.of(name, d.substring(eq + 1).strip(), "defined at the command line");
                if (known.containsKey(name)) {
                    throw new UsageException("--agent " + name + ": " + (ModalAgents.all().stream()
                            .anyMatch(x -> x.name().equals(name)) ? "the library already has an agent called "
                            + name : "defined twice") + "; choose another name");
                }
                known.put(name, m);
            }
            ModalAgent x = agent(known, a);
            ModalAgent y = agent(known, b);
            ModalCombat.Outcome o = new ModalCombat(known.values()).play(x, y);
            cli.out.println(x);
            if (!y.name().equals(x.name())) cli.out.println(y);
            cli.out.println(x.name() + " vs " + y.name() + ": " + o.show() + " (" + x.name() + " "
                    + (o.firstCooperates() ? "cooperates" : "defects") + ", " + y.name() + " "
                    + (o.secondCooperates() ? "cooperates" : "defects") + "; stable on levels 0.." + (o.levels() - 1)
                    + " of GL's linear Kripke frame)");
            return Cli.OK;
        }

        private static ModalAgent agent(Map<String, ModalAgent> known, String name) {
            ModalAgent m = known.get(name);
            if (m != null) return m;
            for (ModalAgent k : known.values()) if (k.name().equalsIgnoreCase(name)) return k;
            List<String> close = Suggestions.closest(name, known.keySet());
            throw new UsageException("no modal agent called '" + name + "'" + (close.isEmpty() ? "" : "; did you mean "
                    + String.join(", ", close) + "?") + " (known: " + String.join(", ", known.keySet()) + ")");
        }
    }
}
