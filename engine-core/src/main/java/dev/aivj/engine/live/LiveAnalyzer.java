package dev.aivj.engine.live;

import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.analysis.SignalGate;
import dev.aivj.engine.features.MelFilterBank;
import dev.aivj.engine.features.PowerSpectrum;
import dev.aivj.engine.model.ModelOutput;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.model.MusicModelStream;
import dev.aivj.engine.model.VisualParameters;

/**
 * Live analysis of mono PCM at {@link AnalysisSettings#SAMPLE_RATE}, pushed in chunks of any size (e.g. 0.5 s):
 * each push computes the STFT frames whose window is complete, their log-mel, and feeds them to the music model's
 * {@link MusicModelStream}. The samples a later frame's window still needs are kept across pushes, so frame t is
 * the whole-song {@link dev.aivj.engine.features.FeatureExtractor}'s frame t; {@link #finish} pads the end with
 * zeros as the whole-song STFT does. Frame t is ready FFT_SIZE/2 samples (23 ms) after its centre.
 * Each frame's RMS over its window feeds the {@link SignalGate}: a model step without enough signal has no style
 * ({@link LiveUpdate#reason()}), as in the whole-song {@link dev.aivj.engine.analysis.SongStyle}.
 */
public final class LiveAnalyzer {
    private static final int HOP = AnalysisSettings.HOP_SIZE;
    private static final int HALF = AnalysisSettings.FFT_SIZE / 2;

    private final MusicModelStream stream;
    private final String[] labels;
    private final PowerSpectrum spectrum = new PowerSpectrum(AnalysisSettings.FFT_SIZE, HOP);
    private final MelFilterBank melBank = MelFilterBank.forAnalysis();
    private final float[] power = new float[spectrum.binCount()];
    /** Samples from absolute index {@code kept} on: what the next frames' windows still need. */
    private float[] samples = new float[4 * AnalysisSettings.FFT_SIZE];
    private int sampleCount;
    private long kept;
    private long received;
    private long frames;
    private boolean finished;
    private float[] style;
    private float[] visual;
    private String reason;
    private final int framesPerStep;
    /** Sum of the frames' mean squares of the step being filled, and its frame count. */
    private double stepPower;
    private int stepFrames;

    /** @param model the music model, or {@code null} for log-mel frames only */
    public LiveAnalyzer(MusicModel model) {
        this.stream = model == null ? null : model.newStream();
        this.labels = model == null ? new String[0] : model.labels();
        this.framesPerStep = model == null ? 1 : model.spec().framesPerStep();
    }

    /** The model's labels, in the order of {@link LiveUpdate#style()}; empty without a model. */
    public String[] labels() {
        return labels.clone();
    }

    /**
     * Appends {@code pcm} (mono, {@link AnalysisSettings#SAMPLE_RATE} Hz) and analyses every frame it completes.
     *
     * @throws IllegalArgumentException for a non-finite sample
     * @throws IllegalStateException after {@link #finish}
     */
    public LiveUpdate push(float[] pcm) {
        if (finished) {
            throw new IllegalStateException("live stream already finished");
        }
        for (int i = 0; i < pcm.length; i++) {
            if (Float.isNaN(pcm[i]) || Float.isInfinite(pcm[i])) {
                throw new IllegalArgumentException("audio contains a non-finite sample at index " + i);
            }
        }
        append(pcm);
        long ready = received < HALF ? 0 : (received - HALF) / HOP + 1; // frames whose window end ≤ received
        return emit(ready);
    }

    /** Ends the stream: the last frames, their windows padded with zeros, as the whole song's last frames. */
    public LiveUpdate finish() {
        if (finished) {
            throw new IllegalStateException("live stream already finished");
        }
        finished = true;
        return emit(1 + received / HOP);
    }

    private void append(float[] pcm) {
        if (sampleCount + pcm.length > samples.length) {
            float[] grown = new float[Math.max(2 * samples.length, sampleCount + pcm.length)];
            System.arraycopy(samples, 0, grown, 0, sampleCount);
            samples = grown;
        }
        System.arraycopy(pcm, 0, samples, sampleCount, pcm.length);
        sampleCount += pcm.length;
        received += pcm.length;
    }

    /** Analyses frames up to (not including) {@code until} and drops the samples no later window needs. */
    private LiveUpdate emit(long until) {
        int bands = melBank.bands();
        int count = (int) Math.max(0, until - frames);
        float[] logMel = new float[count * bands];
        for (int i = 0; i < count; i++) {
            long start = (frames + i) * HOP - HALF; // absolute index of the window's first sample
            spectrum.computeWindow(samples, sampleCount, (int) (start - kept), power);
            melBank.applyLogDb(power, logMel, i * bands);
            addFrameLevel((int) (start - kept));
        }
        frames += count;
        int newSteps = 0;
        if (stream != null && count > 0) {
            ModelOutput out = stream.push(logMel, 0, count);
            newSteps = out.steps();
            if (newSteps > 0) {
                int labels = out.labels().length;
                // The model's steps are whole groups of frames, so the last completed group is the latest step.
                style = reason == null ? copyRow(out.styleProbabilities(), newSteps - 1, labels) : null;
                visual = copyRow(out.visualParameters(), newSteps - 1, VisualParameters.COUNT);
            }
        }
        drop(Math.max(0, frames * HOP - HALF));
        return new LiveUpdate(frames, count, stream == null ? 0 : stream.stepsEmitted(), newSteps, logMel,
                style == null ? null : style.clone(), visual == null ? null : visual.clone(), reason);
    }

    /**
     * Adds the mean square of the window starting at buffer index {@code start} (zeros outside the buffer, like
     * the whole-song frame RMS) to the current step; a completed step sets {@link #reason}.
     */
    private void addFrameLevel(int start) {
        if (stream == null) {
            return;
        }
        double sum = 0;
        for (int i = Math.max(0, start); i < Math.min(sampleCount, start + AnalysisSettings.FFT_SIZE); i++) {
            sum += (double) samples[i] * samples[i];
        }
        stepPower += sum / AnalysisSettings.FFT_SIZE;
        if (++stepFrames == framesPerStep) {
            reason = SignalGate.stepReason(SignalGate.dbfs(stepPower / framesPerStep));
            stepPower = 0;
            stepFrames = 0;
        }
    }

    private void drop(long firstNeeded) {
        int n = (int) Math.min(sampleCount, firstNeeded - kept);
        if (n > 0) {
            System.arraycopy(samples, n, samples, 0, sampleCount - n);
            sampleCount -= n;
            kept += n;
        }
    }

    private static float[] copyRow(float[] values, int row, int width) {
        float[] r = new float[width];
        System.arraycopy(values, row * width, r, 0, width);
        return r;
    }

    /** Frames analysed so far. */
    public long frames() {
        return frames;
    }

    /** Samples pushed so far. */
    public long samplesReceived() {
        return received;
    }
}
