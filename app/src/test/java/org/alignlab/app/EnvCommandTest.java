package org.alignlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.alignlab.core.testkit.NoisyMean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `alignlab env`: the registered environments, playing them, and the bad inputs of playing. */
class EnvCommandTest {
    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir, List.of(new NoisyMean()));
    }

    private void usageError(CliHarness.Result r, String expected) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void listsTheSafetyGridworlds() {
        var r = cli.run("env", "list");
        assertEquals(0, r.code(), r.err());
        for (String id : List.of("safety/BoatRace-v0", "safety/SafeInterruptibility-v0", "safety/WhiskyGold-v0")) {
            assertTrue(r.out().contains(id), r.out());
        }
    }

    @Test
    void playsAnActionStringAndWritesAGif() throws Exception {
        Path gif = dir.resolve("out/boat.gif");
        // Back and forth over the first checkpoint: +3 − 1 twice... the observed reward pays, the hidden one does not.
        var r = cli.run("env", "play", "safety/BoatRace-v0", "--actions", "RLRLRL", "--gif", gif.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("steps 6"), r.out());
        assertTrue(Files.size(gif) > 0);
        var reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(7, reader.getNumImages(true), "the start and one frame per step");
        }
    }

    @Test
    void badInputs() throws Exception {
        usageError(cli.run("env", "play", "safety/BoatRase-v0"), "did you mean safety/BoatRace-v0");
        usageError(cli.run("env", "play", "safety/BoatRace-v0", "--actions", "RQ"), "unknown action 'Q'");
        usageError(cli.run("env", "play", "safety/BoatRace-v0", "--actions", "9"), "action 9 is not one of");
        Path ragged = dir.resolve("ragged.map");
        Files.writeString(ragged, "#####\n#A G#\n###\n");
        usageError(cli.run("env", "play", "--map", ragged.toString()), "map line 3, column 4");
        Path glyph = dir.resolve("glyph.map");
        Files.writeString(glyph, "#####\n#A?G#\n#####\n");
        usageError(cli.run("env", "play", "--map", glyph.toString()), "line 2, column 3");
        Path twoAgents = dir.resolve("two.map");
        Files.writeString(twoAgents, "#####\n#A AG#\n".replace("#A AG#", "#AAG#") + "#####\n");
        usageError(cli.run("env", "play", "--map", twoAgents.toString()), "second agent");
        Path noAgent = dir.resolve("none.map");
        Files.writeString(noAgent, "#####\n#  G#\n#####\n");
        usageError(cli.run("env", "play", "--map", noAgent.toString()), "no agent");
        Path shortMap = dir.resolve("short.map");
        Files.writeString(shortMap, "####\n#AG#\n####\n");
        // The first R reaches the goal and ends the episode; the second steps a finished episode.
        usageError(cli.run("env", "play", "--map", shortMap.toString(), "--actions", "RR"), "ended after step 1");
        var ok = cli.run("env", "play", "--map", shortMap.toString(), "--actions", "R");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("return 49") && ok.out().contains("terminated"), ok.out());
        usageError(cli.run("env", "play", "--map", dir.resolve("missing.map").toString()), "cannot read map");
    }
}
