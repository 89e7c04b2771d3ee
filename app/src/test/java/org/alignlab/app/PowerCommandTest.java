package org.alignlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alignlab.core.UsageException;
import org.alignlab.decision.power.Horizon;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alignlab power}: the three sources, the table and JSON, and every bad input as one line with exit code 2. */
class PowerCommandTest {
    @TempDir
    Path dir;

    CliHarness cli;

    // 0 chooses between 1 (absorbing) and a fair coin between 2 and 3 (both absorbing): far-sighted POWER
    // E max(X, (Y + Z)/2) = 31/48 for IID uniform rewards, each action optimal with probability ½.
    static final String COIN = """
            states: [start, safe, heads, tails]
            actions: [stay, gamble]
            transitions:
              start: {stay: {safe: 1}, gamble: {heads: 0.5, tails: 0.5}}
              safe:  {stay: {safe: 1}, gamble: {safe: 1}}
              heads: {stay: {heads: 1}, gamble: {heads: 1}}
              tails: {stay: {tails: 1}, gamble: {tails: 1}}
            """;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir, List.of());
    }

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static void usageError(CliHarness.Result r, String expected) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("alignlab: "), r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void mdpFileFarSightedMatchesTheClosedForm() throws Exception {
        Path f = file("coin.yaml", COIN);
        var r = cli.run("power", "--mdp", f.toString(), "--samples", "4000", "--json", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        double lo = j.get("powerLo").asDouble();
        double hi = j.get("powerHi").asDouble();
        assertTrue(lo <= 31.0 / 48 && 31.0 / 48 <= hi, r.out());
        assertEquals("start", j.get("state").asText());
        JsonNode gamble = j.get("optimality").get(1);
        assertEquals("gamble", gamble.get("action").asText());
        assertTrue(gamble.get("lo").asDouble() <= 0.5 && 0.5 <= gamble.get("hi").asDouble(), r.out());
        // Same seed, other thread count: the same numbers, bit for bit.
        var again = cli.run("power", "--mdp", f.toString(), "--samples", "4000", "--json", "--threads", "1");
        assertEquals(r.out(), again.out());
    }

    @Test
    void tableForAMapAndForAJsonMdp() throws Exception {
        Path map = file("corridor.txt", """
                #####
                #A G#
                #L  #
                #####
                """);
        var r = cli.run("power", "--map", map.toString(), "--samples", "200", "--gamma", "0.9");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("POWER at state 0 of corridor.txt"), r.out());
        assertTrue(r.out().contains("P(up optimal)") || r.out().contains("optimal)"), r.out());
        assertTrue(r.out().contains("95% INTERVAL"), r.out());
        Path json = file("coin.json", """
                {"states": ["a", "b"], "actions": ["x"], "terminal": ["b"], "start": "a",
                 "transitions": {"a": {"x": {"a": 0.5, "b": 0.5}}}}
                """);
        var m = cli.run("power", "--mdp", json.toString(), "--limit", "myopic", "--samples", "300");
        assertEquals(0, m.code(), m.err());
        assertTrue(m.out().contains("P(x optimal)  1"), m.out());
    }

    @Test
    void registeredGridworldExportsToAnMdp() {
        usageError(cli.run("power", "safety/SafeInterruptibility-v0"), "has several start states: 0 (p ");
        var r = cli.run("power", "safety/SafeInterruptibility-v0", "--state", "0", "--samples", "20", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"source\" : \"safety/SafeInterruptibility-v0\""), r.out());
    }

    @Test
    void badGammaAndLimits() throws Exception {
        Path f = file("coin.yaml", COIN);
        String m = f.toString();
        for (String g : List.of("0", "1", "NaN", "-0.5", "1.5")) {
            usageError(cli.run("power", "--mdp", m, "--gamma", g), "--gamma must lie strictly between 0 and 1");
        }
        usageError(cli.run("power", "--mdp", m, "--gamma", "0.5", "--limit", "myopic"), "--gamma or --limit, not both");
        usageError(cli.run("power", "--mdp", m, "--limit", "forever"), "use myopic or far-sighted");
        usageError(cli.run("power", "--mdp", m, "--gamma", "high"), "--gamma");
    }

    @Test
    void badSamplesRewardsAndStates() throws Exception {
        Path f = file("coin.yaml", COIN);
        String m = f.toString();
        usageError(cli.run("power", "--mdp", m, "--samples", "0"), "--samples must be at least 1");
        usageError(cli.run("power", "--mdp", m, "--threads", "0"), "--threads must be at least 1");
        usageError(cli.run("power", "--mdp", m, "--reward", "beta:0,1"), "beta:A,B needs finite A > 0 and B > 0");
        usageError(cli.run("power", "--mdp", m, "--reward", "uniform:0,NaN"), "finite A < B");
        usageError(cli.run("power", "--mdp", m, "--reward", "beta:1,x"), "'x' is not a number");
        usageError(cli.run("power", "--mdp", m, "--reward", "cauchy"), "unknown --reward 'cauchy'");
        usageError(cli.run("power", "--mdp", m, "--state", "strat"), "state 'strat' is not in coin.yaml; did you mean "
                + "start?");
        usageError(cli.run("power", "--mdp", m, "--state", "nowhere"), "the states are start, safe, heads, tails");
        usageError(cli.run("power", "safety/SafeInterruptibility-v0", "--state", "100000"), "give a state id in 0..");
        usageError(cli.run("power", "safety/SafeInterruptibilty-v0"), "did you mean safety/SafeInterruptibility-v0");
        usageError(cli.run("power"), "give exactly one of an environment id, --map FILE or --mdp FILE");
        usageError(cli.run("power", "--mdp", m, "--map", m), "give exactly one");
    }

    @Test
    void malformedMdpFilesNameTheField() throws Exception {
        usageError(cli.run("power", "--mdp", file("a.yaml", "actions: [x]\ntransitions: {}\n").toString()),
                "a.yaml: states: missing");
        usageError(cli.run("power", "--mdp", file("b.yaml", COIN.replace("heads: 0.5", "heds: 0.5")).toString()),
                "transitions.start.gamble.heds: unknown state 'heds'; did you mean heads?");
        usageError(cli.run("power", "--mdp", file("c.yaml", COIN.replace("heads: 0.5", "heads: 0.4")).toString()),
                "probabilities of state start, action gamble sum to 0.9");
        usageError(cli.run("power", "--mdp", file("d.yaml", COIN.replace("heads: 0.5", "heads: lots")).toString()),
                "transitions.start.gamble.heads: the probability must be a number in [0, 1]");
        usageError(cli.run("power", "--mdp", file("e.yaml", COIN.replace("gamble: {heads", "gambel: {heads"))
                .toString()), "transitions.start.gambel: unknown action 'gambel'; did you mean gamble?");
        usageError(cli.run("power", "--mdp", file("f.yaml", COIN.replace("  safe:  {stay: {safe: 1}, gamble: "
                + "{safe: 1}}\n", "")).toString()), "state safe, action stay has no transition");
        usageError(cli.run("power", "--mdp", file("g.json", "{\"states\": [\"a\"], ").toString()),
                "cannot parse g.json as JSON");
        usageError(cli.run("power", "--mdp", file("h.yaml", COIN + "colour: blue\n").toString()),
                "h.yaml: colour: unknown field");
        usageError(cli.run("power", "--mdp", dir.resolve("missing.yaml").toString()), "cannot read MDP file");
    }

    @Test
    void horizonRefusesDiscountsOutsideTheOpenInterval() {
        for (double g : new double[] {0, 1, Double.NaN, -1, 2, Double.POSITIVE_INFINITY}) {
            UsageException e = assertThrows(UsageException.class, () -> Horizon.discounted(g));
            assertTrue(e.getMessage().contains("strictly between 0 and 1"), e.getMessage());
        }
    }
}
