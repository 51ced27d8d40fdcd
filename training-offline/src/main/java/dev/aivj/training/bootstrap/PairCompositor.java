package dev.aivj.training.bootstrap;

import dev.aivj.engine.looks.CompositeFrames;
import dev.aivj.engine.looks.FrameMeasures;
import dev.aivj.presets.PresetFrames;
import java.util.Arrays;

/**
 * Composites a pair from the frames its two presets rendered on the same reference audio: frame k of the
 * foreground over frame k of the background, {@link #BLEND} at {@link #OPACITY} (the page's default layer mix).
 * The kept frames come in consecutive pairs, so motion is measured within each pair.
 */
public final class PairCompositor {
    public static final CompositeFrames.Blend BLEND = CompositeFrames.Blend.SCREEN;
    public static final double OPACITY = 0.7;

    private PairCompositor() {
    }

    public static CompositeLook measure(PresetFrames fg, PresetFrames bg) {
        if (fg.width() != bg.width() || fg.height() != bg.height() || !Arrays.equals(fg.indices(), bg.indices())) {
            throw new IllegalArgumentException("the two presets' frames were not taken alike (" + fg.width() + "x"
                    + fg.height() + " vs " + bg.width() + "x" + bg.height() + ", or other frame numbers)");
        }
        int w = fg.width();
        int h = fg.height();
        int size = fg.frameBytes();
        byte[] out = new byte[size];
        double luma = 0;
        double lumaMin = Double.MAX_VALUE;
        double contrast = 0;
        double edges = 0;
        double colour = 0;
        double motion = 0;
        int motionPairs = 0;
        FrameMeasures previous = null;
        int n = fg.count();
        for (int k = 0; k < n; k++) {
            CompositeFrames.composite(fg.rgb(), k * size, bg.rgb(), k * size, w * h, BLEND, OPACITY, out, 0);
            FrameMeasures c = FrameMeasures.of(out, 0, w, h);
            luma += c.lumaMean;
            lumaMin = Math.min(lumaMin, c.lumaMean);
            edges += c.edgeShare;
            colour += c.colourfulness;
            contrast += FrameMeasures.of(fg.rgb(), k * size, w, h)
                    .meanLumaDifference(FrameMeasures.of(bg.rgb(), k * size, w, h));
            if (previous != null && fg.indices()[k] == fg.indices()[k - 1] + 1) {
                motion += c.meanLumaDifference(previous);
                motionPairs++;
            }
            previous = c;
        }
        return new CompositeLook(luma / n, lumaMin, motionPairs == 0 ? 0 : motion / motionPairs, contrast / n,
                edges / n, colour / n);
    }
}
