package org.alignlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alignlab neural}: hooks, train (with checkpoint and bit-identical resume) and activations (with ablation), and
 * every bad input of issue 5 as one line on stderr with exit code 2.
 */
class NeuralCommandTest {
    @TempDir
    Path dir;

    CliHarness cli;

    /** A small repeat-task model, so that the tests stay fast. */
    static final String[] TINY_REPEAT = {"train", "--task", "repeat", "--preset", "induction", "--d-model", "16", "--vocab",
            "16", "--n-ctx", "12", "--batch", "8"};

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir, List.of());
    }

    private static void usageError(CliHarness.Result r, String... expected) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("alignlab: "), r.err());
        for (String e : expected) assertTrue(r.err().contains(e), "expected '" + e + "' in: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(r.err().contains("Exception"), "no exception name: " + r.err());
    }

    private static CliHarness.Result ok(CliHarness.Result r) {
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("", r.err());
        return r;
    }

    private CliHarness.Result neural(String... args) {
        List<String> all = new ArrayList<>(List.of("neural"));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Trains the grokking model for p = 23 for a few steps and returns its checkpoint. */
    private Path trainedAddition() {
        Path ckpt = dir.resolve("add.ckpt");
        var r = ok(neural("train", "--task", "addition", "--steps", "12", "--lr", "3e-3", "--checkpoint",
                ckpt.toString()));
        assertTrue(r.out().contains("step 12  loss "), r.out());
        return ckpt;
    }

    // ---- hooks

    @Test
    void hooksListsEveryHookWithItsShapeThenTheParameters() throws Exception {
        var r = ok(neural("hooks", "--p", "23"));
        assertTrue(r.out().lines().anyMatch(l -> l.matches("blocks\\.0\\.attn\\.hook_pattern\\s+\\(1, 4, 3, 3\\)")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("blocks\\.0\\.mlp\\.hook_post\\s+\\(1, 3, 512\\)")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("embed\\.W_E\\s+\\(24, 128\\)")), r.out());
        JsonNode j = Json.mapper().readTree(ok(neural("hooks", "--preset", "induction", "--layer-norm", "--json")).out());
        List<String> names = new ArrayList<>();
        j.get("hooks").forEach(h -> names.add(h.get("name").asText()));
        assertTrue(names.contains("blocks.1.attn.hook_pattern"), names.toString());
        assertTrue(names.contains("ln_final.hook_normalized"), names.toString());
        assertFalse(names.contains("blocks.0.mlp.hook_post"), "attention-only: " + names);
        JsonNode pattern = j.get("hooks").get(names.indexOf("blocks.1.attn.hook_pattern")).get("shape");
        assertEquals("[1,2,32,32]", pattern.toString());
        assertEquals(2, j.get("config").get("nLayers").asInt());
        assertTrue(j.get("parameterCount").asLong() > 0);
    }

    // ---- train and activations

    @Test
    void trainWritesACheckpointThatActivationsReadsAndAblationChangesTheLogits() throws Exception {
        Path ckpt = dir.resolve("add.ckpt");
        var train = ok(neural("train", "--task", "addition", "--steps", "12", "--lr", "3e-3", "--log-every", "4",
                "--checkpoint", ckpt.toString()));
        List<String> steps = train.out().lines().filter(l -> l.startsWith("step ")).toList();
        assertEquals(List.of("step 1", "step 4", "step 8", "step 12"),
                steps.stream().map(l -> l.substring(0, l.indexOf("  "))).toList(), train.out());
        assertTrue(train.out().contains("159 training pairs (full batch), 370 test pairs"), train.out());
        assertTrue(train.out().lines().anyMatch(l -> l.matches("train accuracy [0-9.]+%, test accuracy [0-9.]+%")),
                train.out());
        assertTrue(train.out().contains("checkpoint: " + ckpt + " (step 12)"), train.out());
        assertTrue(Files.size(ckpt) > 0);

        var act = ok(neural("activations", "--checkpoint", ckpt.toString(), "--tokens", "3 5 23", "--hook",
                "blocks.0.attn.hook_pattern"));
        assertTrue(act.out().contains("blocks.0.attn.hook_pattern (1, 4, 3, 3)"), act.out());
        // Causal attention: position 0 attends only to itself.
        assertTrue(act.out().lines().anyMatch(l -> l.equals("[0, 0, 0, :] 1 0 0")), act.out());
        assertTrue(act.out().contains("top-5 next-token predictions at position 2:"), act.out());
        assertTrue(act.out().lines().anyMatch(l -> l.matches("5\\s+\\d+\\s+\\S+\\s+[0-9.e-]+%")), act.out());

        JsonNode clean = Json.mapper().readTree(ok(neural("activations", "--checkpoint", ckpt.toString(), "--tokens",
                "3,5,23", "--json")).out());
        JsonNode ablated = Json.mapper().readTree(ok(neural("activations", "--checkpoint", ckpt.toString(), "--tokens",
                "3 5 23", "--zero", "blocks.0.hook_mlp_out", "--zero", "blocks.0.hook_attn_out", "--hook",
                "blocks.0.hook_mlp_out", "--json")).out());
        assertEquals(5, clean.get("top").size());
        assertEquals("[\"blocks.0.hook_mlp_out\",\"blocks.0.hook_attn_out\"]", ablated.get("zeroed").toString());
        for (JsonNode v : ablated.get("values")) assertEquals(0.0, v.asDouble(), "the zeroed activation is cached as 0");
        assertEquals(3 * 128, ablated.get("values").size());
        assertNotEquals(clean.get("top").get(0).get("logit").asDouble(), ablated.get("top").get(0).get("logit")
                .asDouble(), "ablation changes the logits");
    }

    @Test
    void resumingGivesTheSameWeightsBitForBit() throws Exception {
        // addition: N + M steps in one go against N, then M resumed (the warm-up and Adam's moments carry over)
        Path whole = dir.resolve("whole.ckpt"), parts = dir.resolve("parts.ckpt");
        ok(neural("train", "--steps", "8", "--lr", "3e-3", "--seed", "4", "--checkpoint", whole.toString()));
        ok(neural("train", "--steps", "5", "--lr", "3e-3", "--seed", "4", "--checkpoint", parts.toString()));
        var resumed = ok(neural("train", "--steps", "3", "--lr", "3e-3", "--seed", "4", "--checkpoint",
                parts.toString(), "--resume"));
        assertTrue(resumed.out().contains("resumed at step 5"), resumed.out());
        assertTrue(resumed.out().contains("step 6  loss"), resumed.out());
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(parts));
        // repeat: fresh batches per step, so resume must see step 4's batch at step 4
        Path w = dir.resolve("rw.ckpt"), p = dir.resolve("rp.ckpt");
        ok(neural(concat(TINY_REPEAT, "--steps", "6", "--checkpoint", w.toString())));
        ok(neural(concat(TINY_REPEAT, "--steps", "3", "--checkpoint", p.toString())));
        var r = ok(neural(concat(TINY_REPEAT, "--steps", "3", "--checkpoint", p.toString(), "--resume")));
        assertTrue(r.out().contains("inside the repeated copy"), r.out());
        assertArrayEquals(Files.readAllBytes(w), Files.readAllBytes(p));
        // and the seed matters
        Path other = dir.resolve("other.ckpt");
        ok(neural(concat(TINY_REPEAT, "--steps", "6", "--seed", "1", "--checkpoint", other.toString())));
        assertFalse(Arrays.equals(Files.readAllBytes(w), Files.readAllBytes(other)));
    }

    // ---- bad input (issue 5)

    @Test
    void tokensThatDoNotFit() {
        Path ckpt = trainedAddition();
        String c = ckpt.toString();
        usageError(neural("activations", "--checkpoint", c, "--tokens", "1 2 3 4"), "tokens of shape (1, 4) do not fit",
                "n_ctx = 3");
        usageError(neural("activations", "--checkpoint", c, "--tokens", "3 5 99"),
                "outside the vocabulary [0, 23]");
        usageError(neural("activations", "--checkpoint", c, "--tokens", "3 x 23"), "'x' is not a token id");
        usageError(neural("activations", "--checkpoint", c, "--tokens", " "), "--tokens is empty");
    }

    @Test
    void unknownHookSuggestsTheCloseOne() {
        Path ckpt = trainedAddition();
        usageError(neural("activations", "--checkpoint", ckpt.toString(), "--tokens", "3 5 23", "--hook",
                "blocks.0.attn.hook_patern"), "unknown hook 'blocks.0.attn.hook_patern'",
                "did you mean blocks.0.attn.hook_pattern");
        usageError(neural("activations", "--checkpoint", ckpt.toString(), "--tokens", "3 5 23", "--zero",
                "blocks.0.hook_mlp_ot"), "did you mean blocks.0.hook_mlp_out");
    }

    @Test
    void checkpointFromAnotherModel() {
        Path ckpt = trainedAddition();
        usageError(neural("activations", "--p", "29", "--checkpoint", ckpt.toString(), "--tokens", "3 5 29"),
                "is from another model", "parameter embed.W_E has shape (24, 128) there and (30, 128) here");
        usageError(neural("activations", "--d-model", "64", "--checkpoint", ckpt.toString(), "--tokens", "3 5 23"),
                "is from another model", "(24, 128) there and (24, 64) here");
        usageError(neural("train", "--p", "29", "--steps", "1", "--checkpoint", ckpt.toString(), "--resume"),
                "is from another model");
        usageError(neural("activations", "--checkpoint", dir.resolve("none.ckpt").toString(), "--tokens", "1"),
                "none.ckpt does not exist");
    }

    @Test
    void nanLossStopsWithTheStepAndLastFiniteLossAndLeavesTheCheckpoint() throws Exception {
        Path ckpt = trainedAddition();
        byte[] before = Files.readAllBytes(ckpt);
        var r = neural("train", "--lr", "1e30", "--steps", "50", "--checkpoint", ckpt.toString());
        usageError(r, "training loss became", "at step ", "last finite loss ");
        assertTrue(r.err().matches("(?s).*at step \\d+ \\(last finite loss [0-9.E-]+ at step \\d+\\).*"), r.err());
        assertFalse(r.out().contains("checkpoint:"), r.out());
        assertArrayEquals(before, Files.readAllBytes(ckpt), "the checkpoint on disk is left untouched");
        usageError(neural("train", "--lr", "1e30", "--steps", "50", "--checkpoint", ckpt.toString(), "--resume"),
                "training loss became");
        assertArrayEquals(before, Files.readAllBytes(ckpt));
    }

    @Test
    void invalidModelOptions() {
        usageError(neural("hooks", "--heads", "0"), "--heads must be between 1 and");
        usageError(neural("hooks", "--d-model", "30", "--heads", "4"), "--d-model 30 is not a multiple of --heads 4");
        usageError(neural("hooks", "--preset", "induction", "--d-mlp", "10"), "attention-only");
        usageError(neural("hooks", "--preset", "bert"), "--preset", "bert");
        usageError(neural("hooks", "--act", "tanh"), "--act");
        usageError(neural("hooks", "--p", "1"), "--p must be between 2");
        usageError(neural("hooks", "--d-head", "0"), "--d-head must be between 1 and");
        usageError(neural("train", "--vocab", "10"), "needs a vocabulary of at least 24");
        usageError(neural("train", "--task", "repeat", "--n-ctx", "3"), "needs n_ctx >= 4");
        usageError(neural("train", "--resume"), "--resume needs --checkpoint FILE");
        usageError(neural("train", "--steps", "0"), "--steps must be between 1");
        usageError(neural("train", "--lr", "-1"), "learning rate must be > 0");
        usageError(neural("train", "--train-fraction", "1"), "--train-fraction must be strictly between 0 and 1");
        usageError(neural("train", "--task", "divide"), "--task");
    }
}
