package dev.aivj.training.pairs.parquet;

import dev.aivj.training.pairs.PairSource;
import dev.aivj.training.pairs.PresetPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Hive-style partition of a pair row: directory {@code score_bin=K/rank_quartile=Q}.
 *
 * <ul>
 * <li>{@code score_bin} = ⌊score⌋ clamped to 0..4, for the team's scores of 0..5: [0, 1) → 0, [1, 2) → 1, …,
 *     [4, 5] → 4. So bin 4 holds the positives (≥ 4) and the elite (5.0) together; a score below 0 goes to 0 and
 *     one above 5 to 4.</li>
 * <li>{@code rank_quartile} = 1..4 by the row's rank among the ranked rows of its own data set
 *     ({@link PresetPair#source()}; ranks of different data sets are not comparable): with n ranked rows in the
 *     data set and b of them ranked strictly better (smaller rank), Q = 1 + ⌊4·b / n⌋. Quartile 1 is the best
 *     quarter; equal ranks share a quartile; a data set with one ranked row puts it in 1.</li>
 * <li>A null score or rank is Hive's null partition, {@value #NULL_VALUE}, which Spark, Hive and DuckDB read
 *     back as null.</li>
 * </ul>
 * The quartile depends on the whole collection written, so it is assigned by {@link #assign(List)}.
 *
 * @param scoreBin     0..4, or null for a row without score
 * @param rankQuartile 1..4, or null for a row without rank
 */
public record PairPartition(Integer scoreBin, Integer rankQuartile) implements Comparable<PairPartition> {
    public static final String SCORE_BIN = "score_bin";
    public static final String RANK_QUARTILE = "rank_quartile";
    public static final String NULL_VALUE = "__HIVE_DEFAULT_PARTITION__";

    private static final Comparator<PairPartition> ORDER = Comparator
            .comparing(PairPartition::scoreBin, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PairPartition::rankQuartile, Comparator.nullsLast(Comparator.naturalOrder()));

    public PairPartition {
        if (scoreBin != null && (scoreBin < 0 || scoreBin > 4)) {
            throw new IllegalArgumentException("score_bin must be 0..4: " + scoreBin);
        }
        if (rankQuartile != null && (rankQuartile < 1 || rankQuartile > 4)) {
            throw new IllegalArgumentException("rank_quartile must be 1..4: " + rankQuartile);
        }
    }

    /** ⌊score⌋ clamped to 0..4; null for null. */
    public static Integer binOf(Double score) {
        if (score == null) {
            return null;
        }
        return (int) Math.max(0, Math.min(4, Math.floor(score)));
    }

    /** Partitions of {@code rows}, index for index. */
    public static List<PairPartition> assign(List<PresetPair> rows) {
        Map<PairSource, int[]> sortedRanks = new EnumMap<>(PairSource.class);
        for (PairSource s : PairSource.values()) {
            sortedRanks.put(s, rows.stream().filter(r -> r.source() == s && r.rank() != null)
                    .mapToInt(PresetPair::rank).sorted().toArray());
        }
        List<PairPartition> out = new ArrayList<>(rows.size());
        for (PresetPair r : rows) {
            Integer q = r.rank() == null ? null : quartile(sortedRanks.get(r.source()), r.rank());
            out.add(new PairPartition(binOf(r.score()), q));
        }
        return out;
    }

    /** 1 + ⌊4·b / n⌋, b = number of entries of ascending {@code ranks} smaller than {@code rank}. */
    static int quartile(int[] ranks, int rank) {
        int i = Arrays.binarySearch(ranks, rank);
        while (i > 0 && ranks[i - 1] == rank) {
            i--;
        }
        long better = i < 0 ? -i - 1 : i;
        return 1 + (int) (4 * better / ranks.length);
    }

    /** The relative directory, {@code score_bin=K/rank_quartile=Q}. */
    public String directory() {
        return SCORE_BIN + "=" + text(scoreBin) + "/" + RANK_QUARTILE + "=" + text(rankQuartile);
    }

    /** Parses the two directory names; IllegalArgumentException for anything else. */
    public static PairPartition parse(String scoreDir, String rankDir) {
        return new PairPartition(value(scoreDir, SCORE_BIN), value(rankDir, RANK_QUARTILE));
    }

    private static Integer value(String dirName, String key) {
        if (!dirName.startsWith(key + "=")) {
            throw new IllegalArgumentException("expected a directory " + key + "=VALUE, found " + dirName);
        }
        String v = dirName.substring(key.length() + 1);
        if (v.equals(NULL_VALUE)) {
            return null;
        }
        if (!v.matches("[0-9]")) {
            throw new IllegalArgumentException("bad " + key + " value in directory " + dirName);
        }
        return Integer.parseInt(v);
    }

    private static String text(Integer v) {
        return v == null ? NULL_VALUE : v.toString();
    }

    @Override
    public int compareTo(PairPartition o) {
        return ORDER.compare(this, o);
    }
}
