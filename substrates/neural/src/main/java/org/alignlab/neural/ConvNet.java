package org.alignlab.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.alignlab.core.Seeds;

/**
 * A small convolutional network for image tasks, built from a list of {@link Layer}s (LeCun et al. 1998's pattern:
 * convolution, non-linearity, pooling, then dense layers), on DJL's static operators applied to {@link Parameters}.
 *
 * <p>Input: float images (batch, channels, height, width). Each layer gets a name from its kind and its index in the
 * list ({@code conv0}, {@code relu1}, {@code pool2}, {@code flatten3}, {@code dense4}, {@code dropout5}); parameters
 * are {@code conv0.W} (out, in, k, k), {@code conv0.b} (out), {@code dense4.W} (in, out), {@code dense4.b} (out); each
 * layer's output is the hook {@code <name>.hook_out}. Shapes are worked out when the network is built, so a layer that
 * does not fit is refused then, with the layer's name and the shapes, in one line.
 *
 * <p>Initialisation (PyTorch's default for Conv2d and Linear): weights and biases Uniform[-1/sqrt(fan_in),
 * 1/sqrt(fan_in)], from a stream seeded by {@code seed}. Dropout masks are drawn on the Java side from the stream
 * {@code neural.convnet.dropout.<n>} for the n-th training forward pass, so a run is repeatable bit for bit.
 */
public final class ConvNet implements Model {
    /** The layers a {@link ConvNet} is made of. */
    public sealed interface Layer {
        /** 2-D convolution, square kernel, zero padding. */
        record Conv2d(int outChannels, int kernel, int stride, int padding) implements Layer {
            public Conv2d {
                if (outChannels < 1 || kernel < 1 || stride < 1 || padding < 0)
                    throw new NeuralException("conv2d: out channels, kernel and stride must be >= 1 and padding >= 0,"
                            + " got " + outChannels + ", " + kernel + ", " + stride + ", " + padding);
            }

            /** Stride 1 and "same" padding for an odd kernel. */
            public static Conv2d same(int outChannels, int kernel) {
                return new Conv2d(outChannels, kernel, 1, kernel / 2);
            }
        }

        /** Max pooling over size x size windows with the same stride. */
        record MaxPool2d(int size) implements Layer {
            public MaxPool2d {
                if (size < 1) throw new NeuralException("maxpool2d: size must be >= 1, got " + size);
            }
        }

        /** max(0, x). */
        record Relu() implements Layer {}

        /** (batch, c, h, w) to (batch, c * h * w). */
        record Flatten() implements Layer {}

        /** x W + b on (batch, in). */
        record Dense(int out) implements Layer {
            public Dense {
                if (out < 1) throw new NeuralException("dense: output width must be >= 1, got " + out);
            }
        }

        /** Inverted dropout (Srivastava et al. 2014): in training, zero each unit with probability rate, scale the rest. */
        record Dropout(double rate) implements Layer {
            public Dropout {
                if (!(rate >= 0 && rate < 1)) throw new NeuralException("dropout: rate must be in [0, 1), got " + rate);
            }
        }
    }

    private final Parameters params = new Parameters();
    private final List<Layer> layers;
    private final List<String> names = new ArrayList<>();
    private final List<Shape> outShapes = new ArrayList<>();   // per layer, without the batch axis
    private final Shape inShape;
    private final long seed;
    private long dropoutPasses;

    /**
     * @param channels input channels
     * @param height   input height
     * @param width    input width
     * @param layers   the layers, in order
     * @param seed     initialisation and dropout seed
     * @throws NeuralException when a layer does not fit the shape that reaches it
     */
    public ConvNet(int channels, int height, int width, List<Layer> layers, long seed) {
        if (channels < 1 || height < 1 || width < 1)
            throw new NeuralException("convnet: input (channels, height, width) must be positive, got ("
                    + channels + ", " + height + ", " + width + ")");
        if (layers.isEmpty()) throw new NeuralException("convnet: no layers");
        this.layers = List.copyOf(layers);
        this.inShape = new Shape(channels, height, width);
        this.seed = seed;
        SplittableRandom rng = Seeds.stream(seed, "neural.convnet.init");
        Shape s = inShape;
        for (int i = 0; i < this.layers.size(); i++) {
            Layer layer = this.layers.get(i);
            String name = kind(layer) + i;
            names.add(name);
            s = build(name, layer, s, rng);
            outShapes.add(s);
        }
        if (params.names().isEmpty()) throw new NeuralException("convnet: no Conv2d or Dense layer, nothing to train");
    }

    private static String kind(Layer l) {
        return switch (l) {
            case Layer.Conv2d c -> "conv";
            case Layer.MaxPool2d p -> "pool";
            case Layer.Relu r -> "relu";
            case Layer.Flatten f -> "flatten";
            case Layer.Dense d -> "dense";
            case Layer.Dropout d -> "dropout";
        };
    }

    /** Adds the layer's parameters and returns its output shape (without batch). */
    private Shape build(String name, Layer layer, Shape in, SplittableRandom rng) {
        return switch (layer) {
            case Layer.Conv2d c -> {
                requireImage(name, in);
                long h = (in.get(1) + 2L * c.padding() - c.kernel()) / c.stride() + 1;
                long w = (in.get(2) + 2L * c.padding() - c.kernel()) / c.stride() + 1;
                if (in.get(1) + 2L * c.padding() < c.kernel() || in.get(2) + 2L * c.padding() < c.kernel())
                    throw new NeuralException(name + ": kernel " + c.kernel() + " with padding " + c.padding()
                            + " does not fit input of shape " + Shapes.show(in) + " (c, h, w)");
                double bound = 1 / Math.sqrt(in.get(0) * c.kernel() * c.kernel());
                params.uniform(name + ".W", new Shape(c.outChannels(), in.get(0), c.kernel(), c.kernel()), bound, rng);
                params.uniform(name + ".b", new Shape(c.outChannels()), bound, rng);
                yield new Shape(c.outChannels(), h, w);
            }
            case Layer.MaxPool2d p -> {
                requireImage(name, in);
                if (in.get(1) < p.size() || in.get(2) < p.size())
                    throw new NeuralException(name + ": window " + p.size() + " does not fit input of shape "
                            + Shapes.show(in) + " (c, h, w)");
                yield new Shape(in.get(0), in.get(1) / p.size(), in.get(2) / p.size());
            }
            case Layer.Relu r -> in;
            case Layer.Dropout d -> in;
            case Layer.Flatten f -> new Shape(in.size());
            case Layer.Dense d -> {
                if (in.dimension() != 1)
                    throw new NeuralException(name + ": input of shape " + Shapes.show(in)
                            + " (without batch) is not flat; put a Flatten layer before it");
                double bound = 1 / Math.sqrt(in.get(0));
                params.uniform(name + ".W", new Shape(in.get(0), d.out()), bound, rng);
                params.uniform(name + ".b", new Shape(d.out()), bound, rng);
                yield new Shape(d.out());
            }
        };
    }

    private static void requireImage(String name, Shape in) {
        if (in.dimension() != 3)
            throw new NeuralException(name + ": input of shape " + Shapes.show(in)
                    + " (without batch) is not an image (channels, height, width)");
    }

    @Override
    public Parameters parameters() {
        return params;
    }

    /** Layer names in order ({@code conv0}, ...). */
    public List<String> layerNames() {
        return List.copyOf(names);
    }

    /** Hook names in order ({@code conv0.hook_out}, ...). */
    public List<String> hookNames() {
        return names.stream().map(n -> n + ".hook_out").toList();
    }

    /** The output shape of layer {@code i} without the batch axis. */
    public long[] outputShape(int i) {
        return outShapes.get(i).getShape();
    }

    /** Training forward passes so far (each draws fresh dropout masks); restore it to resume a run exactly. */
    public long dropoutPasses() {
        return dropoutPasses;
    }

    public void setDropoutPasses(long n) {
        dropoutPasses = n;
    }

    /** Logits for images (batch, c, h, w); {@code training} switches dropout on. See {@link Model} for memory. */
    @Override
    public NDArray forward(NDArray images, boolean training) {
        return forward(images, training, Map.of(), null);
    }

    /** Evaluation-mode forward with the parameters scoped; the result lands in the images' manager. */
    public NDArray run(NDArray images) {
        return scope(images.getManager(), s -> forward(images, false, Map.of(), null));
    }

    /** Evaluation-mode forward recording every layer's output ({@code <name>.hook_out}); close the cache. */
    public ActivationCache runWithCache(NDArray images) {
        return runWithHooksAndCache(images, Map.of());
    }

    /** Evaluation-mode forward with hooks by name (read or replace a layer's output), recording every output. */
    public ActivationCache runWithHooksAndCache(NDArray images, Map<String, Hook> hooks) {
        List<String> hookNames = hookNames();
        for (String h : hooks.keySet())
            if (!hookNames.contains(h))
                throw new NeuralException("unknown hook '" + h + "'" + Parameters.suggest(h, hookNames));
        ActivationCache cache = new ActivationCache();
        try (NDManager scope = images.getManager().newSubManager()) {
            params.attachTo(scope);
            cache.putLogits(Neural.noGrad(() -> forward(images, false, hooks, cache)));
        } catch (RuntimeException ex) {
            cache.close();
            throw ex;
        }
        return cache;
    }

    private NDArray forward(NDArray images, boolean training, Map<String, Hook> hooks, ActivationCache cache) {
        Shape s = images.getShape();
        if (s.dimension() != 4 || !s.slice(1).equals(inShape))
            throw new NeuralException(names.get(0) + ": images of shape " + Shapes.show(s) + " do not fit; expected "
                    + "(batch, " + inShape.get(0) + ", " + inShape.get(1) + ", " + inShape.get(2) + ")");
        if (!images.getDataType().isFloating())
            throw new NeuralException(names.get(0) + ": images must be floating point, got " + images.getDataType());
        long pass = training ? dropoutPasses++ : -1;
        // A float32 copy owned by the parameters' (per-step) manager: operators put their results in the manager of
        // their first argument, and the caller's images must not collect them.
        NDArray x = images.toType(ai.djl.ndarray.types.DataType.FLOAT32, true);
        x.attach(params.arrays().get(0).getManager());
        for (int i = 0; i < layers.size(); i++) {
            String name = names.get(i);
            x = apply(name, layers.get(i), x, training, pass, i);
            String hook = name + ".hook_out";
            Hook h = hooks.get(hook);
            if (h != null) {
                NDArray y = h.apply(x, hook);
                if (!y.getShape().equals(x.getShape()))
                    throw new NeuralException("hook " + hook + " returned shape " + Shapes.show(y.getShape())
                            + " for an activation of shape " + Shapes.show(x.getShape()));
                x = y;
            }
            if (cache != null) cache.put(hook, x);
        }
        return x;
    }

    private NDArray apply(String name, Layer layer, NDArray x, boolean training, long pass, int index) {
        return switch (layer) {
            case Layer.Conv2d c -> ai.djl.nn.convolutional.Conv2d.conv2d(x, params.get(name + ".W"),
                    params.get(name + ".b"), new Shape(c.stride(), c.stride()), new Shape(c.padding(), c.padding()),
                    new Shape(1, 1), 1).singletonOrThrow();
            case Layer.MaxPool2d p -> Pool.maxPool2d(x, new Shape(p.size(), p.size()), new Shape(p.size(), p.size()),
                    new Shape(0, 0), false);
            case Layer.Relu r -> ai.djl.nn.Activation.relu(x);
            case Layer.Flatten f -> x.reshape(x.getShape().get(0), -1);
            case Layer.Dense d -> x.matMul(params.get(name + ".W")).add(params.get(name + ".b"));
            case Layer.Dropout d -> training && d.rate() > 0 ? x.mul(dropoutMask(x, d.rate(), pass, index)) : x;
        };
    }

    /** 0 with probability rate, else 1 / (1 - rate); drawn on the Java side from a named stream. */
    private NDArray dropoutMask(NDArray x, double rate, long pass, int index) {
        SplittableRandom r = Seeds.stream(seed, "neural.convnet.dropout." + pass + "." + index);
        float keep = (float) (1 / (1 - rate));
        float[] m = new float[Math.toIntExact(x.size())];
        for (int i = 0; i < m.length; i++) m[i] = r.nextDouble() < rate ? 0f : keep;
        return x.getManager().create(m, x.getShape());
    }
}
