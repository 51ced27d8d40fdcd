package dev.aivj.training.feedback;

import dev.aivj.engine.recommend.LibraryPair;
import dev.aivj.engine.recommend.PairLibrary;

/**
 * The library's spread of each pair trait (motion, brightness, detail, colour, w_s, w_t, quality): the simulated
 * viewers state their tastes in standard deviations of the library (z-scores), so "dark" means darker than the
 * library's usual pair, whatever its absolute range (brightness spans only 0.32..0.73 in the shipped library).
 */
public final class LibraryScale {
    public static final int TRAITS = 7;
    private final double[] mean = new double[TRAITS];
    private final double[] sd = new double[TRAITS];

    public LibraryScale(PairLibrary library) {
        int n = library.size();
        for (LibraryPair p : library.pairs()) {
            double[] t = raw(p);
            for (int k = 0; k < TRAITS; k++) {
                mean[k] += t[k] / n;
            }
        }
        for (LibraryPair p : library.pairs()) {
            double[] t = raw(p);
            for (int k = 0; k < TRAITS; k++) {
                sd[k] += (t[k] - mean[k]) * (t[k] - mean[k]) / n;
            }
        }
        for (int k = 0; k < TRAITS; k++) {
            sd[k] = Math.max(1e-6, Math.sqrt(sd[k]));
        }
    }

    /** The pair's traits as z-scores over the library. */
    public double[] z(LibraryPair p) {
        double[] t = raw(p);
        for (int k = 0; k < TRAITS; k++) {
            t[k] = (t[k] - mean[k]) / sd[k];
        }
        return t;
    }

    private static double[] raw(LibraryPair p) {
        double[] l = p.look();
        return new double[] {l[0], l[1], l[2], l[3], p.ws(), p.wt(), p.quality()};
    }
}
