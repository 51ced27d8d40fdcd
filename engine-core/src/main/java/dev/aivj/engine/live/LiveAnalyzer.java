package dev.aivj.engine.live;

import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.analysis.SignalGate;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.features.MelFilterBank;
import dev.aivj.engine.features.OnsetStrength;
import dev.aivj.engine.features.PowerSpectrum;
import dev.aivj.engine.features.SpectralShape;
import dev.aivj.engine.model.ModelOutput;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.model.MusicModelStream;
import dev.aivj.engine.model.VisualParameters;

/**
 * Live analysis of mono PCM at {@link AnalysisSettings#SAMPLE_RATE}, pushed in chunks of any size (e.g. 0.5 s):
 * each push computes the STFT frames whose window is complete, their log-mel, and feeds them to the music model's
 * {@link MusicModelStream}, with the frame's other features (RMS, spectral shape, onset strength). The samples a
 * later frame's window still needs are kept across pushes, so frame t is the whole-song
 * {@link dev.aivj.engine.features.FeatureExtractor}'s frame t; {@link #finish} pads the end with zeros as the
 * whole-song STFT does. Frame t is ready FFT_SIZE/2 samples (23 ms) after its centre.
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
    private final SpectralShape shape = new SpectralShape(AnalysisSettings.FFT_SIZE, AnalysisSettings.SAMPLE_RATE,
            AnalysisSettings.LOW_MID_SPLIT_HZ, AnalysisSettings.MID_HIGH_SPLIT_HZ, spectrum.windowSumSquares());
    /** The last analysed frame's log-mel: the onset strength of the next push's first frame rises from it. */
    private final float[] previousLogMel = new float[melBank.bands()];
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
        float[] rms = new float[count];
        float[] centroid = new float[count];
        float[] flux = new float[count];
        float[] low = new float[count];
        float[] mid = new float[count];
        float[] high = new float[count];
        for (int i = 0; i < count; i++) {
            long start = (frames + i) * HOP - HALF; // absolute index of the window's first sample
            spectrum.computeWindow(samples, sampleCount, (int) (start - kept), power);
            melBank.applyLogDb(power, logMel, i * bands);
            shape.measure(power, i, centroid, flux, low, mid, high);
            double meanSquare = windowMeanSquare((int) (start - kept));
            rms[i] = (float) Math.sqrt(meanSquare);
            addStepLevel(meanSquare);
        }
        float[] onset = onsetOf(logMel, count, bands);
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
        FrameFeatures features = new FrameFeatures(count, bands, logMel, rms, centroid, flux, onset, low, mid, high);
        return new LiveUpdate(frames, count, stream == null ? 0 : stream.stepsEmitted(), newSteps, features,
                style == null ? null : style.clone(), visual == null ? null : visual.clone(), reason);
    }

    /** The whole song's {@link dev.aivj.engine.features.OnsetStrength} of these frames, across pushes. */
    private float[] onsetOf(float[] logMel, int count, int bands) {
        float[] onset = new float[count];
        for (int t = 0; t < count; t++) {
            if (frames + t == 0) {
                continue; // frame 0 has no predecessor
            }
            onset[t] = t == 0 ? OnsetStrength.rise(previousLogMel, 0, logMel, 0, bands)
                    : OnsetStrength.rise(logMel, (t - 1) * bands, logMel, t * bands, bands);
        }
        if (count > 0) {
            System.arraycopy(logMel, (count - 1) * bands, previousLogMel, 0, bands);
        }
        return onset;
    }

    /** The mean square of the window starting at buffer index {@code start} (zeros outside, like the song's RMS). */
    private double windowMeanSquare(int start) {
        double sum = 0;
        for (int i = Math.max(0, start); i < Math.min(sampleCount, start + AnalysisSettings.FFT_SIZE); i++) {
            sum += (double) samples[i] * samples[i];
        }
        return sum / AnalysisSettings.FFT_SIZE;
    }

    /** Adds a frame's mean square to the current model step; a completed step sets {@link #reason}. */
    private void addStepLevel(double meanSquare) {
        if (stream == null) {
            return;
        }
        stepPower += meanSquare;
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
