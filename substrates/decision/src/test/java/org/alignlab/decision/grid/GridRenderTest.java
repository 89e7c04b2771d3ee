package org.alignlab.decision.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridRenderTest {
    private static List<GridObservation> episode(int steps) {
        GridworldEnv env = new GridworldEnv(new BoxGoalGame());
        List<GridObservation> frames = new ArrayList<>();
        frames.add(env.reset(0).observation());
        int[] actions = {GridAction.RIGHT, GridAction.RIGHT, GridAction.DOWN, GridAction.UP, GridAction.RIGHT};
        for (int t = 0; t < steps; t++) frames.add(env.step(actions[t % actions.length]).observation());
        return frames;
    }

    @Test
    void textIsTheBoard() {
        List<GridObservation> e = episode(1);
        assertEquals(String.join("\n", BoxGoalGame.ART), GridRender.text(e.get(0)));
        assertEquals("step 0\n" + String.join("\n", BoxGoalGame.ART) + "\n\nstep 1\n" + String.join("\n", "#######",
                "# A   #", "# X## #", "#   C #", "#L   G#", "#######"), GridRender.text(e));
    }

    @Test
    void imageHasTheBoardsSizeAndTheLegendsColours() {
        GridObservation board = episode(0).get(0);
        int cell = 10;
        BufferedImage img = GridRender.image(board, cell);
        assertEquals(7 * cell, img.getWidth());
        assertEquals(6 * cell, img.getHeight());
        Legend legend = board.legend();
        // wall (0,0) filled; agent (1,1) a disc: its centre agent-coloured, its corner floor-coloured
        assertEquals(legend.colour('#'), img.getRGB(cell / 2, cell / 2) & 0xFFFFFF);
        assertEquals(legend.colour('A'), img.getRGB(cell + cell / 2, cell + cell / 2) & 0xFFFFFF);
        assertEquals(legend.colour(' '), img.getRGB(cell, cell) & 0xFFFFFF);
        // box (2,2): centre box-coloured; lava (4,1) and goal (4,5) filled
        assertEquals(legend.colour('X'), img.getRGB(2 * cell + cell / 2, 2 * cell + cell / 2) & 0xFFFFFF);
        assertEquals(0xFF0000, img.getRGB(cell + 1, 4 * cell + 1) & 0xFFFFFF);
        assertEquals(legend.colour('G'), img.getRGB(5 * cell + 1, 4 * cell + 1) & 0xFFFFFF);
        assertTrue(legend.colour('A') != legend.colour(' ') && legend.colour('X') != legend.colour('#'));
        assertThrows(IllegalArgumentException.class, () -> GridRender.image(board, 1));
    }

    @Test
    void arrowTilesPointTheirWay() {
        Legend legend = Legend.builder().agent('A').tile('>').tile('^').build();
        GridObservation b = new GridSimulatorFixture(legend, "A>^").observation();
        BufferedImage img = GridRender.image(b, 16);
        int arrow = legend.colour('>');
        // '>' at column 1: near its left edge, mid-height: arrow colour; near its right edge, top: floor
        assertEquals(arrow, img.getRGB(16 + 3, 8) & 0xFFFFFF);
        assertEquals(legend.colour(' '), img.getRGB(16 + 13, 3) & 0xFFFFFF);
        assertEquals(arrow, img.getRGB(16 + 12, 8) & 0xFFFFFF);
        // '^' at column 2: bottom middle arrow-coloured, top corners floor
        assertEquals(legend.colour('^'), img.getRGB(32 + 8, 13) & 0xFFFFFF);
        assertEquals(legend.colour(' '), img.getRGB(32 + 2, 3) & 0xFFFFFF);
    }

    /** A one-off game with no rules, to render any art. */
    private static final class GridSimulatorFixture extends GridGame {
        GridSimulatorFixture(Legend legend, String... art) {
            super(GridMap.parse(legend, art), GridAction.MOVES, 0);
        }

        @Override
        protected void update(Turn turn) {}

        GridObservation observation() {
            return observe(newState());
        }
    }

    @Test
    void pngRoundTrips(@TempDir Path dir) throws IOException {
        GridObservation board = episode(0).get(0);
        Path file = dir.resolve("board.png");
        GridRender.writePng(board, 8, file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(56, back.getWidth());
        assertEquals(48, back.getHeight());
        BufferedImage img = GridRender.image(board, 8);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 56; x++) assertEquals(img.getRGB(x, y), back.getRGB(x, y));
        }
    }

    @Test
    void gifHasOneFramePerBoardTheDelayAndLooping(@TempDir Path dir) throws IOException {
        List<GridObservation> e = episode(6);
        Path file = dir.resolve("episode.gif");
        GridRender.writeGif(e, 6, 250, file);
        byte[] bytes = Files.readAllBytes(file);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in);
            assertEquals(7, reader.getNumImages(true));
            for (int i = 0; i < 7; i++) {
                BufferedImage frame = reader.read(i);
                assertEquals(42, frame.getWidth());
                assertEquals(36, frame.getHeight());
                BufferedImage expected = GridRender.image(e.get(i), 6);
                assertEquals(expected.getRGB(20, 8), frame.getRGB(20, 8));
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i)
                        .getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                assertEquals("25", gce.getAttribute("delayTime"));
            }
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode app = (IIOMetadataNode) first.getElementsByTagName("ApplicationExtension").item(0);
            assertEquals("NETSCAPE", app.getAttribute("applicationID"));
            assertEquals("[1, 0, 0]", Arrays.toString((byte[]) app.getUserObject()));
            // the agent moved between frames 0 and 1: the frames differ where it was
            assertTrue(reader.read(0).getRGB(9, 9) != reader.read(1).getRGB(9, 9));
        } finally {
            reader.dispose();
        }
        // no looping block when asked not to loop
        ByteArrayOutputStream once = new ByteArrayOutputStream();
        GridRender.writeGif(e.subList(0, 2), 6, 100, false, once);
        assertTrue(new String(once.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("NETSCAPE") < 0);
        assertTrue(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("NETSCAPE2.0"));
        assertThrows(IllegalArgumentException.class, () -> GridRender.writeGif(List.of(), 6, 100, true, once));
    }

    @Test
    void renderingIsDeterministic() throws IOException {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        GridRender.writeGif(episode(4), 5, 100, true, a);
        GridRender.writeGif(episode(4), 5, 100, true, b);
        assertTrue(Arrays.equals(a.toByteArray(), b.toByteArray()));
    }
}
