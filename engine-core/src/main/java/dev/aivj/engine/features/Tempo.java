package dev.aivj.engine.features;

/**
 * A song's tempo. {@code bpm} is 0 when no periodicity was found (silence, too short); {@code confidence} in
 * 0..1 is the normalised autocorrelation of the onset envelope at the chosen period.
 */
public final class Tempo {
    public static final Tempo NONE = new Tempo(0.0, 0.0);

    private final double bpm;
    private final double confidence;

    public Tempo(double bpm, double confidence) {
        this.bpm = bpm;
        this.confidence = confidence;
    }

    public double bpm() {
        return bpm;
    }

    public double confidence() {
        return confidence;
    }

    /** The beat period in frames at the given frame rate. */
    public double periodFrames(double frameRate) {
        return bpm > 0 ? 60.0 * frameRate / bpm : 0.0;
    }
}
