package dev.aivj.engine.recommend;

import java.util.ArrayList;
import java.util.List;

/**
 * The context a viewer's preference is learned over: a pair's own features φ (its look, centred on the middle of
 * the look space; its coupling weights and quality, scaled to about ±1 over the shipped library), repeated in
 * {@value #BLOCKS} blocks — as they are (taste in general), times the section's energy (the look the music asks
 * for: its motion axis), and times the probability of each of the {@link StyleAffinity#STYLES} (taste per style).
 * Styles are matched by name, so a preference learned under one music model still means the same under another;
 * a section without style (no model, silence) has only the first two blocks.
 *
 * <p>Only these numbers leave the engine with a signal: no preset names, no audio.
 */
public final class PairFeatures {
    /** φ's names, in order. */
    public static final String[] PAIR_FEATURES = {"motion", "brightness", "detail", "colour", "w_s", "w_t", "quality"};
    public static final int BLOCKS = 2 + StyleAffinity.STYLES.length;
    public static final int DIMENSIONS = BLOCKS * PAIR_FEATURES.length;

    private PairFeatures() {
    }

    /** φ of a pair: look − 0.5, (w_s − 2.5), (w_t − 2), (quality − 0.9) × 5. */
    public static double[] ofPair(LibraryPair p) {
        double[] look = p.look();
        return new double[] {look[0] - 0.5, look[1] - 0.5, look[2] - 0.5, look[3] - 0.5, p.ws() - 2.5, p.wt() - 2,
            (p.quality() - 0.9) * 5};
    }

    /** The section's weight of each block: 1, energy, then p(style) for each of STYLES (0 without a model). */
    public static double[] blockWeights(MusicSection s, String[] labels) {
        double[] w = new double[BLOCKS];
        w[0] = 1;
        w[1] = s.target() == null ? 0 : s.target()[0];
        if (labels != null && s.probabilities() != null) {
            for (int i = 0; i < labels.length && i < s.probabilities().length; i++) {
                int k = styleIndex(labels[i]);
                if (k >= 0) {
                    w[2 + k] += s.probabilities()[i];
                }
            }
        }
        return w;
    }

    /** x = blockWeights ⊗ φ. */
    public static double[] of(LibraryPair p, MusicSection s, String[] labels) {
        return combine(blockWeights(s, labels), ofPair(p));
    }

    public static double[] combine(double[] blockWeights, double[] phi) {
        double[] x = new double[DIMENSIONS];
        for (int b = 0; b < BLOCKS; b++) {
            for (int f = 0; f < phi.length; f++) {
                x[b * phi.length + f] = blockWeights[b] * phi[f];
            }
        }
        return x;
    }

    /** A feature's readable name, e.g. "edm × brightness". */
    public static String name(int index) {
        int b = index / PAIR_FEATURES.length;
        String f = PAIR_FEATURES[index % PAIR_FEATURES.length];
        return switch (b) {
            case 0 -> f;
            case 1 -> "energy × " + f;
            default -> StyleAffinity.STYLES[b - 2] + " × " + f;
        };
    }

    /**
     * The n largest (by magnitude) of θ_j·x_j, or of θ_j when x is null, with the features' names: why a pick was
     * made, or what a viewer's preference is.
     */
    public static List<FeatureContribution> strongest(double[] theta, double[] x, int n) {
        List<FeatureContribution> all = new ArrayList<>();
        for (int j = 0; j < theta.length; j++) {
            double v = x == null ? theta[j] : theta[j] * x[j];
            if (Math.abs(v) > 1e-9) {
                all.add(new FeatureContribution(name(j), v));
            }
        }
        all.sort((a, b) -> Double.compare(Math.abs(b.value()), Math.abs(a.value())));
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    private static int styleIndex(String label) {
        for (int k = 0; k < StyleAffinity.STYLES.length; k++) {
            if (StyleAffinity.STYLES[k].equals(label)) {
                return k;
            }
        }
        return -1;
    }
}
