package dev.aivj.training.feedback;

import dev.aivj.engine.recommend.MusicSection;
import dev.aivj.engine.recommend.StyleAffinity;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * SIMULATED music: the section contexts the simulated sessions play, drawn instead of analysed from real songs so
 * that the simulation runs in seconds (the recommender sees exactly what it sees from the engine: a style, the music
 * model's probabilities over {@link #LABELS}, and the look target).
 *
 * <p>Generator: a song has one main style, uniform over the seven styles; each section's probabilities put
 * U(0.55, 0.9) on it and spread the rest over the others by uniform random shares (the model is rarely sure). The
 * section's energy (the target's motion axis) is the style's typical energy (edm 0.8, classical 0.3, rock 0.75,
 * ambient 0.2, chiptune 0.7, jazz 0.45, folk 0.35) + N(0, 0.15); its other target axes are the style's prototype
 * look ({@link StyleAffinity#prototype}) + N(0, 0.08); all clamped to 0..1. Sections are 30 s long.
 */
public final class SimulatedSongs {
    public static final String[] LABELS = StyleAffinity.STYLES.clone();
    public static final double SECTION_SECONDS = 30;
    private static final double[] STYLE_ENERGY = {0.8, 0.3, 0.75, 0.2, 0.7, 0.45, 0.35};

    private SimulatedSongs() {
    }

    public static List<MusicSection> song(Random rnd, int sections) {
        int style = rnd.nextInt(LABELS.length);
        double[] prototype = StyleAffinity.prototype(LABELS[style]);
        List<MusicSection> out = new ArrayList<>();
        for (int i = 0; i < sections; i++) {
            double[] p = new double[LABELS.length];
            double main = 0.55 + 0.35 * rnd.nextDouble();
            double rest = 0;
            for (int k = 0; k < p.length; k++) {
                if (k != style) {
                    p[k] = rnd.nextDouble();
                    rest += p[k];
                }
            }
            for (int k = 0; k < p.length; k++) {
                p[k] = k == style ? main : (1 - main) * p[k] / rest;
            }
            double[] target = new double[4];
            target[0] = clamp(STYLE_ENERGY[style] + 0.15 * rnd.nextGaussian());
            for (int a = 1; a < 4; a++) {
                target[a] = clamp(prototype[a] + 0.08 * rnd.nextGaussian());
            }
            out.add(new MusicSection(i * SECTION_SECONDS, (i + 1) * SECTION_SECONDS, i == 0 ? "start" : "energy",
                    LABELS[style], p, target));
        }
        return out;
    }

    /** Share of energetic styles (edm, rock, chiptune) in a section's probabilities. */
    public static double energetic(MusicSection s) {
        return share(s, "edm", "rock", "chiptune");
    }

    /** Share of calm styles (classical, ambient, folk) in a section's probabilities. */
    public static double calm(MusicSection s) {
        return share(s, "classical", "ambient", "folk");
    }

    private static double share(MusicSection s, String... styles) {
        double sum = 0;
        for (int k = 0; k < LABELS.length; k++) {
            for (String st : styles) {
                if (LABELS[k].equals(st)) {
                    sum += s.probabilities()[k];
                }
            }
        }
        return sum;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
