package dev.aivj.engine.analysis;

import dev.aivj.engine.model.ModelOutput;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.model.VisualParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What the music model says about a whole song: the song's style and its style segments.
 *
 * <p><b>Silence</b> ({@link SignalGate}): a step without enough signal has no style ({@link #stepReason}); it does
 * not vote for the song's style and its steps make "none" segments. A song with too little signal has no style:
 * {@link #hasStyle()} is false, {@link #label()} {@code null}, {@link #reason()} says why.
 *
 * <p><b>Whole song:</b> {@link #probabilities()} is the mean over the model steps with signal of the per-step style
 * probabilities; {@link #label()} is its argmax (first label on a tie) and {@link #confidence()} that label's mean
 * probability (0..1).
 *
 * <p><b>Segments</b> ({@link #segments()}): each step's argmax label gives runs of equal labels; then, while there
 * is more than one run and some run lasts less than {@link #MIN_SEGMENT_SECONDS}, the shortest such run (the
 * earliest on a tie) is given to its longer neighbour (the earlier one on a tie; at the song's ends, its only
 * neighbour) and neighbours with equal labels are joined. So a flicker of under 2 s never makes a segment, and
 * only a song shorter than 2 s has a segment that short. Smoothing runs within each stretch of steps with signal:
 * a "none" run ({@link #NONE}) is never absorbed and never absorbs, so it can be shorter, and so can a style run
 * between two of them. A segment's {@code confidence} is the mean probability
 * of its style over its steps (it can be low where flickers were absorbed); its visual parameters are the means of
 * the per-step values scaled to their units ({@link dev.aivj.engine.model.VisualParameter#scale}).
 * Segments tile the model's steps without gaps: the first starts at 0, the last ends at steps·stepSeconds (the
 * song's trailing partial step (under the model's frames per step) is not covered).
 */
public final class SongStyle {
    /** The style of a segment (and, in JSON, of a song) without enough signal for one; not a model label. */
    public static final String NONE = "none";
    /** Runs of one style shorter than this are absorbed by a neighbour. */
    public static final double MIN_SEGMENT_SECONDS = 2.0;

    private final ModelOutput output;
    private final String[] labels;
    private final double[] probabilities;
    private final int best;
    private final List<Segment> segments;
    private final double[] stepLevels;
    private final String reason;

    /** One stretch of the song with a single style. Times in seconds; visual values in their own units. */
    public static final class Segment {
        private final double start;
        private final double end;
        private final int firstStep;
        private final int steps;
        private final String style;
        private final double confidence;
        private final double[] visual;
        private final String reason;

        Segment(double start, double end, int firstStep, int steps, String style, double confidence,
                double[] visual, String reason) {
            this.start = start;
            this.end = end;
            this.firstStep = firstStep;
            this.steps = steps;
            this.style = style;
            this.confidence = confidence;
            this.visual = visual;
            this.reason = reason;
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

        /** The segment's style label, or {@link #NONE} without enough signal. */
        public String style() {
            return style;
        }

        /** True for a stretch without enough signal for a style. */
        public boolean none() {
            return reason != null;
        }

        /** Why the segment has no style ("silence: ..."), or {@code null} when it has one. */
        public String reason() {
            return reason;
        }

        /** Mean probability of {@link #style()} over the segment; 0 for a "none" segment. */
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

    private SongStyle(ModelOutput output, String[] labels, double[] probabilities, int best, List<Segment> segments,
            double[] stepLevels, String reason) {
        this.output = output;
        this.labels = labels;
        this.probabilities = probabilities;
        this.best = best;
        this.segments = segments;
        this.stepLevels = stepLevels;
        this.reason = reason;
    }

    /** Runs {@code model} over the song's frames and summarises its output, gated by the frames' levels. */
    public static SongStyle analyze(MusicModel model, AnalysisResult result) {
        ModelOutput out = model.run(result.frames());
        return of(out, SignalGate.stepLevels(result.frames().rms(), model.spec().framesPerStep(), out.steps()));
    }

    /** As {@link #of(ModelOutput, double[])} with every step taken to have signal. */
    public static SongStyle of(ModelOutput out) {
        double[] loud = new double[out.steps()];
        return of(out, loud); // 0 dBFS everywhere
    }

    /**
     * Summarises a whole-song model output (its first step must be step 0) given each step's level in dBFS
     * ({@link SignalGate#stepLevels}). With no steps at all (a song shorter than one model step) the probabilities
     * are all 0, {@link #label()} and {@link #reason()} are {@code null} and there are no segments.
     */
    public static SongStyle of(ModelOutput out, double[] stepLevels) {
        if (out.firstStep() != 0) {
            throw new IllegalArgumentException("SongStyle needs the whole song's output (first step 0)");
        }
        int n = out.steps();
        if (stepLevels.length != n) {
            throw new IllegalArgumentException(stepLevels.length + " step levels for " + n + " model steps");
        }
        String[] labels = out.labels();
        int l = labels.length;
        double[] mean = new double[l];
        int[] top = new int[n];
        int voters = 0;
        for (int s = 0; s < n; s++) {
            if (SignalGate.stepReason(stepLevels[s]) != null) {
                top[s] = -1; // no signal: no vote, a "none" step
                continue;
            }
            voters++;
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
        String reason = SignalGate.songReason(stepLevels);
        int best = -1;
        if (voters > 0 && reason == null) {
            best = 0;
            for (int k = 0; k < l; k++) {
                mean[k] /= voters;
                if (mean[k] > mean[best]) {
                    best = k;
                }
            }
        } else {
            Arrays.fill(mean, 0);
        }
        return new SongStyle(out, labels, mean, best,
                Collections.unmodifiableList(segments(out, top, stepLevels)), stepLevels.clone(), reason);
    }

    /**
     * Steps per run as {label, firstStep, count} (label −1: no signal), smoothed by the rule in the class comment
     * within each stretch of steps with signal.
     */
    static List<int[]> smoothRuns(int[] top, double stepSeconds) {
        List<int[]> runs = new ArrayList<>();
        int s = 0;
        while (s < top.length) {
            int end = s;
            while (end < top.length && (top[end] < 0) == (top[s] < 0)) {
                end++;
            }
            if (top[s] < 0) {
                runs.add(new int[] {-1, s, end - s});
            } else {
                int[] stretch = Arrays.copyOfRange(top, s, end);
                for (int[] run : smoothStretch(stretch, stepSeconds)) {
                    run[1] += s;
                    runs.add(run);
                }
            }
            s = end;
        }
        return runs;
    }

    private static List<int[]> smoothStretch(int[] top, double stepSeconds) {
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

    private static List<Segment> segments(ModelOutput out, int[] top, double[] stepLevels) {
        String[] labels = out.labels();
        List<Segment> segments = new ArrayList<>();
        for (int[] run : smoothRuns(top, out.stepSeconds())) {
            int label = run[0];
            int first = run[1];
            int count = run[2];
            double conf = 0;
            double[] visual = new double[VisualParameters.COUNT];
            for (int s = first; s < first + count; s++) {
                conf += label < 0 ? 0 : out.probability(s, label);
                for (int v = 0; v < visual.length; v++) {
                    visual[v] += VisualParameters.get(v).scale(out.visual(s, v));
                }
            }
            for (int v = 0; v < visual.length; v++) {
                visual[v] /= count;
            }
            String reason = label < 0 ? runReason(stepLevels, first, count) : null;
            segments.add(new Segment(out.stepStartSeconds(first), out.stepStartSeconds(first + count), first, count,
                    label < 0 ? NONE : labels[label], conf / count, visual, reason));
        }
        return segments;
    }

    /** "digital silence" when all of a none run's steps are, else "below −60 dBFS". */
    private static String runReason(double[] stepLevels, int first, int count) {
        for (int s = first; s < first + count; s++) {
            if (!SignalGate.DIGITAL_SILENCE.equals(SignalGate.stepReason(stepLevels[s]))) {
                return SignalGate.BELOW_FLOOR;
            }
        }
        return SignalGate.DIGITAL_SILENCE;
    }

    /** True when the song has a style ({@link #label()} non-null). */
    public boolean hasStyle() {
        return best >= 0;
    }

    /** Why the song has no style ("silence: ..."), or {@code null} when it has one or is too short for the model. */
    public String reason() {
        return reason;
    }

    /** Level of model step {@code step} in dBFS ({@link SignalGate}). */
    public double stepLevel(int step) {
        return stepLevels[step];
    }

    /** Why step {@code step} has no style, or {@code null} when it has signal. */
    public String stepReason(int step) {
        return SignalGate.stepReason(stepLevels[step]);
    }

    /** The model output this summary was made from. */
    public ModelOutput output() {
        return output;
    }

    public String[] labels() {
        return labels.clone();
    }

    /** The whole song's style, or {@code null} when the model produced no step or the song is silent ({@link #reason()}). */
    public String label() {
        return best < 0 ? null : labels[best];
    }

    /** Mean probability of {@link #label()} over the song's steps with signal, 0..1 (0 without a label). */
    public double confidence() {
        return best < 0 ? 0 : probabilities[best];
    }

    /** Mean probability per label over the steps with signal, in {@link #labels()} order (all 0 without a label). */
    public double[] probabilities() {
        return probabilities.clone();
    }

    public List<Segment> segments() {
        return segments;
    }
}
