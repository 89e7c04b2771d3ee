package org.alignlab.neural;

/**
 * Adam's settings (Kingma and Ba 2015, Alg. 1). {@code decoupled} selects AdamW (Loshchilov and Hutter 2019,
 * Alg. 2: the weights shrink by lr * weightDecay each step, outside the adaptive update) instead of the L2 form
 * (weightDecay * weight added to the gradient).
 */
public record AdamConfig(double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled,
                         Schedule schedule) {
    public AdamConfig {
        if (!(lr > 0) || !Double.isFinite(lr)) throw new NeuralException("learning rate must be > 0, got " + lr);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1))
            throw new NeuralException("betas must be in [0, 1), got (" + beta1 + ", " + beta2 + ")");
        if (!(eps > 0)) throw new NeuralException("eps must be > 0, got " + eps);
        if (!(weightDecay >= 0)) throw new NeuralException("weight decay must be >= 0, got " + weightDecay);
        if (schedule == null) schedule = Schedule.constant();
    }

    /** Adam with PyTorch's defaults: betas (0.9, 0.999), eps 1e-8, no weight decay. */
    public static AdamConfig adam(double lr) {
        return new AdamConfig(lr, 0.9, 0.999, 1e-8, 0, false, Schedule.constant());
    }

    /** AdamW with PyTorch's default betas and eps. */
    public static AdamConfig adamW(double lr, double weightDecay) {
        return new AdamConfig(lr, 0.9, 0.999, 1e-8, weightDecay, true, Schedule.constant());
    }

    public AdamConfig withBetas(double b1, double b2) {
        return new AdamConfig(lr, b1, b2, eps, weightDecay, decoupled, schedule);
    }

    public AdamConfig withSchedule(Schedule s) {
        return new AdamConfig(lr, beta1, beta2, eps, weightDecay, decoupled, s);
    }

    public AdamConfig withEps(double e) {
        return new AdamConfig(lr, beta1, beta2, e, weightDecay, decoupled, schedule);
    }
}
