package dev.aivj.renders;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders pairs in headless Chromium ({@link PairRenderer}) into a golden-renders folder ({@link RenderFolder}). */
public final class GoldenRenders {

    /** What a run wrote: the pairs rendered and those that failed, with why. */
    public record Summary(List<RenderFolder.Entry> rendered, Map<GoldenPair, String> failed) {
    }

    private GoldenRenders() {
    }

    /** Starts a renderer for the run; see {@link #write(PairRenderer, List, RenderSettings, Path, PrintStream)}. */
    public static Summary write(List<GoldenPair> pairs, RenderSettings settings, Path out, PrintStream log)
            throws IOException {
        try (PairRenderer renderer = PairRenderer.start()) {
            return write(renderer, pairs, settings, out, log);
        }
    }

    /** Renders each pair and writes its frames and the folder's manifest; one line per pair on {@code log}. */
    public static Summary write(PairRenderer renderer, List<GoldenPair> pairs, RenderSettings settings, Path out,
            PrintStream log) throws IOException {
        List<RenderFolder.Entry> rendered = new ArrayList<>();
        Map<GoldenPair, String> failed = new LinkedHashMap<>();
        for (GoldenPair pair : pairs) {
            try {
                PairRenderer.PairRender render = renderer.render(pair, settings);
                RenderFolder.writeFrames(out, pair.key(), settings, render.frames());
                rendered.add(new RenderFolder.Entry(pair.key(), pair.fg(), pair.bg(), pair.ws(), pair.wt(),
                        render.msPerFrame()));
                log.printf("rendered %s (%.1f ms a frame)%n", pair.key(), render.msPerFrame());
            } catch (IOException e) {
                failed.put(pair, e.getMessage());
                log.printf("FAILED %s: %s%n", pair.key(), e.getMessage());
            }
        }
        RenderFolder.writeManifest(out, settings, rendered, failed);
        return new Summary(rendered, failed);
    }
}
