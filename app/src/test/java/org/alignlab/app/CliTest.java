package org.alignlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alignlab.core.Experiment;
import org.alignlab.core.store.RunStore;
import org.alignlab.core.testkit.NoisyMean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command through picocli's API, against a temporary store. */
class CliTest {
    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        List<Experiment<?, ?>> exps = List.of(new NoisyMean(),
                new NoisyMean("robustly-good.test-mean", "robustly-good.forecasting"));
        cli = new CliHarness(dir, exps);
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void helpEverywhere() {
        for (String cmd : List.of("landscape", "list", "describe", "run", "reproduce", "runs", "report", "completion")) {
            var r = cli.run(cmd, "--help");
            assertEquals(0, r.code(), cmd);
            assertTrue(r.out().contains("Usage: alignlab " + cmd), r.out());
        }
        var r = cli.run("runs", "export", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--format"));
        assertTrue(cli.raw("--help").out().contains("reproduce"));
    }

    @Test
    void landscapeShowsTheWholeMap() throws Exception {
        var r = cli.run("landscape");
        assertEquals(0, r.code(), r.err());
        for (String id : List.of("threat-models.power-seeking", "threat-models.inner-misalignment", "agendas.debate",
                "robustly-good.forecasting", "deconfusion", "field-building", "considerations.takeoff")) {
            assertTrue(r.out().contains("[" + id + "]"), id);
        }
        assertTrue(r.out().contains("- test.noisy-mean"));
        assertTrue(r.out().contains("0/3 claims held (3 not yet run)"), r.out());
        assertTrue(r.out().contains("no experiment yet"));
        var j = json(cli.run("landscape", "--json", "--node", "robustly-good").out());
        assertEquals("robustly-good", j.get(0).get("id").asText());
        assertEquals(4, j.size());
        var bad = cli.run("landscape", "--node", "robustly-god");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("robustly-good"), bad.err());
    }

    @Test
    void listAndDescribe() throws Exception {
        var r = cli.run("list");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("test.noisy-mean") && r.out().contains("Nobody 2024"), r.out());
        var j = json(cli.run("list", "--json").out());
        assertEquals(2, j.size());
        assertTrue(j.get(1).get("quickMillis").isNull(), "no quick run stored yet");
        var d = cli.run("describe", "test.noisy-mean");
        assertEquals(0, d.code());
        assertTrue(d.out().contains("samples") && d.out().contains("[1, 100000000]") && d.out().contains("2000")
                && d.out().contains("200000"), d.out());
        assertTrue(d.out().contains("positive (demonstration, 2 seeds)"), d.out());
        var dj = json(cli.run("describe", "test.noisy-mean", "--json").out());
        assertEquals("samples", dj.get("config").get(0).get("key").asText());
        assertEquals(3, dj.get("claims").size());
    }

    @Test
    void unknownExperimentSuggestsTheClosestIds() {
        var r = cli.run("describe", "test.noisy-maen");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("did you mean test.noisy-mean"), r.err());
        assertTrue(cli.run("run", "noisy").err().contains("test.noisy-mean"));
    }

    @Test
    void runStoresRunsMetricsFiguresAndVerdicts() throws Exception {
        var r = cli.run("run", "test.noisy-mean", "samples=3000", "--seeds", "3", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("REPRODUCED       test.noisy-mean#mean"), r.out());
        assertTrue(r.out().contains("NOT_REPRODUCED   test.noisy-mean#wrong"), r.out());
        assertTrue(r.out().contains("DEMONSTRATED     test.noisy-mean#positive"), r.out());
        try (RunStore s = RunStore.open(cli.store)) {
            var runs = s.runs(null, 10);
            assertEquals(3, runs.size());
            runs.forEach(x -> assertEquals("FINISHED", x.status()));
            var first = runs.stream().filter(x -> x.seed() == 1).findFirst().orElseThrow();
            assertEquals("3000", s.params(first.id()).get("samples"));
            assertEquals(30, s.metrics(first.id()).series("running_mean").size());
            assertTrue(Files.isRegularFile(s.artifacts(first.id()).get("running-mean.svg")));
        }
        var listed = json(cli.run("list", "--json").out());
        assertFalse(listed.get(1).get("quickMillis").isNull());
    }

    @Test
    void sameSeedSameResultsThroughTheCommandLine() throws Exception {
        cli.run("run", "test.noisy-mean", "--seeds", "2", "--threads", "1", "--seed", "5");
        cli.run("run", "test.noisy-mean", "--seeds", "2", "--threads", "2", "--seed", "5");
        var runs = json(cli.run("runs", "list", "--json").out());
        assertEquals(4, runs.size());
        String a = resultOf(runs.get(0).get("id").asText());
        String b = resultOf(runs.get(2).get("id").asText());
        String c = resultOf(runs.get(1).get("id").asText());
        String d = resultOf(runs.get(3).get("id").asText());
        assertTrue(a.equals(b) || a.equals(d), "seed-for-seed identical results");
        assertTrue(c.equals(b) || c.equals(d));
    }

    private String resultOf(String run) throws Exception {
        return json(cli.run("runs", "show", run, "--json").out()).get("result").toString();
    }

    @Test
    void reproduceWritesOneLinePerClaimAndTheReport() throws Exception {
        var r = cli.run("reproduce", "--node", "agendas");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().filter(l -> l.matches("^(REPRODUCED|NOT_REPRODUCED|INCONCLUSIVE|"
                + "DEMONSTRATED|NOT_DEMONSTRATED) .*")).toList();
        assertEquals(3, lines.size(), r.out());
        assertFalse(r.out().contains("robustly-good.test-mean"), "--node limits the experiments");
        Path report = cli.store.getParent().resolve("report.html");
        String html = Files.readString(report);
        assertTrue(html.contains("test.noisy-mean#mean") && html.contains("NOT_REPRODUCED"));
        assertTrue(html.contains("data:image/png;base64,"), "figures are embedded");
        assertTrue(html.contains("codeVersion"), "provenance is shown");
        assertTrue(html.contains("Assistance games"), "grouped under the map node's title");
        var land = cli.run("landscape").out();
        assertTrue(land.contains("2/3 claims held"), land);
        var again = cli.run("report", "-o", dir.resolve("r2.html").toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(Files.readString(dir.resolve("r2.html")).contains("test.noisy-mean#wrong"));
    }

    @Test
    void reproduceEverything() {
        var r = cli.run("reproduce", "--seeds", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("robustly-good.test-mean#mean"));
        assertTrue(r.out().contains("claims: 2 REPRODUCED, 2 NOT_REPRODUCED, 2 DEMONSTRATED"), r.out());
    }

    @Test
    void runsListShowExportCompare() throws Exception {
        cli.run("run", "test.noisy-mean", "--seeds", "1", "--seed", "1");
        cli.run("run", "test.noisy-mean", "samples=4000", "--seeds", "1", "--seed", "2");
        var runs = json(cli.run("runs", "list", "--json").out());
        String newer = runs.get(0).get("id").asText();
        String older = runs.get(1).get("id").asText();
        var show = cli.run("runs", "show", older);
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("samples = 2000") && show.out().contains("running_mean: 20"), show.out());
        var prefix = cli.run("runs", "show", older.substring(0, older.length() - 2));
        assertTrue(prefix.code() == 0 || prefix.err().contains("ambiguous"));
        var csv = cli.run("runs", "export", "--format", "csv");
        assertEquals(0, csv.code(), csv.err());
        var csvLines = csv.out().lines().toList();
        assertEquals("run_id,experiment,scale,seed,status,step,metric,value", csvLines.get(0));
        assertEquals(1 + 20 + 40, csvLines.size());
        var js = json(cli.run("runs", "export", older, "--format", "json").out());
        assertEquals(20, js.get(0).get("metrics").get("running_mean").size());
        Path out = dir.resolve("export/runs.json");
        assertEquals(0, cli.run("runs", "export", "--format", "json", "-o", out.toString()).code());
        assertEquals(2, json(Files.readString(out)).size());
        var cmp = cli.run("runs", "compare", older, newer);
        assertEquals(0, cmp.code(), cmp.err());
        assertTrue(cmp.out().contains("samples") && cmp.out().contains("running_mean"), cmp.out());
        var cj = json(cli.run("runs", "compare", older, newer, "--json").out());
        assertEquals(20, cj.get("metrics").get(0).get("pairs").asInt());
        assertEquals("2000", cj.get("params").get(0).get("a").asText());
        var bad = cli.run("runs", "export", "--format", "xml");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("csv or json"));
        assertEquals(2, cli.run("runs", "show", "no-such-run").code());
    }

    @Test
    void completionScript() {
        var r = cli.run("completion");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("complete") && r.out().contains("reproduce"), r.out().substring(0, 200));
    }

    @Test
    void reportWithoutClaimsIsAUsageError() {
        var r = cli.run("report");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("reproduce"), r.err());
    }
}
