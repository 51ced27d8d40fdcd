package dev.aivj.training;

import dev.aivj.engine.features.FrameFeatures;

/**
 * Cuts a song's log-mel spectrogram (from engine-core, the same code the browser runs) into fixed-length,
 * overlapping patches: the music model's training examples. Training never computes features any other way,
 * so the model cannot learn from input that differs from what it sees in the browser.
 */
public final class MelPatches {
    private final int patchFrames;
    private final int hopFrames;

    public MelPatches(int patchFrames, int hopFrames) {
        if (patchFrames < 1 || hopFrames < 1) {
            throw new IllegalArgumentException("patch and hop lengths must be positive");
        }
        this.patchFrames = patchFrames;
        this.hopFrames = hopFrames;
    }

    public int hopFrames() {
        return hopFrames;
    }

    /** Number of whole patches in a song of {@code frames} frames (a song shorter than one patch gives none). */
    public int count(int frames) {
        return frames < patchFrames ? 0 : 1 + (frames - patchFrames) / hopFrames;
    }

    /** Patch {@code index} as [patchFrames × melBands], frame-major, copied out of the song's spectrogram. */
    public float[] patch(FrameFeatures features, int index) {
        if (index < 0 || index >= count(features.frames())) {
            throw new IndexOutOfBoundsException("patch " + index + " of " + count(features.frames()));
        }
        int bands = features.melBands();
        float[] out = new float[patchFrames * bands];
        System.arraycopy(features.logMel(), index * hopFrames * bands, out, 0, out.length);
        return out;
    }

    /** Start time of patch {@code index} in seconds. */
    public double startSeconds(int index, double frameRate) {
        return index * hopFrames / frameRate;
    }
}
