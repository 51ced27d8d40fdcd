package dev.aivj.engine;

/** Synthetic test signals with known answers. */
public final class Signals {
    private Signals() {
    }

    public static float[] sine(double hz, double amplitude, double seconds, int rate) {
        float[] s = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    /** A click every 60/bpm seconds: a 10 ms decaying 2 kHz burst, like a metronome. */
    public static float[] clickTrack(double bpm, double seconds, int rate) {
        float[] s = new float[(int) Math.round(seconds * rate)];
        double period = 60.0 / bpm;
        int clickLength = rate / 100;
        for (double t = 0.25; t < seconds; t += period) {
            int start = (int) Math.round(t * rate);
            for (int i = 0; i < clickLength && start + i < s.length; i++) {
                double decay = Math.exp(-5.0 * i / clickLength);
                s[start + i] += (float) (0.8 * decay * Math.sin(2 * Math.PI * 2000 * i / rate));
            }
        }
        return s;
    }

    public static float[] constant(float value, int samples) {
        float[] s = new float[samples];
        java.util.Arrays.fill(s, value);
        return s;
    }
}
