package dev.aivj.engine.analysis;

import dev.aivj.engine.model.ModelOutput;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.model.VisualParameters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the music model says about a whole song: the song's style and its style segments.
 *
 * <p><b>Whole song:</b> {@link #probabilities()} is the mean over all model steps of the per-step style
 * probabilities; {@link #label()} is its argmax (first label on a tie) and {@link #confidence()} that label's mean
 * probability (0..1).
 *
 * <p><b>Segments</b> ({@link #segments()}): each step's argmax label gives runs of equal labels; then, while there
 * is more than one run and some run lasts less than {@link #MIN_SEGMENT_SECONDS}, the shortest such run (the
 * earliest on a tie) is given to its longer neighbour (the earlier one on a tie; at the song's ends, its only
 * neighbour) and neighbours with equal labels are joined. So a flicker of under 2 s never makes a segment, and
 * only a song shorter than 2 s has a segment that short. A segment's {@code confidence} is the mean probability
 * of its style over its steps (it can be low where flickers were absorbed); its visual parameters are the means of
 * the per-step values scaled to their units ({@link dev.aivj.engine.model.VisualParameter#scale}).
 * Segments tile the model's steps without gaps: the first starts at 0, the last ends at steps·stepSeconds (the
 * song's trailing partial step of under 4 frames is not covered).
 */
public final class SongStyle {
    /** Runs of one style shorter than this are absorbed by a neighbour. */
    public static final double MIN_SEGMENT_SECONDS = 2.0;

    private final ModelOutput output;
    private final String[] labels;
    private final double[] probabilities;
    private final int best;
    private final List<Segment> segments;

    /** One stretch of the song with a single style. Times in seconds; visual values in their own units. */
    public static final class Segment {
        private final double start;
        private final double end;
        private final int firstStep;
        private final int steps;
        private final String style;
        private final double confidence;
        private final double[] visual;

        Segment(double start, double end, int firstStep, int steps, String style, double confidence,
                double[] visual) {
            this.start = start;
            this.end = end;
            this.firstStep = firstStep;
            this.steps = steps;
            this.style = style;
            this.confidence = confidence;
            this.visual = visual;
        }

        public double start() {
            return start;
        }

        public double end() {
            return end;
        }

        /** Index of the first model step of this segment. */
        public int firstStep() {
            return firstStep;
        }

        public int steps() {
            return steps;
        }

        public String style() {
            return style;
        }

        public double confidence() {
            return confidence;
        }

        /** Mean scaled visual parameter {@code i} (order of {@link VisualParameters}). */
        public double visual(int i) {
            return visual[i];
        }

        public double[] visual() {
            return visual.clone();
        }
    }

    private SongStyle(ModelOutput output, String[] labels, double[] probabilities, int best, List<Segment> segments) {
        this.output = output;
        this.labels = labels;
        this.probabilities = probabilities;
        this.best = best;
        this.segments = segments;
    }

    /** Runs {@code model} over the song's frames and summarises its output. */
    public static SongStyle analyze(MusicModel model, AnalysisResult result) {
        return of(model.run(result.frames()));
    }

    /**
     * Summarises a whole-song model output (its first step must be step 0). With no steps at all (a song shorter
     * than one model step) the probabilities are all 0, {@link #label()} is {@code null} and there are no segments.
     */
    public static SongStyle of(ModelOutput out) {
        if (out.firstStep() != 0) {
            throw new IllegalArgumentException("SongStyle needs the whole song's output (first step 0)");
        }
        String[] labels = out.labels();
        int n = out.steps();
        int l = labels.length;
        double[] mean = new double[l];
        int[] top = new int[n];
        for (int s = 0; s < n; s++) {
            int b = 0;
            for (int k = 0; k < l; k++) {
                float p = out.probability(s, k);
                mean[k] += p;
                if (p > out.probability(s, b)) {
                    b = k;
                }
            }
            top[s] = b;
        }
        int best = -1;
        if (n > 0) {
            best = 0;
            for (int k = 0; k < l; k++) {
                mean[k] /= n;
                if (mean[k] > mean[best]) {
                    best = k;
                }
            }
        }
        return new SongStyle(out, labels, mean, best, Collections.unmodifiableList(segments(out, top)));
    }

    /** Steps per run as {label, firstStep, count}, smoothed by the rule in the class comment. */
    static List<int[]> smoothRuns(int[] top, double stepSeconds) {
        List<int[]> runs = new ArrayList<>();
        for (int s = 0; s < top.length; s++) {
            int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[0] == top[s]) {
                last[2]++;
            } else {
                runs.add(new int[] {top[s], s, 1});
            }
        }
        while (runs.size() > 1) {
            int shortest = -1;
            for (int i = 0; i < runs.size(); i++) {
                if (runs.get(i)[2] * stepSeconds < MIN_SEGMENT_SECONDS
                        && (shortest < 0 || runs.get(i)[2] < runs.get(shortest)[2])) {
                    shortest = i;
                }
            }
            if (shortest < 0) {
                break;
            }
            int[] run = runs.get(shortest);
            int[] prev = shortest > 0 ? runs.get(shortest - 1) : null;
            int[] next = shortest + 1 < runs.size() ? runs.get(shortest + 1) : null;
            if (prev != null && (next == null || prev[2] >= next[2])) {
                prev[2] += run[2];
                runs.remove(shortest);
                if (next != null && next[0] == prev[0]) {
                    prev[2] += next[2];
                    runs.remove(shortest); // next moved to index shortest
                }
            } else {
                next[1] = run[1];
                next[2] += run[2];
                runs.remove(shortest);
                if (prev != null && prev[0] == next[0]) {
                    prev[2] += next[2];
                    runs.remove(shortest);
                }
            }
        }
        return runs;
    }

    private static List<Segment> segments(ModelOutput out, int[] top) {
        String[] labels = out.labels();
        List<Segment> segments = new ArrayList<>();
        for (int[] run : smoothRuns(top, out.stepSeconds())) {
            int label = run[0];
            int first = run[1];
            int count = run[2];
            double conf = 0;
            double[] visual = new double[VisualParameters.COUNT];
            for (int s = first; s < first + count; s++) {
                conf += out.probability(s, label);
                for (int v = 0; v < visual.length; v++) {
                    visual[v] += VisualParameters.get(v).scale(out.visual(s, v));
                }
            }
            for (int v = 0; v < visual.length; v++) {
                visual[v] /= count;
            }
            segments.add(new Segment(out.stepStartSeconds(first), out.stepStartSeconds(first + count), first, count,
                    labels[label], conf / count, visual));
        }
        return segments;
    }

    /** The model output this summary was made from. */
    public ModelOutput output() {
        return output;
    }

    public String[] labels() {
        return labels.clone();
    }

    /** The whole song's style, or {@code null} when the model produced no step. */
    public String label() {
        return best < 0 ? null : labels[best];
    }

    /** Mean probability of {@link #label()} over the song, 0..1 (0 with no steps). */
    public double confidence() {
        return best < 0 ? 0 : probabilities[best];
    }

    /** Mean probability per label, in {@link #labels()} order. */
    public double[] probabilities() {
        return probabilities.clone();
    }

    public List<Segment> segments() {
        return segments;
    }
}
