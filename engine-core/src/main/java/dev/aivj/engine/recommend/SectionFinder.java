package dev.aivj.engine.recommend;

import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.analysis.AnalysisResult;
import dev.aivj.engine.analysis.SongStyle;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.ModelOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a song into sections where the music changes, never on a timer:
 * <ol>
 *   <li>candidates: every start of a style segment of the music model, and every beat where the mean levels of
 *       the low, mid and high bands (dB) over the {@value #ENERGY_WINDOW_SECONDS} s after it differ from those of
 *       the {@value #ENERGY_WINDOW_SECONDS} s before it by at least {@value #CHANGE_DB} dB (Euclidean; local maxima
 *       only): louder or quieter ("energy" when the mean level moves {@value #ENERGY_CHANGE_DB} dB or more), or a
 *       change of sound ("texture");</li>
 *   <li>each candidate moves to the nearest beat (when the song has beats);</li>
 *   <li>style changes first, then energy changes by size, a candidate is kept when it lies at least
 *       {@value #MIN_SECTION_SECONDS} s from the song's ends and from every kept boundary.</li>
 * </ol>
 * A section whose model steps are all silent ({@link dev.aivj.engine.analysis.SignalGate}) has style "none" and no
 * probabilities, so its pair is chosen by its look target alone (a quiet target for silence).
 * So a song with no change is one section, and no section is shorter than {@value #MIN_SECTION_SECONDS} s unless
 * the song is.
 */
public final class SectionFinder {
    public static final double MIN_SECTION_SECONDS = 8.0;
    public static final double ENERGY_WINDOW_SECONDS = 4.0;
    /** A change of the (low, mid, high) band levels this large (Euclidean, dB) is a candidate boundary. */
    public static final double CHANGE_DB = 8.0;
    /** A candidate whose mean band level changes this much is an "energy" change, else a "texture" change. */
    public static final double ENERGY_CHANGE_DB = 4.0;

    private SectionFinder() {
    }

    private record Candidate(double time, double strength, String reason) {
    }

    public static List<MusicSection> find(AnalysisResult result, SongStyle style) {
        double duration = result.durationSeconds();
        double[] beats = result.beats();
        List<Candidate> candidates = new ArrayList<>();
        if (style != null) {
            SongStyle.Segment previous = null;
            for (SongStyle.Segment s : style.segments()) {
                if (s.start() > 0) {
                    // Where silence starts or ends comes first, then style changes, then energy: a style change
                    // near a silent stretch must not hide it (its pair would then be chosen with a style).
                    boolean silence = s.none() || previous != null && previous.none();
                    candidates.add(new Candidate(snap(s.start(), beats),
                            silence ? Double.POSITIVE_INFINITY : Double.MAX_VALUE, silence ? "silence" : "style"));
                }
                previous = s;
            }
        }
        candidates.addAll(energyChanges(result.frames(), beats));
        candidates.sort((a, b) -> Double.compare(b.strength(), a.strength()));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            boolean far = c.time() >= MIN_SECTION_SECONDS && duration - c.time() >= MIN_SECTION_SECONDS;
            for (Candidate k : kept) {
                far &= Math.abs(k.time() - c.time()) >= MIN_SECTION_SECONDS;
            }
            if (far) {
                kept.add(c);
            }
        }
        kept.sort((a, b) -> Double.compare(a.time(), b.time()));
        List<MusicSection> out = new ArrayList<>();
        FrameFeatures f = result.frames();
        double p95 = SectionTarget.onsetP95(f);
        double start = 0;
        String reason = "start";
        for (int i = 0; i <= kept.size(); i++) {
            double end = i < kept.size() ? kept.get(i).time() : duration;
            out.add(section(f, style, start, end, reason, p95));
            if (i < kept.size()) {
                start = end;
                reason = kept.get(i).reason();
            }
        }
        return out;
    }

    private static MusicSection section(FrameFeatures f, SongStyle style, double start, double end, String reason,
            double p95) {
        double rate = AnalysisSettings.frameRate();
        int from = Math.min(f.frames(), (int) Math.floor(start * rate));
        int to = Math.max(from + 1, Math.min(f.frames(), (int) Math.ceil(end * rate)));
        double[] target = f.frames() == 0 ? new double[LookSpace.DIMENSIONS] : SectionTarget.of(f, from, to, p95);
        if (style == null) {
            return new MusicSection(start, end, reason, null, null, target);
        }
        ModelOutput out = style.output();
        String[] labels = style.labels();
        double[] p = new double[labels.length];
        int n = 0;
        int inside = 0;
        for (int s = 0; s < out.steps(); s++) {
            double t = out.stepStartSeconds(s) + out.stepSeconds() / 2;
            if (t >= start && t < end) {
                inside++;
                if (style.stepReason(s) != null) {
                    continue; // silent steps do not vote
                }
                for (int l = 0; l < labels.length; l++) {
                    p[l] += out.probability(s, l);
                }
                n++;
            }
        }
        if (n == 0 && (inside > 0 || !style.hasStyle())) {
            // No signal here: no style, so the pair is chosen by the (quiet) look target alone.
            return new MusicSection(start, end, reason, SongStyle.NONE, null, target);
        }
        if (n == 0) {
            System.arraycopy(style.probabilities(), 0, p, 0, p.length);
        } else {
            for (int l = 0; l < p.length; l++) {
                p[l] /= n;
            }
        }
        int best = 0;
        for (int l = 1; l < p.length; l++) {
            best = p[l] > p[best] ? l : best;
        }
        return new MusicSection(start, end, reason, labels[best], p, target);
    }

    private static List<Candidate> energyChanges(FrameFeatures f, double[] beats) {
        double rate = AnalysisSettings.frameRate();
        int w = (int) Math.round(ENERGY_WINDOW_SECONDS * rate);
        float[][] bands = {f.low(), f.mid(), f.high()};
        double[][] prefix = new double[bands.length][f.frames() + 1];
        for (int k = 0; k < bands.length; k++) {
            for (int i = 0; i < f.frames(); i++) {
                prefix[k][i + 1] = prefix[k][i] + 20 * Math.log10(Math.max(1e-6, bands[k][i]));
            }
        }
        double[] change = new double[beats.length];
        double[] level = new double[beats.length];
        for (int b = 0; b < beats.length; b++) {
            int i = (int) Math.round(beats[b] * rate);
            if (i - w < 0 || i + w > f.frames()) {
                continue;
            }
            double sq = 0;
            double sum = 0;
            for (double[] p : prefix) {
                double d = ((p[i + w] - p[i]) - (p[i] - p[i - w])) / w;
                sq += d * d;
                sum += d;
            }
            change[b] = Math.sqrt(sq);
            level[b] = Math.abs(sum / prefix.length);
        }
        List<Candidate> out = new ArrayList<>();
        for (int b = 0; b < beats.length; b++) {
            boolean peak = (b == 0 || change[b] >= change[b - 1]) && (b + 1 == beats.length || change[b] > change[b + 1]);
            if (peak && change[b] >= CHANGE_DB) {
                out.add(new Candidate(beats[b], change[b], level[b] >= ENERGY_CHANGE_DB ? "energy" : "texture"));
            }
        }
        return out;
    }

    /** The beat nearest to {@code t}, or {@code t} when there are no beats. */
    static double snap(double t, double[] beats) {
        double best = t;
        double gap = Double.POSITIVE_INFINITY;
        for (double b : beats) {
            if (Math.abs(b - t) < gap) {
                gap = Math.abs(b - t);
                best = b;
            }
        }
        return best;
    }
}
