package dev.aivj.training.tempo;

import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.audioio.DecodedAudio;
import dev.aivj.audioio.MusicCache;
import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.PreparedSignal;
import dev.aivj.engine.features.Tempo;
import dev.aivj.engine.features.TempoEstimator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./aivj eval-tempo}: engine-core's tempo against real references (tempo/tempo-references.csv: the Frets
 * on Fire charts' tempo maps and tracker modules' headers), as MIREX Accuracy1/Accuracy2, overall and per source,
 * before (the 60–180 BPM estimator engine-core had until issue 14) and after (engine-core's TempoEstimator).
 *
 * <p>Each reference is re-read from its file first (the chart's notes.mid, the module's header) and must match
 * the list, so the list cannot drift from its sources. Both estimators see the same onset envelope.
 *
 * <pre>./aivj eval-tempo [--music DIR] [--references FILE]</pre>
 */
public final class TempoEvaluation {
    private static final double LEGACY_MIN_BPM = 60.0;
    private static final double LEGACY_MAX_BPM = 180.0;

    /** One song's result. */
    public record Row(TempoReference ref, double before, double after, double afterMillis) {
    }

    private TempoEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        Path music = MusicCache.dir();
        List<TempoReference> refs = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--music" -> music = Path.of(args[++i]);
                case "--references" -> refs = TempoReference.read(Path.of(args[++i]));
                default -> {
                    System.err.println("usage: eval-tempo [--music DIR] [--references FILE]");
                    System.exit(2);
                }
            }
        }
        if (refs == null) {
            refs = TempoReference.bundled();
        }
        List<Row> rows = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-7s %-28s %8s  %8s %-5s  %8s %-5s%n", "source", "song", "ref BPM",
                "before", "", "after", "");
        for (TempoReference ref : refs) {
            Row row = evaluate(ref, music);
            rows.add(row);
            System.out.printf(Locale.ROOT, "%-7s %-28s %8.2f  %8.2f %-5s  %8.2f %-5s%n", ref.source(), ref.name(),
                    ref.bpm(), row.before(), marks(row.before(), ref.bpm()), row.after(),
                    marks(row.after(), ref.bpm()));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "MIREX accuracy (Acc1: within 4 %%; Acc2: also at x2, x1/2, x3, x1/3); "
                + "before: the 60-180 BPM estimator, after: engine-core's, %.0f-%.0f BPM%n", AnalysisSettings.MIN_BPM,
                AnalysisSettings.MAX_BPM);
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(r.ref().source(), k -> new ArrayList<>()).add(r);
        }
        groups.put("all", rows);
        System.out.printf(Locale.ROOT, "%-7s %5s  %-17s  %-17s%n", "source", "songs", "before: Acc1  Acc2",
                "after: Acc1  Acc2");
        for (Map.Entry<String, List<Row>> g : groups.entrySet()) {
            System.out.printf(Locale.ROOT, "%-7s %5d  %7.1f %% %5.1f %%  %6.1f %% %5.1f %%%n", g.getKey(),
                    g.getValue().size(), percent(g.getValue(), true, false), percent(g.getValue(), true, true),
                    percent(g.getValue(), false, false), percent(g.getValue(), false, true));
        }
        double slowest = rows.stream().mapToDouble(Row::afterMillis).max().orElse(0);
        System.out.printf(Locale.ROOT, "tempo estimation (after; onsets given, warm JVM): at most %.1f ms per song%n",
                slowest);
    }

    /** Analyses one reference's audio with both estimators, after checking the reference against its source. */
    public static Row evaluate(TempoReference ref, Path music) throws Exception {
        Path audioFile = ref.audio(music);
        if (!Files.isRegularFile(audioFile)) {
            throw new IllegalStateException(audioFile + " not found: run scripts/fetch-music.sh and "
                    + "scripts/fetch-tempo-refs.sh (./aivj eval-tempo runs both)");
        }
        DecodedAudio audio = AudioFileDecoder.decode(audioFile);
        AudioAnalyzer analyzer = new AudioAnalyzer();
        PreparedSignal prepared = analyzer.prepare(audio.interleaved(), audio.channels(), audio.sampleRate());
        checkReference(ref, music, prepared.durationSeconds());
        float[] onset = analyzer.features(prepared).onset();
        double frameRate = AnalysisSettings.frameRate();
        Tempo before = new LegacyTempoEstimator(frameRate, LEGACY_MIN_BPM, LEGACY_MAX_BPM).estimate(onset);
        TempoEstimator estimator = new TempoEstimator(frameRate, AnalysisSettings.MIN_BPM, AnalysisSettings.MAX_BPM);
        Tempo after = estimator.estimate(onset);
        double millis = Double.POSITIVE_INFINITY;
        for (int run = 0; run < 5; run++) { // the fastest of 5: the estimator's own cost, not the JIT's warm-up
            long start = System.nanoTime();
            estimator.estimate(onset);
            millis = Math.min(millis, (System.nanoTime() - start) / 1e6);
        }
        return new Row(ref, before.bpm(), after.bpm(), millis);
    }

    /** Throws unless the reference file still gives the listed tempo (a chart's over the song's length). */
    static void checkReference(TempoReference ref, Path music, double songSeconds) throws IOException {
        Path file = ref.referenceFile(music);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " not found: run scripts/fetch-music.sh and "
                    + "scripts/fetch-tempo-refs.sh (./aivj eval-tempo runs both)");
        }
        double actual;
        if (ref.source().equals(TempoReference.MODULE)) {
            ModuleTempo m = ModuleTempo.read(file);
            if (!m.ruleApplies()) {
                throw new IllegalStateException(file + ": tempo*6/speed does not clearly apply: " + m.describe());
            }
            actual = m.bpm();
        } else {
            actual = MidiTempoMap.read(file.toFile()).medianBpm(songSeconds);
        }
        if (Math.abs(actual - ref.bpm()) > 0.01) {
            throw new IllegalStateException(ref.name() + ": the list says " + ref.bpm() + " BPM, " + file + " "
                    + actual);
        }
    }

    private static String marks(double estimate, double reference) {
        return MirexAccuracy.accuracy1(estimate, reference) ? "ok"
                : MirexAccuracy.accuracy2(estimate, reference) ? "(ok)" : "-";
    }

    private static double percent(List<Row> rows, boolean before, boolean accuracy2) {
        long hits = rows.stream().filter(r -> {
            double est = before ? r.before() : r.after();
            double ref = r.ref().bpm();
            return accuracy2 ? MirexAccuracy.accuracy2(est, ref) : MirexAccuracy.accuracy1(est, ref);
        }).count();
        return rows.isEmpty() ? 0 : 100.0 * hits / rows.size();
    }
}
