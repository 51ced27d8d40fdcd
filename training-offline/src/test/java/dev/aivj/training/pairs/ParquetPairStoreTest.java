package dev.aivj.training.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.training.pairs.parquet.PairPartition;
import dev.aivj.training.pairs.parquet.ParquetPairStore;
import dev.aivj.training.pairs.parquet.ParquetStoreException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Parquet pair store on SYNTHETIC rows ({@link SyntheticPairData#pairRows}). */
class ParquetPairStoreTest {
    private final ParquetPairStore store = new ParquetPairStore();

    @TempDir
    Path tmp;

    @Test
    void readsBackThousandsOfRowsEqualAndInOrder() throws IOException {
        List<PresetPair> rows = SyntheticPairData.pairRows(3000, 7);
        Path dir = tmp.resolve("store");
        store.write(dir, rows);
        assertEquals(rows, store.read(dir));
        assertTrue(ParquetPairStore.partFiles(dir).size() >= 20, "rows spread over the partitions");
    }

    @Test
    void layoutIsHivePartitionedSnappyParquet() throws IOException {
        List<PresetPair> rows = SyntheticPairData.pairRows(2000, 3);
        Path dir = tmp.resolve("store");
        store.write(dir, rows);
        String value = "([0-9]|" + PairPartition.NULL_VALUE + ")";
        Set<String> seen = new HashSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(f).toString();
                seen.add(rel);
                assertTrue(rel.equals("_SUCCESS") || rel.matches("score_bin=" + value + "/rank_quartile=" + value
                        + "/part-00000\\.snappy\\.parquet"), rel);
            }
        }
        assertTrue(seen.contains("score_bin=4/rank_quartile=1/" + ParquetPairStore.PART_FILE), seen.toString());
        assertTrue(seen.contains("score_bin=0/rank_quartile=4/" + ParquetPairStore.PART_FILE), seen.toString());
        assertTrue(seen.contains("score_bin=__HIVE_DEFAULT_PARTITION__/rank_quartile=__HIVE_DEFAULT_PARTITION__/"
                + ParquetPairStore.PART_FILE), seen.toString());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(dir), s.toList(), "no temporary directory is left beside the store");
        }
        long total = 0;
        for (ParquetPairStore.PartFile f : ParquetPairStore.partFiles(dir)) {
            ParquetMetadata footer = footer(f.path());
            assertEquals("aivj-pairs-parquet/1", footer.getFileMetaData().getKeyValueMetaData()
                    .get("aivj.pairs.format"));
            assertFalse(footer.getFileMetaData().getSchema().containsField("score_bin"),
                    "partition values live in the directory names only");
            for (BlockMetaData b : footer.getBlocks()) {
                total += b.getRowCount();
                for (ColumnChunkMetaData c : b.getColumns()) {
                    assertEquals(CompressionCodecName.SNAPPY, c.getCodec(), f.path() + " " + c.getPath());
                }
            }
        }
        assertEquals(rows.size(), total);
    }

    @Test
    void eachRowLiesInTheDirectoryOfItsScoreBin() throws IOException {
        List<PresetPair> rows = SyntheticPairData.pairRows(500, 11);
        Path dir = tmp.resolve("store");
        store.write(dir, rows);
        // Rebuild the store one partition at a time: a row whose file is in the wrong directory would fail the
        // read below, and the score bins of the partitions' rows must match their directory.
        for (ParquetPairStore.PartFile f : ParquetPairStore.partFiles(dir)) {
            String scoreDir = f.path().getParent().getParent().getFileName().toString();
            Integer bin = f.partition().scoreBin();
            assertEquals(bin == null ? "score_bin=__HIVE_DEFAULT_PARTITION__" : "score_bin=" + bin, scoreDir);
        }
        List<PresetPair> back = store.read(dir);
        List<PairPartition> parts = PairPartition.assign(back);
        for (int i = 0; i < back.size(); i++) {
            assertEquals(PairPartition.binOf(back.get(i).score()), parts.get(i).scoreBin());
        }
    }

    @Test
    void emptyInputIsAnEmptyStore() throws IOException {
        Path dir = tmp.resolve("empty");
        store.write(dir, List.of());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("_SUCCESS")), s.toList());
        }
        assertEquals(List.of(), store.read(dir));
    }

    @Test
    void writesIntoAnEmptyDirectoryButNeverOverwrites() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("store"));
        List<PresetPair> rows = SyntheticPairData.pairRows(10, 1);
        store.write(dir, rows);
        assertThrows(FileAlreadyExistsException.class, () -> store.write(dir, rows));
        assertEquals(rows, store.read(dir));
    }

    @Test
    void truncatedFileIsAnErrorNamingTheFile() throws IOException {
        Path dir = tmp.resolve("store");
        store.write(dir, SyntheticPairData.pairRows(1000, 5));
        Path victim = largestPartFile(dir);
        byte[] whole = Files.readAllBytes(victim);
        for (int keep : new int[] {0, 3, 8, whole.length / 2, whole.length - 8, whole.length - 1}) {
            Files.write(victim, java.util.Arrays.copyOf(whole, keep));
            ParquetStoreException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(ParquetStoreException.class, () -> store.read(dir)));
            assertTrue(e.getMessage().contains(victim.toString()), keep + " bytes: " + e.getMessage());
            assertEquals(victim, e.file());
        }
    }

    @Test
    void damagedBytesAreAnErrorNamingTheFileNeverWrongRows() throws IOException {
        // Flip bytes of one part file in turn (about 400, spread over the whole file): every read must either fail
        // naming that file or give back exactly the rows written (a flip in unused footer statistics changes
        // nothing) — never other rows.
        List<PresetPair> rows = SyntheticPairData.pairRows(40, 9);
        Path dir = tmp.resolve("store");
        store.write(dir, rows);
        Path victim = largestPartFile(dir);
        byte[] whole = Files.readAllBytes(victim);
        int stride = Math.max(1, whole.length / 400);
        int[] tried = {0};
        int[] failed = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(240), () -> {
            for (int i = 0; i < whole.length; i += stride) {
                byte[] damaged = whole.clone();
                damaged[i] ^= (byte) 0x5a;
                Files.write(victim, damaged);
                tried[0]++;
                try {
                    assertEquals(rows, store.read(dir), "byte " + i + " of " + whole.length + " flipped");
                } catch (ParquetStoreException e) {
                    assertTrue(e.getMessage().startsWith(victim.toString()), e.getMessage());
                    failed[0]++;
                }
            }
        });
        assertTrue(failed[0] > tried[0] / 2, failed[0] + " of " + tried[0] + " flips noticed");
    }

    @Test
    void missingPartFileOrMarkerIsAnError() throws IOException {
        Path dir = tmp.resolve("store");
        store.write(dir, SyntheticPairData.pairRows(300, 2));
        Path victim = largestPartFile(dir);
        byte[] saved = Files.readAllBytes(victim);
        Files.delete(victim);
        ParquetStoreException e = assertThrows(ParquetStoreException.class, () -> store.read(dir));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        Files.write(victim, saved);
        Files.delete(dir.resolve("_SUCCESS"));
        e = assertThrows(ParquetStoreException.class, () -> store.read(dir));
        assertTrue(e.getMessage().contains("_SUCCESS"), e.getMessage());
    }

    @Test
    void fileInTheWrongPartitionOrAStrayFileIsAnError() throws IOException {
        Path dir = tmp.resolve("store");
        store.write(dir, SyntheticPairData.pairRows(300, 4));
        Path file = dir.resolve("score_bin=4/rank_quartile=1/" + ParquetPairStore.PART_FILE);
        Path elsewhere = dir.resolve("score_bin=0/rank_quartile=1/part-00001.snappy.parquet");
        Files.move(file, elsewhere);
        ParquetStoreException e = assertThrows(ParquetStoreException.class, () -> store.read(dir));
        assertTrue(e.getMessage().startsWith(elsewhere.toString()) && e.getMessage().contains("belongs in"),
                e.getMessage());
        Files.move(elsewhere, file);
        Path stray = Files.writeString(dir.resolve("score_bin=2/notes.txt"), "synthetic");
        e = assertThrows(ParquetStoreException.class, () -> store.read(dir));
        assertTrue(e.getMessage().startsWith(stray.toString()), e.getMessage());
    }

    @Test
    void missingDirectoryIsAnError() {
        assertThrows(java.nio.file.NoSuchFileException.class, () -> store.read(tmp.resolve("nothing")));
    }

    private static Path largestPartFile(Path dir) throws IOException {
        return ParquetPairStore.partFiles(dir).stream().map(ParquetPairStore.PartFile::path)
                .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    }

    private static ParquetMetadata footer(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            return r.getFooter();
        }
    }
}
