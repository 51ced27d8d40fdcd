package dev.aivj.export.coupling;

import dev.aivj.engine.looks.MeasuredLook;
import dev.aivj.engine.recommend.LibraryPair;
import dev.aivj.engine.recommend.LookPercentiles;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.engine.recommend.RatingPrior;
import dev.aivj.presets.PresetLibrary;
import dev.aivj.presets.PresetRatings;
import dev.aivj.training.coupling.CouplingPairs;
import dev.aivj.training.coupling.LibraryVectors;
import dev.aivj.training.coupling.RankingMetrics;
import dev.aivj.training.pairs.ManifestPair;
import dev.aivj.training.pairs.PairQuality;
import dev.aivj.training.pairs.PairsManifestReader;
import dev.aivj.training.pairs.PairsQualityReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * {@code ./aivj rating-prior [--out FILE]}: what the presets' fRating is worth as a prior, measured. How many presets
 * carry a rating other than MilkDrop's default; whether it agrees with each measured look (Spearman ρ over the
 * presets with a measured look) and with the pairs' rendered bootstrap score (the candidate pairs); and how the
 * pair library changes under {@link RatingPrior}: its pairs ranked by quality alone against quality × the prior.
 */
public final class RatingPriorReport {
    static final Path CANDIDATES = Path.of("data/bootstrap-pairs/candidates");
    static final int TOP = 100;

    private RatingPriorReport() {
    }

    public static String report(Map<String, Double> ratings, Map<String, float[]> vectors, Path candidates,
            PairLibrary library) throws IOException {
        StringBuilder out = new StringBuilder("# fRating as a prior: measured\n\n");
        long rated = ratings.values().stream().filter(r -> r != RatingPrior.NEUTRAL).count();
        out.append(String.format(Locale.ROOT, "%d presets, %d with an fRating other than MilkDrop's default 3 "
                + "(%.0f %%).%n%n", ratings.size(), rated, 100.0 * rated / ratings.size()));
        out.append("## Agreement with the measured looks (Spearman ρ, presets with a usable measured look)\n\n");
        out.append("| look measure | ρ, all presets | ρ, presets rated other than 3 |\n|---|---|---|\n");
        List<String> ids = vectors.keySet().stream().filter(ratings::containsKey)
                .filter(id -> LookPercentiles.usable(PairLibraryExporter.look(vectors.get(id)))).toList();
        List<String> ratedIds = ids.stream().filter(id -> ratings.get(id) != RatingPrior.NEUTRAL).toList();
        String[] names = MeasuredLook.names();
        for (int slot = 0; slot < MeasuredLook.BLANK; slot++) {
            out.append(String.format(Locale.ROOT, "| %s | %+.3f | %+.3f |%n", names[slot],
                    rho(ids, ratings, vectors, slot), rho(ratedIds, ratings, vectors, slot)));
        }
        out.append(String.format(Locale.ROOT, "%n(%d usable measured presets; %d rated other than 3.)%n%n", ids.size(),
                ratedIds.size()));

        List<ManifestPair> pairs = new PairsManifestReader().read(candidates.resolve("pairs-manifest.json")).pairs();
        Map<Integer, Double> score = new java.util.HashMap<>();
        for (PairQuality q : new PairsQualityReader().read(candidates.resolve("pairs-quality.v0.json")).pairs()) {
            score.put(q.pair(), q.quality01());
        }
        List<double[]> ratedPairs = new ArrayList<>();
        for (ManifestPair p : pairs) {
            Double fg = ratings.get(CouplingPairs.presetId(p, "fg", p.fgUrl()));
            Double bg = ratings.get(CouplingPairs.presetId(p, "bg", p.bgUrl()));
            if (fg != null && bg != null && score.containsKey(p.pair())) {
                ratedPairs.add(new double[] {(fg + bg) / 2, score.get(p.pair())});
            }
        }
        out.append(String.format(Locale.ROOT, "## Agreement with the pairs' rendered score%n%nSpearman ρ of the pair "
                + "rating (mean of its presets') and the bootstrap score of its rendered composite, %d candidate "
                + "pairs: %+.3f.%n%n", ratedPairs.size(), RankingMetrics.spearman(column(ratedPairs, 0),
                column(ratedPairs, 1))));

        List<LibraryPair> lib = library.pairs();
        List<Integer> byQuality = order(lib, p -> p.quality());
        List<Integer> byPrior = order(lib, p -> p.quality() * RatingPrior.factor(p.rating()));
        Set<Integer> topQuality = new HashSet<>(byQuality.subList(0, Math.min(TOP, lib.size())));
        Set<Integer> topPrior = new HashSet<>(byPrior.subList(0, Math.min(TOP, lib.size())));
        long kept = topPrior.stream().filter(topQuality::contains).count();
        double[] rankQ = new double[lib.size()];
        double[] rankP = new double[lib.size()];
        for (int r = 0; r < lib.size(); r++) {
            rankQ[byQuality.get(r)] = -r;
            rankP[byPrior.get(r)] = -r;
        }
        out.append(String.format(Locale.ROOT, "## How the pair library changes (%d pairs, factor ((rating + 1)/4)^%.1f)"
                + "%n%n| | by quality | by quality × rating prior |%n|---|---|---|%n", lib.size(),
                RatingPrior.STRENGTH));
        out.append(String.format(Locale.ROOT, "| mean rating of the top %d | %.2f | %.2f |%n", TOP,
                mean(lib, topQuality, LibraryPair::rating), mean(lib, topPrior, LibraryPair::rating)));
        out.append(String.format(Locale.ROOT, "| mean quality of the top %d | %.4f | %.4f |%n", TOP,
                mean(lib, topQuality, LibraryPair::quality), mean(lib, topPrior, LibraryPair::quality)));
        out.append(String.format(Locale.ROOT, "%n%d of the top %d stay; Spearman ρ of the two rankings %.3f; "
                + "pairs rated other than 3: %d of %d.%n", kept, TOP, RankingMetrics.spearman(rankQ, rankP),
                lib.stream().filter(p -> p.rating() != RatingPrior.NEUTRAL).count(), lib.size()));
        return out.toString();
    }

    private static double rho(List<String> ids, Map<String, Double> ratings, Map<String, float[]> vectors, int slot) {
        double[] r = new double[ids.size()];
        double[] v = new double[ids.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = ratings.get(ids.get(i));
            v[i] = PairLibraryExporter.look(vectors.get(ids.get(i)))[slot];
        }
        return RankingMetrics.spearman(r, v);
    }

    private static double[] column(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }

    private static List<Integer> order(List<LibraryPair> lib, java.util.function.ToDoubleFunction<LibraryPair> key) {
        return IntStream.range(0, lib.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -key.applyAsDouble(lib.get(i)))
                        .thenComparing(i -> i))
                .toList();
    }

    private static double mean(List<LibraryPair> lib, Set<Integer> which,
            java.util.function.ToDoubleFunction<LibraryPair> f) {
        return which.stream().mapToDouble(i -> f.applyAsDouble(lib.get(i))).average().orElse(Double.NaN);
    }

    public static void main(String[] args) throws IOException {
        Path out = args.length == 2 && args[0].equals("--out") ? Path.of(args[1]) : null;
        if (args.length != 0 && out == null) {
            System.err.println("usage: ./aivj rating-prior [--out FILE]");
            System.exit(2);
        }
        Path presets = PresetLibrary.resolveRoot(null);
        List<PresetLibrary.Entry> entries = PresetLibrary.scan(presets);
        String text = report(PresetRatings.read(entries), LibraryVectors.read(LibraryVectors.DEFAULT_STATUS, presets),
                CANDIDATES, PairLibrary.parse(Files.readString(PairLibraryExporter.DEFAULT_OUT)));
        System.out.print(text);
        if (out != null) {
            Files.writeString(out, text);
        }
    }
}
