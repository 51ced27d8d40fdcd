package dev.aivj.cli;

import dev.aivj.renders.GoldenPair;
import dev.aivj.renders.GoldenPairs;
import dev.aivj.renders.GoldenRenders;
import dev.aivj.renders.RenderSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code aivj golden-renders --pairs FILE --out DIR [--limit N] [--width W --height H --frames 30,60,90]}: renders
 * the first N pairs of a pair library (all by default) in headless Chromium on a fixed clock and writes their frames
 * and {@code renders.json} to DIR ({@link GoldenRenders}). Exit 0 when every pair rendered, 1 when one failed (it is
 * listed in the manifest with why), 2 for a usage error.
 */
final class GoldenRendersCommand {
    static final String USAGE = "usage: aivj golden-renders --pairs FILE --out DIR [--limit N] [--width W --height H"
            + " --frames 30,60,90]";

    private GoldenRendersCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        RenderSettings settings;
        Path pairsFile, dir;
        int limit;
        try {
            RenderArgs a = new RenderArgs(args, Set.of("--pairs", "--out", "--limit", "--width", "--height", "--frames"));
            pairsFile = Path.of(a.required("--pairs"));
            dir = Path.of(a.required("--out"));
            limit = (int) a.number("--limit", Integer.MAX_VALUE);
            RenderSettings d = RenderSettings.DEFAULT;
            List<Integer> frames = a.get("--frames", null) == null ? d.frames()
                    : Arrays.stream(a.get("--frames", "").split(",")).map(s -> Integer.parseInt(s.trim())).toList();
            settings = new RenderSettings((int) a.number("--width", d.width()), (int) a.number("--height", d.height()),
                    frames);
            if (limit < 1) throw new IllegalArgumentException("--limit must be 1 or more");
        } catch (IllegalArgumentException e) {
            err.println("aivj: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            List<GoldenPair> pairs = GoldenPairs.read(pairsFile, limit);
            long started = System.nanoTime();
            GoldenRenders.Summary s = GoldenRenders.write(pairs, settings, dir, out);
            out.printf("%d pairs rendered, %d failed, in %.1f s: %s%n", s.rendered().size(), s.failed().size(),
                    (System.nanoTime() - started) / 1e9, dir.resolve("renders.json"));
            return s.failed().isEmpty() ? 0 : 1;
        } catch (IOException | IllegalStateException e) {
            err.println("aivj: " + e.getMessage());
            return 1;
        }
    }
}
