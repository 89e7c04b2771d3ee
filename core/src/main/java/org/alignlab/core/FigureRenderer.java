package org.alignlab.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Renders XChart charts to PNG and SVG files. */
public final class FigureRenderer {
    private FigureRenderer() {}

    /** Writes {@code <dir>/<id>.png} and {@code <dir>/<id>.svg}; returns both paths. */
    public static List<Path> render(Chart<?, ?> chart, Path dir, String id) {
        try {
            Files.createDirectories(dir);
            Path png = dir.resolve(id + ".png");
            Path svg = dir.resolve(id + ".svg");
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg.toString(),
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return List.of(png, svg);
        } catch (IOException ex) {
            throw new UsageException("cannot write figure " + id + " under " + dir + ": " + ex.getMessage());
        }
    }

    /** Draws and renders every figure of an experiment for one run, recording each file as an artifact. */
    public static <R> void renderAll(List<Figure<R>> figures, R result, MetricLog metrics, Path dir,
                                     MetricSink sink) {
        for (Figure<R> f : figures) {
            Chart<?, ?> chart = f.draw().apply(new Figure.Input<>(result, metrics));
            for (Path p : render(chart, dir, f.id())) {
                String name = p.getFileName().toString();
                sink.artifact(name, p);
            }
        }
    }
}
