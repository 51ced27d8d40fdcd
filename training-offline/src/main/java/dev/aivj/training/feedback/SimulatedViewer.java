package dev.aivj.training.feedback;

import dev.aivj.engine.recommend.LibraryPair;
import dev.aivj.engine.recommend.LookSpace;
import dev.aivj.engine.recommend.MusicSection;
import dev.aivj.engine.recommend.StyleAffinity;
import java.util.Random;

/**
 * One SIMULATED viewer: a noisy variant of a {@link ViewerArchetype} with a known true utility for every pair in
 * every section context.
 * <pre>
 * raw = 0.6·(2·fit − 1) + 0.2·z_quality                      shared by everyone: pairs that fit the music
 *     + Σ c_general·z + energetic·Σ c_energetic·z + calm·Σ c_calm·z      the archetype's taste, c = archetype + N(0, 0.15)
 *     + nonlinear(z, energy)                                    the archetype's non-linear dislike
 *     + idiosyncrasy(pair) ~ N(0, 0.35)                          this viewer's own likes, no feature explains them
 * utility u = tanh(raw / 1.2), in −1..1;  true rating = 3 + 2u, in 1..5
 * </pre>
 * fit is the recommender's own closeness of the pair's look to the section's target
 * ({@link StyleAffinity#closeness}); z are the pair's traits in library SDs ({@link LibraryScale}).
 */
public final class SimulatedViewer {
    static final double COMMON_FIT = 0.6;
    static final double COMMON_QUALITY = 0.2;
    static final double TASTE_NOISE = 0.15;
    static final double IDIOSYNCRASY = 0.35;
    static final double SCALE = 1.2;

    private final String id;
    private final ViewerArchetype archetype;
    private final double[] coefficients;
    private final double[] idiosyncrasy;
    private final double[][] z;
    private final LibraryPair[] pairs;

    /** A viewer with its own draw of taste noise and idiosyncrasies (one per library pair) from {@code rnd}. */
    public SimulatedViewer(String id, ViewerArchetype archetype, LibraryPair[] pairs, LibraryScale scale, Random rnd) {
        this.id = id;
        this.archetype = archetype;
        this.pairs = pairs;
        double[] c = archetype.coefficients();
        for (int k = 0; k < c.length; k++) {
            c[k] += TASTE_NOISE * rnd.nextGaussian();
        }
        this.coefficients = c;
        this.idiosyncrasy = new double[pairs.length];
        this.z = new double[pairs.length][];
        for (int i = 0; i < pairs.length; i++) {
            idiosyncrasy[i] = IDIOSYNCRASY * rnd.nextGaussian();
            z[i] = scale.z(pairs[i]);
        }
    }

    public String id() {
        return id;
    }

    public ViewerArchetype archetype() {
        return archetype;
    }

    /** The true utility (−1..1) of library pair {@code index} in section {@code s}. */
    public double utility(int index, MusicSection s) {
        double[] t = z[index];
        double fit = StyleAffinity.closeness(LookSpace.distance(pairs[index].look(), s.target()));
        double energetic = SimulatedSongs.energetic(s);
        double calm = SimulatedSongs.calm(s);
        double raw = COMMON_FIT * (2 * fit - 1) + COMMON_QUALITY * t[6];
        for (int k = 0; k < LibraryScale.TRAITS; k++) {
            raw += t[k] * (coefficients[k] + energetic * coefficients[7 + k] + calm * coefficients[14 + k]);
        }
        raw += archetype.nonlinear(t, s.target()[0]) + idiosyncrasy[index];
        return Math.tanh(raw / SCALE);
    }

    /** The rating the viewer would give on average: 3 + 2u. */
    public static double trueRating(double utility) {
        return 3 + 2 * utility;
    }
}
