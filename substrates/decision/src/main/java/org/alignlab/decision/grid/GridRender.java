package org.alignlab.decision.grid;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Pictures of gridworld boards: text, PNG frames and animated GIFs of episodes. Each glyph is drawn in its legend
 * colour and shape ({@link Legend#colour}, {@link Legend#shape}), {@code cellPixels} pixels square, into an
 * indexed-colour image whose palette is the legend's colours (so GIF frames keep their exact colours). Drawing is
 * done pixel by pixel, without fonts, so it works headless and gives the same bytes on every machine.
 */
public final class GridRender {
    /** A cell size that keeps small maps legible. */
    public static final int DEFAULT_CELL_PIXELS = 24;
    /** A frame time that lets a viewer follow the agent. */
    public static final int DEFAULT_FRAME_MILLIS = 250;
    /** Palette index of the outline colour, after the legend's glyphs. */
    private static final int OUTLINE_RGB = 0x202020;

    private GridRender() {}

    /** The board as text, rows separated by line breaks. */
    public static String text(GridObservation board) {
        return board.text();
    }

    /** An episode as text: each board headed by its step number, boards separated by a blank line. */
    public static String text(List<GridObservation> episode) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < episode.size(); t++) {
            if (t > 0) sb.append("\n\n");
            sb.append("step ").append(t).append('\n').append(episode.get(t).text());
        }
        return sb.toString();
    }

    /** The board as an image of {@code cols × cellPixels} by {@code rows × cellPixels} pixels. */
    public static BufferedImage image(GridObservation board, int cellPixels) {
        checkCell(cellPixels);
        Legend legend = board.legend();
        IndexColorModel palette = palette(legend);
        BufferedImage img = new BufferedImage(board.cols() * cellPixels, board.rows() * cellPixels,
                BufferedImage.TYPE_BYTE_INDEXED, palette);
        byte[][] sprites = sprites(legend, cellPixels);
        WritableRaster raster = img.getRaster();
        int[] row = new int[cellPixels];
        for (int r = 0; r < board.rows(); r++) {
            for (int c = 0; c < board.cols(); c++) {
                byte[] sprite = sprites[board.code(r * board.cols() + c)];
                for (int y = 0; y < cellPixels; y++) {
                    for (int x = 0; x < cellPixels; x++) row[x] = sprite[y * cellPixels + x] & 0xFF;
                    raster.setPixels(c * cellPixels, r * cellPixels + y, cellPixels, 1, row);
                }
            }
        }
        return img;
    }

    /** Writes the board as a PNG file. */
    public static void writePng(GridObservation board, int cellPixels, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writePng(board, cellPixels, out);
        }
    }

    public static void writePng(GridObservation board, int cellPixels, OutputStream out) throws IOException {
        if (!ImageIO.write(image(board, cellPixels), "png", out)) throw new IOException("no PNG writer in this JVM");
    }

    /** Writes an episode as a looping animated GIF, {@link #DEFAULT_CELL_PIXELS} and {@link #DEFAULT_FRAME_MILLIS}. */
    public static void writeGif(List<GridObservation> episode, Path file) throws IOException {
        writeGif(episode, DEFAULT_CELL_PIXELS, DEFAULT_FRAME_MILLIS, file);
    }

    /** Writes an episode (its boards in order) as an animated GIF that loops forever. */
    public static void writeGif(List<GridObservation> episode, int cellPixels, int frameMillis, Path file)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeGif(episode, cellPixels, frameMillis, true, out);
        }
    }

    /**
     * Writes an episode as an animated GIF.
     *
     * @param frameMillis time each frame shows, in milliseconds (GIF stores hundredths of a second)
     * @param loop        whether viewers replay it forever (otherwise once)
     */
    public static void writeGif(List<GridObservation> episode, int cellPixels, int frameMillis, boolean loop,
                                OutputStream out) throws IOException {
        if (episode.isEmpty()) throw new IllegalArgumentException("an episode GIF needs at least one board");
        if (frameMillis < 10 || frameMillis > 655_350) {
            throw new IllegalArgumentException("frame time must be 10 ms to 655 s (got " + frameMillis + ")");
        }
        checkCell(cellPixels);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < episode.size(); i++) {
                BufferedImage img = image(episode.get(i), cellPixels);
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img),
                        param);
                frameMetadata(meta, frameMillis / 10, loop, i == 0);
                writer.writeToSequence(new IIOImage(img, null, meta), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** The frame delay, and on the first frame the NETSCAPE2.0 looping block (0 repetitions: forever). */
    private static void frameMetadata(IIOMetadata meta, int hundredths, boolean loop, boolean first)
            throws IOException {
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(hundredths));
        gce.setAttribute("transparentColorIndex", "0");
        if (first && loop) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0});
            apps.appendChild(app);
        }
        meta.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    private static void checkCell(int cellPixels) {
        if (cellPixels < 2 || cellPixels > 256) {
            throw new IllegalArgumentException("cell size must be 2 to 256 pixels (got " + cellPixels + ")");
        }
    }

    /** Palette: one entry per legend code, then the outline colour. */
    static IndexColorModel palette(Legend legend) {
        int n = legend.size() + 1;
        byte[] r = new byte[n];
        byte[] g = new byte[n];
        byte[] b = new byte[n];
        for (int i = 0; i <= legend.size(); i++) {
            int rgb = i < legend.size() ? legend.colourCode(i) : OUTLINE_RGB;
            r[i] = (byte) (rgb >> 16);
            g[i] = (byte) (rgb >> 8);
            b[i] = (byte) rgb;
        }
        return new IndexColorModel(8, n, r, g, b);
    }

    /** For each code, the cell's pixels as palette indices. */
    private static byte[][] sprites(Legend legend, int size) {
        byte[][] out = new byte[legend.size()][];
        int floor = 0;
        int outline = legend.size();
        for (int code = 0; code < legend.size(); code++) {
            byte[] px = new byte[size * size];
            CellShape shape = legend.shapeCode(code);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double u = (x + 0.5) / size;
                    double v = (y + 0.5) / size;
                    int index = inside(shape, u, v) ? code : floor;
                    if (shape == CellShape.SQUARE && index == code && size >= 8
                            && (x == size / 8 || y == size / 8 || x == size - 1 - size / 8 || y == size - 1 - size / 8)) {
                        index = outline; // a box's edge, so neighbouring boxes stay distinct
                    }
                    px[y * size + x] = (byte) index;
                }
            }
            out[code] = px;
        }
        return out;
    }

    /** Whether the point (u, v) of the unit cell, v down, is inside the shape. */
    private static boolean inside(CellShape shape, double u, double v) {
        double m = 0.125; // margin of shapes that do not fill the cell
        return switch (shape) {
            case FILL -> true;
            case DISC -> (u - 0.5) * (u - 0.5) + (v - 0.5) * (v - 0.5) <= 0.38 * 0.38;
            case SQUARE -> u >= m && u <= 1 - m && v >= m && v <= 1 - m;
            case DIAMOND -> Math.abs(u - 0.5) + Math.abs(v - 0.5) <= 0.45;
            case TRIANGLE_RIGHT -> triangle(u, v, m);
            case TRIANGLE_LEFT -> triangle(1 - u, v, m);
            case TRIANGLE_DOWN -> triangle(v, u, m);
            case TRIANGLE_UP -> triangle(1 - v, u, m);
        };
    }

    /** A triangle pointing in the +along direction: full width at the start, a point at the end. */
    private static boolean triangle(double along, double across, double m) {
        double t = (along - m) / (1 - 2 * m);
        return t >= 0 && t <= 1 && Math.abs(across - 0.5) <= (0.5 - m) * (1 - t);
    }
}
