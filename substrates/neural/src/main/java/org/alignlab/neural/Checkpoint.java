package org.alignlab.neural;

import ai.djl.ndarray.NDArray;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and restores a {@link Trainer}: step count, parameters and Adam moments, in a small binary format (float32,
 * big-endian, names and shapes). A file from another model is refused with the first parameter that does not fit.
 */
public final class Checkpoint {
    private static final int MAGIC = 0x414c4e4e; // "ALNN"
    private static final int VERSION = 1;

    private Checkpoint() {}

    /** Writes the trainer's state to {@code file} (atomically, through a temporary file). */
    public static void save(Path file, Trainer trainer) {
        Parameters p = trainer.model().parameters();
        Adam opt = trainer.optimizer();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeLong(trainer.stepsDone());
                List<String> names = p.names();
                out.writeInt(names.size() * 3);
                for (String n : names) write(out, "param:" + n, p.get(n));
                for (String n : names) write(out, "adam.m:" + n, opt.firstMoments().get(n));
                for (String n : names) write(out, "adam.v:" + n, opt.secondMoments().get(n));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            throw new NeuralException("cannot write checkpoint " + file + ": " + ex.getMessage());
        }
    }

    /** Loads {@code file} into the trainer (parameters, moments, step count). */
    public static void restore(Path file, Trainer trainer) {
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        long step;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION)
                throw new NeuralException("checkpoint " + file + " is not an alignlab neural checkpoint (version "
                        + VERSION + ")");
            step = in.readLong();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                long[] shape = new long[in.readInt()];
                long size = 1;
                for (int j = 0; j < shape.length; j++) size *= shape[j] = in.readLong();
                float[] v = new float[Math.toIntExact(size)];
                for (int j = 0; j < v.length; j++) v[j] = in.readFloat();
                values.put(name, v);
                shapes.put(name, shape);
            }
        } catch (IOException ex) {
            throw new NeuralException("cannot read checkpoint " + file + ": " + ex.getMessage());
        }
        Parameters p = trainer.model().parameters();
        // Check everything before changing anything.
        for (String n : p.names()) {
            long[] here = p.shape(n);
            long[] there = shapes.get("param:" + n);
            if (there == null)
                throw new NeuralException("checkpoint " + file.getFileName() + " is from another model: it has no "
                        + "parameter " + n + " " + Shapes.show(new ai.djl.ndarray.types.Shape(here)));
            if (!Arrays.equals(here, there))
                throw new NeuralException("checkpoint " + file.getFileName() + " is from another model: parameter "
                        + n + " has shape " + Shapes.show(new ai.djl.ndarray.types.Shape(there))
                        + " there and " + Shapes.show(new ai.djl.ndarray.types.Shape(here)) + " here");
        }
        long extra = shapes.keySet().stream().filter(k -> k.startsWith("param:"))
                .filter(k -> !p.contains(k.substring(6))).count();
        if (extra > 0) {
            String first = shapes.keySet().stream().filter(k -> k.startsWith("param:"))
                    .filter(k -> !p.contains(k.substring(6))).findFirst().orElseThrow().substring(6);
            throw new NeuralException("checkpoint " + file.getFileName() + " is from another model: its parameter "
                    + first + " is not in this one");
        }
        for (String n : p.names()) {
            p.set(n, values.get("param:" + n));
            Parameters.assign(trainer.optimizer().firstMoments().get(n), values.get("adam.m:" + n));
            Parameters.assign(trainer.optimizer().secondMoments().get(n), values.get("adam.v:" + n));
        }
        trainer.setStepsDone(step);
    }

    private static void write(DataOutputStream out, String name, NDArray a) throws IOException {
        out.writeUTF(name);
        long[] s = a.getShape().getShape();
        out.writeInt(s.length);
        for (long d : s) out.writeLong(d);
        for (float f : a.toFloatArray()) out.writeFloat(f);
    }
}
