package dev.aivj.engine.audio;

/** Mixes interleaved multi-channel PCM down to mono by averaging the channels. */
public final class MonoMixer {
    private MonoMixer() {
    }

    public static float[] mix(float[] interleaved, int channels) {
        if (channels == 1) {
            return interleaved.clone();
        }
        int frames = interleaved.length / channels;
        float[] mono = new float[frames];
        if (channels == 2) { // the common case, without the inner loop: same sums, (0 + l + r) = (l + r)
            for (int from = 0; from < frames; from += SignalLevels.BLOCK) { // short calls: see SignalLevels.BLOCK
                mixStereo(interleaved, mono, from, Math.min(frames, from + SignalLevels.BLOCK));
            }
            return mono;
        }
        float scale = 1.0f / channels;
        for (int f = 0, i = 0; f < frames; f++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[i++];
            }
            mono[f] = sum * scale;
        }
        return mono;
    }

    private static void mixStereo(float[] interleaved, float[] mono, int from, int to) {
        for (int f = from; f < to; f++) {
            mono[f] = (interleaved[2 * f] + interleaved[2 * f + 1]) * 0.5f;
        }
    }
}
