package org.alignlab.neural.interp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.alignlab.core.Seeds;
import org.alignlab.neural.AdamConfig;
import org.alignlab.neural.Model;
import org.alignlab.neural.Neural;
import org.alignlab.neural.NeuralException;
import org.alignlab.neural.Parameters;
import org.alignlab.neural.Scalars;
import org.alignlab.neural.Shapes;
import org.alignlab.neural.Trainer;

/**
 * A sparse autoencoder on activations (Bricken et al. 2023, "Towards Monosemanticity"; Cunningham et al. 2023):
 * f = ReLU((x - b_dec) W_enc + b_enc), x_hat = f W_dec + b_dec, loss = mean over rows of |x - x_hat|^2 + l1 * |f|_1,
 * Adam on minibatches, and after every step each dictionary vector (a row of W_dec) is scaled back to unit norm so
 * that the L1 penalty cannot be dodged by shrinking f and growing W_dec.
 *
 * <p>Parameters: {@code sae.W_enc} (d, m), {@code sae.b_enc} (m), {@code sae.W_dec} (m, d), {@code sae.b_dec} (d).
 * Initialisation: W_dec rows random unit vectors, W_enc = W_dec transposed, biases 0, from a seeded stream.
 */
public final class SparseAutoencoder implements Model {
    private final Parameters p = new Parameters();
    private final int dim;
    private final int features;

    /**
     * @param dim      width of the activation
     * @param features dictionary size m
     * @param seed     initialisation seed
     */
    public SparseAutoencoder(int dim, int features, long seed) {
        if (dim < 1 || features < 1)
            throw new NeuralException("sae: input width and dictionary size must be >= 1, got " + dim + ", " + features);
        this.dim = dim;
        this.features = features;
        SplittableRandom r = Seeds.stream(seed, "neural.sae.init");
        float[] dec = new float[features * dim];
        for (int i = 0; i < features; i++) {
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                double g = r.nextGaussian();
                dec[i * dim + j] = (float) g;
                norm += g * g;
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < dim; j++) dec[i * dim + j] *= inv;
        }
        float[] enc = new float[dim * features];
        for (int i = 0; i < features; i++)
            for (int j = 0; j < dim; j++) enc[j * features + i] = dec[i * dim + j];
        p.add("sae.W_enc", new Shape(dim, features), enc);
        p.constant("sae.b_enc", new Shape(features), 0f);
        p.add("sae.W_dec", new Shape(features, dim), dec);
        p.constant("sae.b_dec", new Shape(dim), 0f);
    }

    public int dim() {
        return dim;
    }

    public int features() {
        return features;
    }

    @Override
    public Parameters parameters() {
        return p;
    }

    /**
     * @param l1          sparsity penalty on the feature activations
     * @param lr          Adam learning rate
     * @param batchSize   rows per step
     * @param steps       Adam steps
     * @param heldOut     share of the rows kept out of training for the report
     * @param seed        seed of the split and the batch order
     */
    public record Options(double l1, double lr, int batchSize, int steps, double heldOut, long seed) {
        public Options {
            if (!(l1 >= 0)) throw new NeuralException("sae: l1 must be >= 0, got " + l1);
            if (!(lr > 0)) throw new NeuralException("sae: lr must be > 0, got " + lr);
            if (batchSize < 1 || steps < 1)
                throw new NeuralException("sae: batch size and steps must be >= 1, got " + batchSize + ", " + steps);
            if (!(heldOut > 0 && heldOut < 1))
                throw new NeuralException("sae: held-out share must be in (0, 1), got " + heldOut);
        }
    }

    /**
     * How well the dictionary does on a set of rows.
     *
     * @param mse               mean squared reconstruction error per scalar
     * @param varianceExplained 1 - |x - x_hat|^2 / |x - mean x|^2 over the rows
     * @param l0                mean number of active features per row
     * @param deadFeatures      features that never fire on these rows
     * @param fireCounts        rows on which each feature fires
     * @param rows              number of rows
     */
    public record Report(double mse, double varianceExplained, double l0, int deadFeatures, int[] fireCounts, int rows) {}

    /**
     * The result of {@link #train}.
     *
     * @param finalLoss the training loss of the last step
     * @param heldOut   the report on the held-out rows
     */
    public record Fit(double finalLoss, Report heldOut, int trainRows) {}

    /** f = ReLU((x - b_dec) W_enc + b_enc) for rows x (n, d). */
    public NDArray encode(NDArray x) {
        Shapes.require("sae", "input", x, -1, dim);
        return ai.djl.nn.Activation.relu(x.sub(p.get("sae.b_dec")).matMul(p.get("sae.W_enc")).add(p.get("sae.b_enc")));
    }

    /** x_hat = f W_dec + b_dec. */
    public NDArray decode(NDArray f) {
        return f.matMul(p.get("sae.W_dec")).add(p.get("sae.b_dec"));
    }

    /** The reconstruction of rows x (n, d). */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        return decode(encode(x));
    }

    /** Dictionary vector {@code i} (a unit-norm row of W_dec). */
    public float[] direction(int i) {
        if (i < 0 || i >= features) throw new NeuralException("sae: feature " + i + " outside [0, " + (features - 1) + "]");
        float[] w = p.floats("sae.W_dec");
        return java.util.Arrays.copyOfRange(w, i * dim, (i + 1) * dim);
    }

    /**
     * Trains on {@code activations} (rows..., d): every axis but the last indexes a row. A seeded share of the rows
     * is held out; the report is on those.
     */
    public Fit train(NDArray activations, Options o) {
        float[] x = rows(activations);
        int n = x.length / dim;
        int nHeld = (int) Math.round(n * o.heldOut());
        if (nHeld < 1 || nHeld >= n)
            throw new NeuralException("sae: " + n + " rows cannot be split at held-out share " + o.heldOut());
        int nTrain = n - nHeld;
        int[] order = Trainer.batchOrder(o.seed(), -1, n);
        float[] held = new float[nHeld * dim], tr = new float[nTrain * dim];
        for (int i = 0; i < n; i++) {
            if (i < nHeld) System.arraycopy(x, order[i] * dim, held, i * dim, dim);
            else System.arraycopy(x, order[i] * dim, tr, (i - nHeld) * dim, dim);
        }
        int batch = Math.min(o.batchSize(), nTrain);
        float l1 = (float) o.l1();
        Trainer trainer = new Trainer(this, AdamConfig.adam(o.lr()));
        trainer.onStep((s, loss) -> normalizeDecoder());
        float[] xb = new float[batch * dim];
        int[] ord = null;
        long ordEpoch = -1;
        for (int step = 0; step < o.steps(); step++) {
            // rows step*batch .. step*batch + batch - 1 of the endless sequence of seeded epoch permutations
            for (int i = 0; i < batch; i++) {
                long k = (long) step * batch + i;
                if (k / nTrain != ordEpoch) {
                    ordEpoch = k / nTrain;
                    ord = Trainer.batchOrder(o.seed(), ordEpoch, nTrain);
                }
                System.arraycopy(tr, ord[(int) (k % nTrain)] * dim, xb, i * dim, dim);
            }
            trainer.step((scope, t) -> {
                NDArray xs = LinearProbe.aligned(scope, xb, new Shape(batch, dim));
                NDArray f = encode(xs);
                NDArray err = decode(f).sub(xs).square().sum(new int[] {1}).mean();
                if (l1 == 0) return err;
                NDArray penalty = f.sum(new int[] {1}).mean();
                return err.add(penalty.mul(Scalars.like(penalty, l1)));
            });
        }
        try (NDManager m = Neural.newManager()) {
            return new Fit(trainer.lastLoss(), evaluate(m.create(held, new Shape(nHeld, dim))), nTrain);
        }
    }

    /** Reconstruction error, L0 and dead features on rows (n, d). */
    public Report evaluate(NDArray rows) {
        Shapes.require("sae", "rows", rows, -1, dim);
        int n = (int) rows.getShape().get(0);
        float[] x = rows(rows);
        float[] f, xh;
        try (NDManager m = rows.getManager().newSubManager()) {
            NDArray xs = LinearProbe.aligned(m, x, new Shape(n, dim));
            NDArray fa = scope(m, s -> encode(xs));
            f = fa.toFloatArray();
            xh = scope(m, s -> decode(fa)).toFloatArray();
        }
        int[] fires = new int[features];
        long active = 0;
        for (int r = 0; r < n; r++)
            for (int i = 0; i < features; i++)
                if (f[r * features + i] > 0) {
                    fires[i]++;
                    active++;
                }
        int dead = 0;
        for (int c : fires) if (c == 0) dead++;
        double[] mean = new double[dim];
        for (int r = 0; r < n; r++) for (int j = 0; j < dim; j++) mean[j] += x[r * dim + j] / (double) n;
        double sse = 0, sst = 0;
        for (int r = 0; r < n; r++)
            for (int j = 0; j < dim; j++) {
                double e = x[r * dim + j] - (double) xh[r * dim + j];
                double c = x[r * dim + j] - mean[j];
                sse += e * e;
                sst += c * c;
            }
        return new Report(sse / ((double) n * dim), sst == 0 ? Double.NaN : 1 - sse / sst, (double) active / n, dead,
                fires, n);
    }

    /** Scales every row of W_dec back to unit norm (with grad mode off). */
    private void normalizeDecoder() {
        NDArray w = p.get("sae.W_dec");
        try (NDManager tmp = p.manager().newSubManager()) {
            tmp.tempAttachAll(w);
            w.divi(w.norm(new int[] {1}, true).add(1e-12f));
        }
    }

    private float[] rows(NDArray a) {
        Shape s = a.getShape();
        if (s.dimension() < 2 || s.get(s.dimension() - 1) != dim)
            throw new NeuralException("sae: activations of shape " + Shapes.show(s) + " do not fit; expected (rows..., "
                    + dim + ")");
        return floats(a);
    }

    /** A float32 copy of an array's values, freeing any conversion. */
    static float[] floats(NDArray a) {
        if (a.getDataType() == DataType.FLOAT32) return a.toFloatArray();
        try (NDArray f = a.toType(DataType.FLOAT32, true)) {
            return f.toFloatArray();
        }
    }
}
