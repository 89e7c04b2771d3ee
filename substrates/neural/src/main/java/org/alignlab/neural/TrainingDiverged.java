package org.alignlab.neural;

/** The loss became NaN or infinite: the run stops, naming the step and the last finite loss. */
public final class TrainingDiverged extends NeuralException {
    private static final long serialVersionUID = 1L;
    private final long step;

    public TrainingDiverged(long step, double loss, long lastFiniteStep, double lastFinite) {
        super("training loss became " + loss + " at step " + step
                + (lastFiniteStep > 0 ? " (last finite loss " + String.format(java.util.Locale.ROOT, "%.6g", lastFinite) + " at step " + lastFiniteStep + ")"
                        : " (no finite loss before it)")
                + "; lower the learning rate or check the data");
        this.step = step;
    }

    public long step() {
        return step;
    }
}
