package dev.aivj.engine;

/**
 * The audio front end's fixed settings. The log-mel spectrogram computed with these settings is the music
 * model's input, so changing any value here changes the model's contract: bump {@link EngineInfo#VERSION}.
 *
 * <ul>
 *   <li>All input is mixed to mono and resampled to {@link #SAMPLE_RATE} Hz.</li>
 *   <li>STFT: periodic Hann window of {@link #FFT_SIZE} samples (46.4 ms), hop {@link #HOP_SIZE} samples
 *       (23.2 ms, so {@link #frameRate()} = 43.07 frames/s). Frame i is centred on time i·HOP/SR; the signal is
 *       zero-padded by FFT_SIZE/2 at both ends.</li>
 *   <li>Log-mel: {@link #MEL_BANDS} triangular filters, HTK mel scale, from {@link #MEL_MIN_HZ} to
 *       {@link #MEL_MAX_HZ}, each normalised to unit area (Slaney); power in dB (10·log10), floored at
 *       {@link #LOG_FLOOR_DB}.</li>
 *   <li>Band amplitudes: low &lt; {@link #LOW_MID_SPLIT_HZ} ≤ mid &lt; {@link #MID_HIGH_SPLIT_HZ} ≤ high,
 *       scaled so a full-scale sine inside a band reads 1.0.</li>
 *   <li>Tempo is searched between {@link #MIN_BPM} and {@link #MAX_BPM}: slow ballads to fast punk, thrash and
 *       drum'n'bass (160–190) with room, i.e. the span of the common tempo test sets (Ballroom, GTZAN, ~50–250).
 *       Below 50, a two-beat bar would pass as one beat; above 250 (a beat under 10 frames), listeners count
 *       the pulse at half tempo. Not part of the model's contract (tempo is no model input).</li>
 * </ul>
 */
public final class AnalysisSettings {
    public static final int SAMPLE_RATE = 22050;
    public static final int FFT_SIZE = 1024;
    public static final int HOP_SIZE = 512;
    public static final int MEL_BANDS = 64;
    public static final double MEL_MIN_HZ = 30.0;
    public static final double MEL_MAX_HZ = 11025.0;
    public static final double LOG_FLOOR_DB = -100.0;
    public static final double LOW_MID_SPLIT_HZ = 250.0;
    public static final double MID_HIGH_SPLIT_HZ = 4000.0;
    public static final double MIN_BPM = 50.0;  // issue 14: was 60-180, which could not represent a 190 BPM song
    public static final double MAX_BPM = 250.0;

    /** Accepted input sample rates. */
    public static final int MIN_INPUT_RATE = 8000;
    public static final int MAX_INPUT_RATE = 192000;
    public static final int MAX_CHANNELS = 32;

    private AnalysisSettings() {
    }

    public static double frameRate() {
        return (double) SAMPLE_RATE / HOP_SIZE;
    }
}
