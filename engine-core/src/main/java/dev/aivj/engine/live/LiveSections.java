package dev.aivj.engine.live;

import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.analysis.SongStyle;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.recommend.MusicSection;
import dev.aivj.engine.recommend.SectionFinder;
import dev.aivj.engine.recommend.SectionTarget;
import java.util.List;

/**
 * Where a live stream's music changes, as it plays: the whole song's {@link SectionFinder} rules applied to the
 * last seconds only. A section starts once {@value SectionFinder#ENERGY_WINDOW_SECONDS} s have been heard; a new one
 * when, after the current one has lasted its minimum, silence starts or ends, the model's style over the last
 * {@value SectionFinder#ENERGY_WINDOW_SECONDS} s is another one with enough confidence, or the band levels of the
 * last {@value SectionFinder#ENERGY_WINDOW_SECONDS} s differ from the {@value SectionFinder#ENERGY_WINDOW_SECONDS} s
 * before by the change threshold ("energy" or "texture", as in the whole song).
 *
 * <p>Sensitivity 0..1 (how readily sections change; 0.5 is the whole song's 8 dB): minimum section 16 → 4 s,
 * band-level change 12 → 4 dB, style confidence 0.7 → 0.3.
 */
final class LiveSections {
    private final double minSeconds;
    private final double changeDb;
    private final double styleConfidence;
    private final String[] labels;
    private MusicSection current;

    LiveSections(double sensitivity, String[] labels) {
        if (!(sensitivity >= 0 && sensitivity <= 1)) {
            throw new IllegalArgumentException("sensitivity must be within 0..1, not " + sensitivity);
        }
        this.minSeconds = 16 - 12 * sensitivity;
        this.changeDb = 12 - 8 * sensitivity;
        this.styleConfidence = 0.7 - 0.4 * sensitivity;
        this.labels = labels;
    }

    MusicSection current() {
        return current;
    }

    /**
     * Looks at the stream at {@code seconds}: the window's frames (ending now) and the model's recent readings
     * (oldest first). Returns the section that starts now, or null when the music goes on as it was.
     */
    MusicSection update(double seconds, FrameFeatures window, List<StyleReading> readings) {
        int w = (int) Math.round(SectionFinder.ENERGY_WINDOW_SECONDS * AnalysisSettings.frameRate());
        if (window.frames() < w) {
            return null;
        }
        StyleReading recent = recentStyle(seconds, readings);
        String reason = current == null ? "start" : changeReason(seconds, window, w, recent);
        if (reason == null) {
            return null;
        }
        double[] target = SectionTarget.of(window, window.frames() - w, window.frames(),
                SectionTarget.onsetP95(window));
        double[] p = recent == null || recent.silent() ? null : toDouble(recent.probabilities());
        String style = recent == null ? null : recent.style();
        current = new MusicSection(seconds, seconds, reason, style, p, target);
        return current;
    }

    private String changeReason(double seconds, FrameFeatures window, int w, StyleReading recent) {
        if (seconds - current.start() < minSeconds) {
            return null;
        }
        boolean wasSilent = SongStyle.NONE.equals(current.style());
        if (recent != null && recent.silent() != wasSilent) {
            return "silence";
        }
        if (recent != null && !recent.silent() && !recent.style().equals(current.style())
                && recent.confidence() >= styleConfidence) {
            return "style";
        }
        if (window.frames() >= 2 * w) {
            double[] change = bandChange(window, window.frames() - w, w);
            if (change[0] >= changeDb) {
                return change[1] >= SectionFinder.ENERGY_CHANGE_DB ? "energy" : "texture";
            }
        }
        return null;
    }

    /**
     * The model's style over the last {@value SectionFinder#ENERGY_WINDOW_SECONDS} s: the mean probabilities of the
     * readings with signal, or a silent reading when most readings are silent; null before any reading.
     */
    private StyleReading recentStyle(double seconds, List<StyleReading> readings) {
        double from = seconds - SectionFinder.ENERGY_WINDOW_SECONDS;
        float[] sum = null;
        int loud = 0;
        int silent = 0;
        StyleReading lastSilent = null;
        for (StyleReading r : readings) {
            if (r.seconds() < from) {
                continue;
            }
            if (r.silent()) {
                silent++;
                lastSilent = r;
                continue;
            }
            sum = sum == null ? new float[r.probabilities().length] : sum;
            for (int k = 0; k < sum.length; k++) {
                sum[k] += r.probabilities()[k];
            }
            loud++;
        }
        if (loud == 0 && silent == 0) {
            return null;
        }
        if (silent > loud) {
            return lastSilent;
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] /= loud;
        }
        return StyleReading.of(seconds, labels, sum);
    }

    /** {Euclidean dB change of the (low, mid, high) levels, |mean level change|} of [i, i+w) against [i−w, i). */
    private static double[] bandChange(FrameFeatures f, int i, int w) {
        float[][] bands = {f.low(), f.mid(), f.high()};
        double sq = 0;
        double sum = 0;
        for (float[] band : bands) {
            double d = (meanDb(band, i, i + w) - meanDb(band, i - w, i));
            sq += d * d;
            sum += d;
        }
        return new double[] {Math.sqrt(sq), Math.abs(sum / bands.length)};
    }

    private static double meanDb(float[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += 20 * Math.log10(Math.max(1e-6, values[i]));
        }
        return sum / (to - from);
    }

    private static double[] toDouble(float[] p) {
        double[] d = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            d[k] = p[k];
        }
        return d;
    }
}
