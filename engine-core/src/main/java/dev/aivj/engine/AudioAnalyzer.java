package dev.aivj.engine;

import dev.aivj.engine.analysis.AnalysisResult;
import dev.aivj.engine.analysis.SongSummary;
import dev.aivj.engine.audio.MonoMixer;
import dev.aivj.engine.audio.PcmValidator;
import dev.aivj.engine.audio.Resampler;
import dev.aivj.engine.audio.SignalLevels;
import dev.aivj.engine.features.BeatTracker;
import dev.aivj.engine.features.FeatureExtractor;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.features.Tempo;
import dev.aivj.engine.features.TempoEstimator;

/**
 * The audio front end's facade: PCM in, {@link AnalysisResult} out. Stages: validate → mono mix-down →
 * level facts and DC removal → resample to {@link AnalysisSettings#SAMPLE_RATE} ({@link #prepare}) → frame features
 * ({@link #features}) → tempo → beats → summary ({@link #rhythm}). The stage methods are public so that
 * {@link Engine} runs them one by one and tells listeners (the bench) as each ends.
 */
public final class AudioAnalyzer {
    private final FeatureExtractor extractor = new FeatureExtractor();
    private final TempoEstimator tempoEstimator = new TempoEstimator(AnalysisSettings.frameRate(),
            AnalysisSettings.MIN_BPM, AnalysisSettings.MAX_BPM);
    private final BeatTracker beatTracker = new BeatTracker(AnalysisSettings.frameRate());
    private final boolean overwriteInput;

    /** An analyzer that leaves its input arrays as they are. */
    public AudioAnalyzer() {
        this(false);
    }

    private AudioAnalyzer(boolean overwriteInput) {
        this.overwriteInput = overwriteInput;
    }

    /**
     * An analyzer to which each call hands its input array over: mono input becomes the prepared signal itself (DC
     * removed in place) instead of a copy. For callers whose array is a throwaway copy anyway (the Wasm exports get
     * a fresh one per call): a song-long array less to allocate, which costs ~50 ms per 175 s in V8's Wasm GC.
     */
    public static AudioAnalyzer overwritingInput() {
        return new AudioAnalyzer(true);
    }

    /**
     * @param interleavedPcm samples in −1..1, channels interleaved
     * @throws IllegalArgumentException for empty input, a non-finite sample, or an unsupported rate/channel count
     */
    public AnalysisResult analyze(float[] interleavedPcm, int channels, int sampleRate) {
        PreparedSignal prepared = prepare(interleavedPcm, channels, sampleRate);
        return rhythm(prepared, features(prepared));
    }

    /**
     * Stage 1: validate → mono mix-down → level facts and DC removal → resample. Overwrites mono input of an
     * {@link #overwritingInput} analyzer.
     */
    public PreparedSignal prepare(float[] interleavedPcm, int channels, int sampleRate) {
        PcmValidator.validate(interleavedPcm, channels, sampleRate);
        float[] mono = channels == 1 && overwriteInput ? interleavedPcm : MonoMixer.mix(interleavedPcm, channels);
        double duration = (double) mono.length / sampleRate;
        SignalLevels levels = SignalLevels.measure(mono);
        levels.removeDc(mono);
        // At the analysis rate (the page's input) mono is already this call's own copy: no second song-long array.
        float[] signal = sampleRate == AnalysisSettings.SAMPLE_RATE ? mono
                : new Resampler(sampleRate, AnalysisSettings.SAMPLE_RATE).process(mono);
        return new PreparedSignal(signal, levels, duration, sampleRate, channels);
    }

    /** Stage 2: frame features (STFT, log-mel, spectral shape, onset). */
    public FrameFeatures features(PreparedSignal prepared) {
        return extractor.extract(prepared.signal());
    }

    /** Stage 3: tempo → beats → summary, completing the analysis. */
    public AnalysisResult rhythm(PreparedSignal prepared, FrameFeatures frames) {
        Tempo tempo = tempoEstimator.estimate(frames.onset());
        double[] beats = beatTracker.track(frames.onset(), tempo);
        return new AnalysisResult(prepared.durationSeconds(), prepared.inputSampleRate(), prepared.inputChannels(),
                tempo, beats, frames, SongSummary.of(frames, prepared.levels()));
    }
}
