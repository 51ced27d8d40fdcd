package dev.aivj.training.pairs.parquet;

import dev.aivj.training.pairs.PresetPair;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The pair rows ({@link PresetPair}) as a Hive-style partitioned Parquet data set:
 * <pre>
 * DIR/_SUCCESS
 * DIR/score_bin=K/rank_quartile=Q/part-00000.snappy.parquet
 * </pre>
 * partitioned as {@link PairPartition} defines (score_bin 0..4 = ⌊score⌋ clamped; rank_quartile 1..4 by rank
 * within the row's data set; {@code __HIVE_DEFAULT_PARTITION__} for none), one Snappy file per partition, in the
 * schema of {@link PairSchema}. Other Parquet readers (Spark, DuckDB, pyarrow) read it as it is.
 *
 * <p>{@link #read} gives back exactly the list written, in the same order (each row carries its position), or
 * fails with a {@link ParquetStoreException} naming the file: a truncated or damaged file, a missing part file,
 * a row in the wrong partition, or a store whose write did not finish ({@code _SUCCESS} is written last, and the
 * store is built in a temporary sibling directory and moved into place). The writer never overwrites: the target
 * must not exist or be an empty directory.
 */
public final class ParquetPairStore {
    public static final String SUCCESS = "_SUCCESS";
    public static final String PART_FILE = "part-00000.snappy.parquet";

    public void write(Path dir, List<PresetPair> rows) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && !isEmptyDirectory(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "exists and is not an empty directory; "
                    + "the pair store never overwrites");
        }
        Map<PairPartition, List<SeqPair>> parts = new TreeMap<>();
        List<PairPartition> assigned = PairPartition.assign(rows);
        for (int i = 0; i < rows.size(); i++) {
            parts.computeIfAbsent(assigned.get(i), k -> new ArrayList<>()).add(new SeqPair(i, rows.get(i)));
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".writing-");
        try {
            for (Map.Entry<PairPartition, List<SeqPair>> e : parts.entrySet()) {
                PairFileWriter.write(tmp.resolve(e.getKey().directory()).resolve(PART_FILE), e.getValue(),
                        rows.size());
            }
            Files.createFile(tmp.resolve(SUCCESS));
            Files.deleteIfExists(target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } finally {
            deleteTree(tmp);
        }
    }

    public List<PresetPair> read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no Parquet pair store there");
        }
        if (!Files.isRegularFile(dir.resolve(SUCCESS))) {
            throw new ParquetStoreException(dir, "not a complete pair store: no " + SUCCESS
                    + " (its write did not finish, or it is not a pair store)");
        }
        List<SeqPair> all = new ArrayList<>();
        List<PairPartition> foundIn = new ArrayList<>();
        List<Path> fileOf = new ArrayList<>();
        Integer total = null;
        for (PartFile f : partFiles(dir)) {
            PairFileReader.Content c = PairFileReader.read(f.path());
            if (total != null && c.totalRows() != total) {
                throw new ParquetStoreException(f.path(), "says the store has " + c.totalRows() + " rows, other "
                        + "files say " + total);
            }
            total = c.totalRows();
            for (SeqPair r : c.rows()) {
                all.add(r);
                foundIn.add(f.partition());
                fileOf.add(f.path());
            }
        }
        return inOrder(dir, all, foundIn, fileOf, total == null ? 0 : total);
    }

    /** Checks that the rows are exactly seq 0..total−1, each in its own partition, and returns them in order. */
    private static List<PresetPair> inOrder(Path dir, List<SeqPair> all, List<PairPartition> foundIn,
            List<Path> fileOf, int total) throws ParquetStoreException {
        if (all.size() != total) {
            throw new ParquetStoreException(dir, "holds " + all.size() + " rows but its files say " + total
                    + ": a part file is missing or extra");
        }
        int[] at = new int[total];
        java.util.Arrays.fill(at, -1);
        for (int i = 0; i < all.size(); i++) {
            int seq = all.get(i).seq();
            if (seq < 0 || seq >= total || at[seq] >= 0) {
                throw new ParquetStoreException(fileOf.get(i), "row seq " + seq + " is out of range 0.." + (total - 1)
                        + " or repeated");
            }
            at[seq] = i;
        }
        List<PresetPair> rows = new ArrayList<>(total);
        for (int i : at) {
            rows.add(all.get(i).pair());
        }
        List<PairPartition> expected = PairPartition.assign(rows);
        for (int seq = 0; seq < total; seq++) {
            PairPartition found = foundIn.get(at[seq]);
            if (!found.equals(expected.get(seq))) {
                throw new ParquetStoreException(fileOf.get(at[seq]), "row seq " + seq + " (pair "
                        + rows.get(seq).pair() + ") belongs in " + expected.get(seq).directory());
            }
        }
        return rows;
    }

    /** A part file and the partition its directories name. */
    public record PartFile(Path path, PairPartition partition) {
    }

    /**
     * The store's part files in partition order. Names starting with {@code _} or {@code .} are skipped (markers,
     * checksums, as Hadoop tools do); any other entry that is not {@code score_bin=K/rank_quartile=Q/*.parquet}
     * is an error, so a stray file is never silently left out.
     */
    public static List<PartFile> partFiles(Path dir) throws IOException {
        List<PartFile> out = new ArrayList<>();
        for (Path scoreDir : entries(dir)) {
            for (Path rankDir : entries(scoreDir)) {
                PairPartition p;
                try {
                    if (!Files.isDirectory(scoreDir) || !Files.isDirectory(rankDir)) {
                        throw new IllegalArgumentException("expected partition directories");
                    }
                    p = PairPartition.parse(scoreDir.getFileName().toString(), rankDir.getFileName().toString());
                } catch (IllegalArgumentException e) {
                    throw new ParquetStoreException(rankDir, "not part of the pair store layout "
                            + "score_bin=K/rank_quartile=Q/*.parquet: " + e.getMessage());
                }
                for (Path f : entries(rankDir)) {
                    if (!f.getFileName().toString().endsWith(".parquet") || !Files.isRegularFile(f)) {
                        throw new ParquetStoreException(f, "unexpected entry in a partition directory");
                    }
                    out.add(new PartFile(f, p));
                }
            }
        }
        out.sort(Comparator.comparing(PartFile::partition).thenComparing(PartFile::path));
        return out;
    }

    private static List<Path> entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of(dir);
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (!name.startsWith("_") && !name.startsWith(".")) {
                    out.add(p);
                }
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static boolean isEmptyDirectory(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }

    /** Deletes a store (or any folder) with everything in it; nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
