package dev.aivj.engine.analysis;

/**
 * Decides whether there is enough signal to have a style: per music-model step, and for a whole song. Levels are
 * RMS in dBFS, 20·log10(rms) with 1.0 = full scale (a full-scale sine reads −3 dBFS). The whole-song path
 * measures after DC removal, so a gap of zeros in a track with a DC offset reads "below −60 dBFS" rather than
 * "digital silence"; the live path has no DC removal.
 *
 * <ul>
 *   <li>A step (its frames' RMS, power-averaged) below {@value #FLOOR_DBFS} dBFS has no style: the model's softmax
 *       names a label for any input, silence included (digital silence read as "chiptune 47 %").
 *       −60 dBFS is well above 16-bit dither (about −95 dBFS) and the noise floor of digital recordings
 *       (typically −70..−90 dBFS), and 20 dB below a quiet ambient passage (−40 dBFS) that must keep its style.
 *       Analogue hiss (tape, vinyl) can reach −60..−50 dBFS: such a gap reads like very quiet music. Measured on the five real
 *       tracks of the test music (four Frets on Fire songs, a chiptune): 0–5 % of their steps are below it, all in
 *       the lead-in before the first note or the fade-out; scaled to −40 dBFS RMS, 0–6 % (SilenceStyleTest).</li>
 *   <li>A step whose samples are all zero is "digital silence"; any other step below the floor is "below −60 dBFS".</li>
 *   <li>A song has no style when under {@value #MIN_SIGNAL_SHARE_PERCENT} % of its steps have signal: a few
 *       stray steps (a click, a tail) are too little to stand for a song.</li>
 * </ul>
 */
public final class SignalGate {
    /** Steps quieter than this have no style. */
    public static final double FLOOR_DBFS = -60.0;
    /** A song needs at least this share of steps with signal to have a style. */
    public static final int MIN_SIGNAL_SHARE_PERCENT = 10;
    /** Reason prefix of every no-style reading. */
    public static final String SILENCE = "silence";
    public static final String DIGITAL_SILENCE = SILENCE + ": digital silence";
    public static final String BELOW_FLOOR = SILENCE + ": below " + (int) FLOOR_DBFS + " dBFS";

    private SignalGate() {
    }

    /**
     * The level of each of {@code steps} model steps of {@code framesPerStep} frames (step s: frames
     * [s·P, (s+1)·P)), in dBFS; {@link Double#NEGATIVE_INFINITY} for digital silence.
     */
    public static double[] stepLevels(float[] frameRms, int framesPerStep, int steps) {
        double[] levels = new double[steps];
        for (int s = 0; s < steps; s++) {
            double power = 0;
            int n = 0;
            for (int f = s * framesPerStep; f < (s + 1) * framesPerStep && f < frameRms.length; f++) {
                power += (double) frameRms[f] * frameRms[f];
                n++;
            }
            levels[s] = dbfs(n == 0 ? 0 : power / n);
        }
        return levels;
    }

    /** 10·log10(mean square): dBFS of an RMS level; −∞ for 0. */
    public static double dbfs(double meanSquare) {
        return meanSquare > 0 ? 10 * Math.log10(meanSquare) : Double.NEGATIVE_INFINITY;
    }

    /** Why a step at {@code dbfs} has no style, or {@code null} when it has signal. */
    public static String stepReason(double dbfs) {
        if (dbfs == Double.NEGATIVE_INFINITY) {
            return DIGITAL_SILENCE;
        }
        return dbfs < FLOOR_DBFS ? BELOW_FLOOR : null;
    }

    /**
     * Why a song whose steps are at {@code levels} has no style, or {@code null} when it has enough signal. A song
     * with no steps at all is not judged here (it is too short for the model, not silent).
     */
    public static String songReason(double[] levels) {
        if (levels.length == 0) {
            return null;
        }
        int signal = 0;
        int digital = 0;
        for (double l : levels) {
            String r = stepReason(l);
            if (r == null) {
                signal++;
            } else if (r.equals(DIGITAL_SILENCE)) {
                digital++;
            }
        }
        if (signal * 100L >= (long) MIN_SIGNAL_SHARE_PERCENT * levels.length) {
            return null;
        }
        if (digital == levels.length) {
            return DIGITAL_SILENCE;
        }
        if (signal == 0) {
            return BELOW_FLOOR;
        }
        return SILENCE + ": " + (100 * signal / levels.length) + " % of the song is above " + (int) FLOOR_DBFS
                + " dBFS (needs " + MIN_SIGNAL_SHARE_PERCENT + " %)";
    }
}
