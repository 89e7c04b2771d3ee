package org.alignlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alignlab.core.Experiment;
import org.alignlab.core.Verdict;
import org.alignlab.core.store.RunStore;
import org.alignlab.landscape.Landscape;
import org.alignlab.landscape.LandscapeMap;
import org.alignlab.landscape.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code alignlab landscape}: the map as a tree, with each node's experiments and how many claims held. */
@Command(name = "landscape", mixinStandardHelpOptions = true,
        description = "Show the map of the field as a tree: each node, its experiments, and claims held/total "
                + "(from the latest verdicts in the store).")
final class LandscapeCommand implements Callable<Integer> {
    @ParentCommand
    AlignlabCommand root;

    @Option(names = "--node", paramLabel = "NODE", description = "Show only this node and what is below it.")
    String node;

    @Option(names = "--json", description = "Print JSON instead of a tree.")
    boolean json;

    /** One node as the command reports it. */
    record NodeView(String id, String title, String kind, String parent, int depth, List<String> experiments,
                    int claimsHeld, int claimsMeasured, int claimsTotal, String summary) {}

    @Override
    public Integer call() {
        Cli cli = root.cli;
        Landscape map = cli.landscape();
        LandscapeMap joined = cli.map();
        List<String> ids = node == null ? map.nodes().stream().map(Node::id).toList() : map.subtree(map.require(node).id());
        RunStore store = cli.storeIfExists();
        Map<String, Verdict> latest = store == null ? Map.of() : store.latestVerdicts();
        List<NodeView> views = new ArrayList<>();
        for (String id : ids) {
            Node n = map.require(id);
            List<String> here = joined.experimentsAt(id).stream().map(e -> e.info().id()).toList();
            int total = 0;
            int held = 0;
            int measured = 0;
            for (Experiment<?, ?> e : joined.experimentsUnder(id)) {
                for (var c : e.claims()) {
                    total++;
                    Verdict v = latest.get(e.info().id() + "#" + c.id());
                    if (v != null) measured++;
                    if (v != null && v.held()) held++;
                }
            }
            views.add(new NodeView(id, n.title(), n.kind().yamlName(), n.parent(), map.depth(id), here, held, measured,
                    total, n.summary()));
        }
        if (json) {
            Json.print(cli.out, views);
            return Cli.OK;
        }
        int base = views.isEmpty() ? 0 : views.get(0).depth();
        for (NodeView v : views) {
            String indent = "  ".repeat(v.depth() - base);
            String claims = v.claimsTotal() == 0 ? "no experiment yet"
                    : v.claimsHeld() + "/" + v.claimsTotal() + " claims held"
                    + (v.claimsMeasured() < v.claimsTotal() ? " (" + (v.claimsTotal() - v.claimsMeasured())
                    + " not yet run)" : "");
            cli.out.println(indent + v.title() + "  [" + v.id() + "]  " + claims);
            for (String e : v.experiments()) cli.out.println(indent + "  - " + e);
        }
        return Cli.OK;
    }

}
