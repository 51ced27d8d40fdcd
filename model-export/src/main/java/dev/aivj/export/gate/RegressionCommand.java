package dev.aivj.export.gate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.audioio.MusicCache;
import dev.aivj.engine.Engine;
import dev.aivj.export.coupling.CouplingBundle;
import dev.aivj.presets.PresetLibrary;
import dev.aivj.registry.ModelRegistry;
import dev.aivj.training.coupling.CouplingPairs;
import dev.aivj.training.coupling.LibraryVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * {@code ./aivj regression [--full] [--record] [--reference FILE] [--model DIR]}: the stratified regression set
 * ({@link StratifiedSet}; fast by default, every pair with --full) on the bootstrap pack, the model's outputs beside
 * the recorded reference ({@link DualTrack}), per-bucket pass rates; then the engine's plans of two songs beside
 * theirs ({@link EngineTrack}). Exits 1 when a pair or a plan differs. {@code --record} writes both references.
 */
public final class RegressionCommand {
    private RegressionCommand() {
    }

    public static void main(String[] args) throws IOException {
        boolean full = false;
        boolean record = false;
        Path reference = RegressionReference.DEFAULT;
        Path model = PromoteCommand.BUNDLED;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--full" -> full = true;
                case "--record" -> record = true;
                case "--reference" -> reference = Path.of(args[++i]);
                case "--model" -> model = Path.of(args[++i]);
                default -> {
                    System.err.println("regression: unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        long started = System.nanoTime();
        CouplingPairs.Loaded pack = CouplingPairs.load(Path.of("data/bootstrap-pairs/candidates/pairs-manifest.json"),
                Path.of("data/bootstrap-pairs/elite/pairs-manifest.json"),
                LibraryVectors.read(LibraryVectors.DEFAULT_STATUS, PresetLibrary.resolveRoot(null)));
        PackScores now = PackScores.of(CouplingBundle.load(model), pack.pairs());
        String modelName = model + " (sha256 " + ModelRegistry.hashOf(model).substring(0, 12) + ")";
        Map<String, ObjectNode> plans = enginePlans();
        if (record) {
            RegressionReference.write(reference, modelName, pack.pack(), pack.pairs(), now);
            EngineTrack.record(EngineTrack.DEFAULT_REFERENCE, plans);
            System.out.println("regression: recorded " + modelName + " on " + pack.pairs().size() + " pairs -> " + reference
                    + "; the engine's plans of " + plans.keySet() + " -> " + EngineTrack.DEFAULT_REFERENCE);
            return;
        }
        int engineDifferences = 0;
        for (Map.Entry<String, ObjectNode> p : plans.entrySet()) {
            List<String> d = EngineTrack.differences(EngineTrack.reference(EngineTrack.DEFAULT_REFERENCE, p.getKey()), p.getValue());
            engineDifferences += d.size();
            System.out.printf(Locale.ROOT, "regression: engine track, %s: %d difference(s) beyond visual %.1f %% / one frame%n",
                    p.getKey(), d.size(), 100 * EngineTrack.VISUAL_TOLERANCE);
            d.stream().limit(10).forEach(line -> System.out.println("  " + line));
        }
        List<StratifiedSet.Member> set = full ? StratifiedSet.full(pack.pairs()) : StratifiedSet.fast(pack.pairs());
        List<DualTrack.PairResult> results = DualTrack.compare(set,
                RegressionReference.read(reference, pack.pack(), pack.pairs()), DualTrack.outputs(now));
        DualTrack.Buckets b = DualTrack.buckets(results);
        System.out.printf(Locale.ROOT, "regression (%s set, %d pairs): %s beside %s: %s; %.1f s%n", full ? "full" : "fast",
                set.size(), modelName, RegressionReference.model(reference), b.line(), (System.nanoTime() - started) / 1e9);
        results.stream().filter(r -> !r.passes()).limit(10).forEach(r -> System.out.printf(Locale.ROOT,
                "  pair #%d (%s): reference %s, now %s%n", pack.pairs().get(r.index()).pair(), r.bucket(),
                java.util.Arrays.toString(r.old()), java.util.Arrays.toString(r.now())));
        System.exit(b.allPass() && engineDifferences == 0 ? 0 : 1);
    }

    /** The shipped engine's plans of the regression songs (the music cache's: ./aivj fetch-music). */
    static Map<String, ObjectNode> enginePlans() throws IOException {
        Engine engine = EngineTrack.shippedEngine(Path.of("web-frontend/src/main/resources/web"));
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        out.put("Metal madness", EngineTrack.plan(engine, MusicCache.sectoidSong("Metal madness")));
        out.put("chiptune", EngineTrack.plan(engine, MusicCache.chiptune()));
        return out;
    }
}
