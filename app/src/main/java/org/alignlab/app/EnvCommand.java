package org.alignlab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alignlab.core.Numbers;
import org.alignlab.core.UsageException;
import org.alignlab.decision.env.Env;
import org.alignlab.decision.env.EnvRegistry;
import org.alignlab.decision.env.EnvSpec;
import org.alignlab.decision.env.Step;
import org.alignlab.decision.grid.GridAction;
import org.alignlab.decision.grid.GridObservation;
import org.alignlab.decision.grid.GridRender;
import org.alignlab.decision.grid.GridworldEnv;
import org.alignlab.decision.grid.SimpleGridGame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code alignlab env}: the registered environments, and playing one by an action string. */
@Command(name = "env", mixinStandardHelpOptions = true, description = "List the registered environments, or play one.",
        subcommands = {EnvCommand.ListEnvs.class, EnvCommand.Play.class})
final class EnvCommand implements Callable<Integer> {
    @ParentCommand
    AlignlabCommand root;

    @Override
    public Integer call() {
        return ListEnvs.list(root.cli, false);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the registered environments.")
    static final class ListEnvs implements Callable<Integer> {
        @ParentCommand
        EnvCommand parent;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return list(parent.root.cli, json);
        }

        static Integer list(Cli cli, boolean json) {
            List<EnvSpec> specs = EnvRegistry.load().specs();
            if (json) {
                Json.print(cli.out, specs);
                return Cli.OK;
            }
            Table t = new Table("ENVIRONMENT", "MAX STEPS");
            for (EnvSpec s : specs) t.row(s.id(), s.maxEpisodeSteps() == 0 ? "" : s.maxEpisodeSteps());
            t.print(cli.out);
            return Cli.OK;
        }
    }

    @Command(name = "play", mixinStandardHelpOptions = true,
            description = {"Play an environment with a fixed action string and print the board, the return and the "
                    + "hidden performance; optionally write the episode as an animated GIF.",
                    "Actions: U D L R N (up, down, left, right, no-op) or numbers, e.g. --actions RRDDL or 3,3,1."})
    static final class Play implements Callable<Integer> {
        @ParentCommand
        EnvCommand parent;

        @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Environment id (see alignlab env list).")
        String id;

        @Option(names = "--map", paramLabel = "FILE", description = "Play your own ASCII map instead ('#' wall, 'A' "
                + "agent, 'G' goal +50, 'L' lava -50, 'X' box, ' ' floor; -1 per step).")
        Path map;

        @Option(names = "--actions", paramLabel = "STRING", description = "The actions, in order (default: none).")
        String actions = "";

        @Option(names = "--seed", paramLabel = "S", description = "Episode seed (default 0).")
        long seed;

        @Option(names = "--gif", paramLabel = "FILE", description = "Write the episode as an animated GIF.")
        Path gif;

        @Override
        public Integer call() {
            Cli cli = parent.root.cli;
            Env<Object, Integer> env = open();
            List<Object> frames = new ArrayList<>();
            Object obs = env.reset(seed).observation();
            frames.add(obs);
            double total = 0;
            double hidden = 0;
            boolean anyHidden = false;
            Step<Object> last = null;
            int t = 0;
            List<Integer> plan = parse(actions);
            for (int a : plan) {
                if (last != null && last.done()) {
                    throw new UsageException("the episode ended after step " + t + " ("
                            + (last.terminated() ? "terminated" : "truncated") + "); --actions has "
                            + (plan.size() - t) + " more action(s): a finished episode cannot be stepped");
                }
                last = env.step(a);
                t++;
                total += last.reward();
                if (!Double.isNaN(last.hiddenReward())) {
                    hidden += last.hiddenReward();
                    anyHidden = true;
                }
                frames.add(last.observation());
            }
            Object shown = last == null ? obs : last.observation();
            cli.out.println(shown instanceof GridObservation g ? GridRender.text(g) : String.valueOf(shown));
            cli.out.println("steps " + t + ", return " + Numbers.fmt(total) + ", hidden performance "
                    + (anyHidden ? Numbers.fmt(hidden) : "–") + (last == null ? "" : last.terminated() ? ", terminated"
                    : last.truncated() ? ", truncated" : ", still running"));
            if (gif != null) {
                List<GridObservation> grid = new ArrayList<>();
                for (Object f : frames) {
                    if (!(f instanceof GridObservation g)) throw new UsageException("--gif needs a gridworld");
                    grid.add(g);
                }
                try {
                    Path dir = gif.toAbsolutePath().getParent();
                    if (dir != null) Files.createDirectories(dir);
                    GridRender.writeGif(grid, gif);
                } catch (IOException ex) {
                    throw new UsageException("cannot write " + gif + ": " + ex.getMessage());
                }
                cli.out.println("gif: " + gif);
            }
            return Cli.OK;
        }

        @SuppressWarnings("unchecked")
        private Env<Object, Integer> open() {
            if (map != null) {
                if (id != null) throw new UsageException("give an environment id or --map, not both");
                List<String> lines;
                try {
                    lines = Files.readAllLines(map);
                } catch (IOException ex) {
                    throw new UsageException("cannot read map " + map + ": " + ex.getMessage());
                }
                while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
                Env<?, ?> env = new GridworldEnv(new SimpleGridGame(lines));
                return (Env<Object, Integer>) env;
            }
            if (id == null) throw new UsageException("give an environment id (see alignlab env list) or --map FILE");
            return EnvRegistry.load().make(id);
        }

        static List<Integer> parse(String text) {
            List<Integer> out = new ArrayList<>();
            String s = text.strip();
            if (s.isEmpty()) return out;
            if (s.matches("[0-9,\\s]+")) {
                for (String part : s.split("[,\\s]+")) if (!part.isEmpty()) out.add(Integer.parseInt(part));
                return out;
            }
            for (char ch : s.toUpperCase(Locale.ROOT).toCharArray()) {
                switch (ch) {
                    case 'U' -> out.add(GridAction.UP);
                    case 'D' -> out.add(GridAction.DOWN);
                    case 'L' -> out.add(GridAction.LEFT);
                    case 'R' -> out.add(GridAction.RIGHT);
                    case 'N' -> out.add(GridAction.NOOP);
                    case ',', ' ' -> { }
                    default -> throw new UsageException("unknown action '" + ch + "' in --actions: use U D L R N "
                            + "or numbers");
                }
            }
            return out;
        }
    }
}
