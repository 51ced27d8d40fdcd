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
}
