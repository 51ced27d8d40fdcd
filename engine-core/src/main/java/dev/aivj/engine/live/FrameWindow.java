package dev.aivj.engine.live;

import dev.aivj.engine.features.FrameFeatures;

/**
 * The last {@code capacity} frames of a live stream's features (RMS, spectral shape, onset; no log-mel), oldest
 * first: what the live tempo, sections and section targets look at. Frame i of {@link #features()} is the stream's
 * frame {@link #firstFrame()} + i.
 */
final class FrameWindow {
    private static final int COLUMNS = 7; // rms, centroid, flux, onset, low, mid, high
    private final int capacity;
    private final float[][] columns;
    private int size;
    private long firstFrame;

    FrameWindow(int capacity) {
        this.capacity = capacity;
        this.columns = new float[COLUMNS][capacity];
    }

    /** Appends a push's new frames, dropping the oldest beyond the capacity. */
    void append(FrameFeatures f) {
        float[][] in = {f.rms(), f.centroidHz(), f.flux(), f.onset(), f.low(), f.mid(), f.high()};
        int n = f.frames();
        int skip = Math.max(0, n - capacity); // a push longer than the window keeps its last frames
        int keep = Math.min(size, capacity - (n - skip));
        int drop = size - keep;
        for (int c = 0; c < COLUMNS; c++) {
            System.arraycopy(columns[c], drop, columns[c], 0, keep);
            System.arraycopy(in[c], skip, columns[c], keep, n - skip);
        }
        firstFrame += drop + skip;
        size = keep + n - skip;
    }

    int size() {
        return size;
    }

    long firstFrame() {
        return firstFrame;
    }

    /** The window as frame features (copies; log-mel empty). */
    FrameFeatures features() {
        float[][] c = new float[COLUMNS][];
        for (int k = 0; k < COLUMNS; k++) {
            c[k] = java.util.Arrays.copyOf(columns[k], size);
        }
        return new FrameFeatures(size, 0, new float[0], c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
    }
}
