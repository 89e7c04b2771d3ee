package org.alignlab.landscape;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What sort of place on the map a node is. The YAML spells each kind in lower case with dashes. */
public enum NodeKind {
    /** One of the five kinds of approach to alignment research (top level). */
    APPROACH(true, false),
    /** A concrete story of how AI leads to catastrophe. */
    THREAT_MODEL(false, false),
    /** A more specific route inside a threat model. */
    SUB_THREAT(false, false),
    /** A proposal for how to build safe AGI. */
    AGENDA(false, false),
    /** A research area inside the robustly good approaches. */
    AREA(false, false),
    /** The set of crucial considerations (top level); it groups them and is anchored by no work of its own. */
    CONSIDERATIONS(true, true),
    /** A background belief that drives disagreement about which approach to take. */
    CONSIDERATION(false, false);

    private final boolean topLevel;
    private final boolean grouping;

    NodeKind(boolean topLevel, boolean grouping) {
        this.topLevel = topLevel;
        this.grouping = grouping;
    }

    /** True for kinds that sit at the top of the map (and only there). */
    public boolean topLevel() {
        return topLevel;
    }

    /** True for pure grouping nodes, which need no anchoring papers. */
    public boolean grouping() {
        return grouping;
    }

    /** The spelling used in landscape.yaml, e.g. {@code threat-model}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<NodeKind> fromYaml(String name) {
        return Arrays.stream(values()).filter(k -> k.yamlName().equals(name)).findFirst();
    }

    /** "approach, threat-model, ..." for error messages. */
    static String yamlNames() {
        return Arrays.stream(values()).map(NodeKind::yamlName).collect(Collectors.joining(", "));
    }
}
