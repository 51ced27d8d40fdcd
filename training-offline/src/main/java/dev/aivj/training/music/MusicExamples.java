package dev.aivj.training.music;

import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.MelNormalizer;
import dev.aivj.engine.model.VisualParameters;
import dev.aivj.training.MelPatches;
import java.util.ArrayList;
import java.util.List;

/**
 * Training examples: fixed-length log-mel patches (engine-core's features, cut by {@link MelPatches}) with the
 * song's label. Patches are stored raw (dB); the trainer applies the bundle's {@link MelNormalizer} so
 * training sees exactly what the engine computes.
 */
public final class MusicExamples {
    /**
     * One patch: raw log-mel [frames × bands], label, optional visual target (null = none); {@code pseudoLabel}:
     * the label is a teacher's guess for an unlabelled track, not evidence.
     */
    public record Example(float[] logMel, int label, float[] visualTarget, String source, boolean pseudoLabel) {
        public Example(float[] logMel, int label, float[] visualTarget, String source) {
            this(logMel, label, visualTarget, source, false);
        }

        /** The same patch with another log-mel (an augmented copy). */
        public Example withLogMel(float[] mel) {
            return new Example(mel, label, visualTarget, source, pseudoLabel);
        }
    }

    private final int patchFrames;
    private final MelPatches patches;
    private final List<Example> examples = new ArrayList<>();

    public MusicExamples(int patchFrames, int hopFrames) {
        this.patchFrames = patchFrames;
        this.patches = new MelPatches(patchFrames, hopFrames);
    }

    public int patchFrames() {
        return patchFrames;
    }

    /** Adds every whole patch of {@code features} (optionally only those inside [startSeconds, endSeconds)). */
    public int add(FrameFeatures features, int label, float[] visualTarget, String source, double startSeconds,
            double endSeconds) {
        if (features.melBands() != AnalysisSettings.MEL_BANDS) {
            throw new IllegalArgumentException(source + ": " + features.melBands() + " mel bands");
        }
        if (visualTarget != null && visualTarget.length != VisualParameters.COUNT) {
            throw new IllegalArgumentException(source + ": visual target has " + visualTarget.length + " values, need "
                    + VisualParameters.COUNT);
        }
        double rate = AnalysisSettings.frameRate();
        int added = 0;
        for (int i = 0; i < patches.count(features.frames()); i++) {
            double start = patches.startSeconds(i, rate);
            double end = start + patchFrames / rate;
            if (start >= startSeconds && end <= endSeconds) {
                examples.add(new Example(patches.patch(features, i), label, visualTarget, source + "@" + i));
                added++;
            }
        }
        return added;
    }

    /**
     * Adds every whole patch of {@code features} with a per-step visual target: {@code stepTargets} holds
     * [songSteps × VisualParameters.COUNT] for steps of {@code framesPerStep} frames from the song's start (see
     * TeacherMapping#stepTargets); each patch gets the slice of its own steps.
     */
    public int addWithStepTargets(FrameFeatures features, int label, float[] stepTargets, int framesPerStep,
            String source) {
        int hop = patches.hopFrames();
        if (hop % framesPerStep != 0 || patchFrames % framesPerStep != 0) {
            throw new IllegalArgumentException("patch and hop must be multiples of " + framesPerStep + " frames");
        }
        int vis = VisualParameters.COUNT;
        int steps = patchFrames / framesPerStep;
        int added = 0;
        for (int i = 0; i < patches.count(features.frames()); i++) {
            int firstStep = i * hop / framesPerStep;
            float[] target = new float[steps * vis];
            System.arraycopy(stepTargets, firstStep * vis, target, 0, target.length);
            examples.add(new Example(patches.patch(features, i), label, target, source + "@" + i));
            added++;
        }
        return added;
    }

    /** Adds a ready-made example (its log-mel may run longer than a patch: readers use the first patch frames). */
    public void addExample(Example e) {
        examples.add(e);
    }

    public List<Example> examples() {
        return examples;
    }

    public int size() {
        return examples.size();
    }

    /** Per-band mean and standard deviation over all patches (std floored at 1 dB). */
    public MelNormalizer fitNormalizer() {
        int bands = AnalysisSettings.MEL_BANDS;
        double[] sum = new double[bands];
        double[] sq = new double[bands];
        long n = 0;
        for (Example e : examples) {
            float[] x = e.logMel();
            for (int i = 0; i < x.length; i++) {
                sum[i % bands] += x[i];
                sq[i % bands] += (double) x[i] * x[i];
            }
            n += x.length / bands;
        }
        if (n == 0) {
            throw new IllegalStateException("no examples to fit the normaliser on");
        }
        float[] mean = new float[bands];
        float[] std = new float[bands];
        for (int b = 0; b < bands; b++) {
            double m = sum[b] / n;
            mean[b] = (float) m;
            std[b] = (float) Math.max(1.0, Math.sqrt(Math.max(0, sq[b] / n - m * m)));
        }
        return new MelNormalizer(mean, std);
    }
}
