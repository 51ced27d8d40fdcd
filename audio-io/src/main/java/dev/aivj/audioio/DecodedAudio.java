package dev.aivj.audioio;

import java.util.Objects;

/** Decoded PCM audio: interleaved float samples in [-1, 1]. */
public final class DecodedAudio {
    private final float[] interleaved;
    private final int channels;
    private final int sampleRate;
    private final String format;

    public DecodedAudio(float[] interleaved, int channels, int sampleRate, String format) {
        this.interleaved = Objects.requireNonNull(interleaved, "interleaved");
        if (channels <= 0) {
            throw new IllegalArgumentException("channels must be > 0");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be > 0");
        }
        if (interleaved.length % channels != 0) {
            throw new IllegalArgumentException("sample count is not a multiple of the channel count");
        }
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.format = Objects.requireNonNull(format, "format");
    }

    /** Interleaved samples (frame-major), in [-1, 1]. The array is shared, not copied. */
    public float[] interleaved() {
        return interleaved;
    }

    public int channels() {
        return channels;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Number of sample frames (samples per channel). */
    public long frames() {
        return interleaved.length / channels;
    }

    public double durationSeconds() {
        return (double) frames() / sampleRate;
    }

    /** Container/codec detected from the file content: "wav", "flac", "ogg-vorbis" or "mp3". */
    public String format() {
        return format;
    }

    /** Channel average (a new array). */
    public float[] mono() {
        int n = (int) frames();
        float[] m = new float[n];
        for (int i = 0, k = 0; i < n; i++) {
            float s = 0;
            for (int c = 0; c < channels; c++) {
                s += interleaved[k++];
            }
            m[i] = s / channels;
        }
        return m;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "DecodedAudio[%s, %d ch, %d Hz, %.3f s]",
                format, channels, sampleRate, durationSeconds());
    }
}
