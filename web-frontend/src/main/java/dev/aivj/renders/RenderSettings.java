package dev.aivj.renders;

import java.util.List;

/**
 * How golden pairs are rendered: the layers' drawing-buffer size and which frames are kept (frame k is drawn at
 * k/60 s on the preset checker's reference audio, 735 samples a frame from its start).
 */
public record RenderSettings(int width, int height, List<Integer> frames) {

    /** 160x120, frames 30, 60 and 90 (0.5, 1 and 1.5 s): feedback presets have built their picture up by then. */
    public static final RenderSettings DEFAULT = new RenderSettings(160, 120, List.of(30, 60, 90));

    public RenderSettings {
        if (width < 2 || height < 2) throw new IllegalArgumentException("render size " + width + "x" + height);
        frames = List.copyOf(frames);
        if (frames.isEmpty() || frames.stream().anyMatch(k -> k < 1)) {
            throw new IllegalArgumentException("frames must be 1 or more: " + frames);
        }
    }
}
