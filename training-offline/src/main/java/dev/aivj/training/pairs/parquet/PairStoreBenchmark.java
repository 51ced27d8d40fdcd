package dev.aivj.training.pairs.parquet;

import dev.aivj.training.pairs.PairsManifest;
import dev.aivj.training.pairs.PairsManifestReader;
import dev.aivj.training.pairs.PairsManifestWriter;
import dev.aivj.training.pairs.PairsQuality;
import dev.aivj.training.pairs.PairsQualityReader;
import dev.aivj.training.pairs.PairsQualityWriter;
import dev.aivj.training.pairs.PresetPair;
import dev.aivj.training.pairs.QualityStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ./aivj bench-pairs [--rows N] [--repeats N] [--seed N] [--dir DIR]}: read throughput of the same
 * SYNTHETIC pair rows ({@link SyntheticPairRows}) stored as the team's JSON ({@link PairsJsonForm}) and as the
 * Parquet store. Each is written once, read once untimed (and checked equal to the rows), then read
 * {@code repeats} times, the two formats taking turns, with a GC before each read; one thread. Prints rows, bytes
 * on disk, write time, median and p95 read time, rows/s at the median, and Parquet/JSON ratios. A benchmark to
 * run by hand, not a test: the numbers depend on the machine and its load.
 */
public final class PairStoreBenchmark {
    private interface Reader {
        List<PresetPair> read() throws IOException;
    }

    private PairStoreBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rows = 200_000;
        int repeats = 7;
        long seed = 1;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--rows" -> rows = positive(a, v);
                case "--repeats" -> repeats = positive(a, v);
                case "--seed" -> seed = Long.parseLong(require(a, v));
                case "--dir" -> dir = Path.of(require(a, v));
                default -> usage("unknown argument " + a);
            }
            i++;
        }
        Path work = dir == null ? Files.createTempDirectory("aivj-bench-pairs") : dir;
        try {
            run(rows, repeats, seed, work);
        } finally {
            if (dir == null) {
                deleteTree(work);
            }
        }
    }

    private static void run(int n, int repeats, long seed, Path work) throws IOException {
        List<PresetPair> rows = SyntheticPairRows.rows(n, seed);
        Path manifest = work.resolve("json/pairs-manifest.json");
        Path quality = work.resolve("json/pairs-quality.v0.json");
        Path parquet = work.resolve("parquet");
        if (Files.exists(manifest) || Files.exists(parquet)) {
            usage(work + " already holds a benchmark's files");
        }
        long t0 = System.nanoTime();
        PairsManifest m = PairsJsonForm.manifest(rows, "synthetic-bench", PairsManifest.timestamp(
                OffsetDateTime.now()), "SYNTHETIC rows (SyntheticPairRows, seed " + seed + "), not the team's data");
        new PairsManifestWriter().write(manifest, m);
        PairsQuality q = PairsJsonForm.quality(rows);
        if (q != null) {
            new PairsQualityWriter().write(quality, q);
        }
        double jsonWrite = ms(System.nanoTime() - t0);
        t0 = System.nanoTime();
        new ParquetPairStore().write(parquet, rows);
        double parquetWrite = ms(System.nanoTime() - t0);

        Reader json = () -> PairsJsonForm.rows(new PairsManifestReader().read(manifest),
                Files.exists(quality) ? new PairsQualityReader().read(quality) : null);
        Reader pq = () -> new ParquetPairStore().read(parquet);
        check("JSON", json, rows);
        check("Parquet", pq, rows);
        double[] jsonMs = new double[repeats];
        double[] pqMs = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            jsonMs[i] = time(json);
            pqMs[i] = time(pq);
        }
        Row j = new Row("JSON", n, size(manifest.getParent()), jsonWrite, jsonMs);
        Row p = new Row("Parquet", n, size(parquet), parquetWrite, pqMs);
        System.out.printf(Locale.ROOT, "Pair store read benchmark: %,d SYNTHETIC rows (SyntheticPairRows, seed %d), "
                + "%d timed reads each after 1 untimed read checked equal to the rows; Java %s, %d CPUs%n", n, seed,
                repeats, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.println("  JSON    = pairs-manifest.json + pairs-quality.v0.json (PairsManifestReader/"
                + "PairsQualityReader, Jackson)");
        System.out.println("  Parquet = score_bin=K/rank_quartile=Q/part-00000.snappy.parquet (ParquetPairStore)");
        System.out.println();
        String fmt = "%-13s %9s %14s %10s %11s %9s %14s%n";
        System.out.printf(Locale.ROOT, fmt, "format", "rows", "bytes on disk", "write ms", "median ms", "p95 ms",
                "rows/s");
        for (Row r : List.of(j, p)) {
            System.out.printf(Locale.ROOT, fmt, r.name, String.format(Locale.ROOT, "%,d", r.rows),
                    String.format(Locale.ROOT, "%,d", r.bytes), f1(r.writeMs), f1(r.median()), f1(r.p95()),
                    String.format(Locale.ROOT, "%,.0f", r.rowsPerSecond()));
        }
        System.out.printf(Locale.ROOT, fmt, "Parquet/JSON", "", f3((double) p.bytes / j.bytes),
                f3(p.writeMs / j.writeMs), f3(p.median() / j.median()), f3(p.p95() / j.p95()),
                f3(p.rowsPerSecond() / j.rowsPerSecond()));
    }

    private record Row(String name, int rows, long bytes, double writeMs, double[] readMs) {
        double median() {
            return percentile(50);
        }

        double p95() {
            return percentile(95);
        }

        double rowsPerSecond() {
            return rows / (median() / 1000);
        }

        private double percentile(double q) {
            double[] s = readMs.clone();
            Arrays.sort(s);
            return QualityStats.percentile(s, q);
        }
    }

    private static void check(String name, Reader r, List<PresetPair> rows) throws IOException {
        if (!r.read().equals(rows)) {
            throw new IllegalStateException(name + " did not read back the rows written");
        }
    }

    private static double time(Reader r) throws IOException {
        System.gc();
        long t0 = System.nanoTime();
        List<PresetPair> got = r.read();
        long t = System.nanoTime() - t0;
        if (got.isEmpty() && t < 0) {
            throw new IllegalStateException(); // keeps the result alive
        }
        return ms(t);
    }

    private static long size(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            long total = 0;
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static int positive(String flag, String v) {
        try {
            int n = Integer.parseInt(require(flag, v));
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usage(flag + " needs a whole number >= 1, got " + v);
        return 0;
    }

    private static String require(String flag, String v) {
        if (v == null) {
            usage(flag + " needs a value");
        }
        return v;
    }

    private static void usage(String problem) {
        System.err.println("bench-pairs: " + problem);
        System.err.println("usage: ./aivj bench-pairs [--rows N] [--repeats N] [--seed N] [--dir DIR]");
        System.exit(2);
    }
}
