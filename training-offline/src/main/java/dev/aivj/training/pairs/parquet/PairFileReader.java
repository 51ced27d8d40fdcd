package dev.aivj.training.pairs.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;

/**
 * Reads one part file back into {@link SeqPair}s, row group by row group, with Parquet's record assembly and
 * {@link PairMaterializer} (no Hadoop input format). Before decoding it checks what a damaged file would get
 * wrong: the format marker, the exact schema, and that every column chunk lies inside the file; pages are
 * CRC-verified. Anything that still fails (a truncated file, a bad page, a bad value) becomes a
 * {@link ParquetStoreException} naming the file.
 */
final class PairFileReader {
    /** The rows of one file and the store's total row count recorded in it. */
    record Content(List<SeqPair> rows, int totalRows) {
    }

    private PairFileReader() {
    }

    static Content read(Path file) throws IOException {
        try {
            return decode(file);
        } catch (ParquetStoreException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ParquetStoreException(file, "not a readable Parquet pair file: " + e, e);
        }
    }

    private static Content decode(Path file) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(SnappyCodecFactory.INSTANCE)
                .usePageChecksumVerification(true)
                .build();
        long length = Files.size(file);
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), options)) {
            FileMetaData meta = r.getFooter().getFileMetaData();
            String format = meta.getKeyValueMetaData().get(PairSchema.FORMAT_KEY);
            if (!PairSchema.FORMAT.equals(format)) {
                throw new ParquetStoreException(file, "not a pair store file: " + PairSchema.FORMAT_KEY + " is "
                        + (format == null ? "missing" : "\"" + format + "\"") + ", expected \"" + PairSchema.FORMAT
                        + "\"");
            }
            if (!PairSchema.SCHEMA.equals(meta.getSchema())) {
                throw new ParquetStoreException(file, "schema differs from the pair schema: " + meta.getSchema());
            }
            int total = totalRows(file, meta.getKeyValueMetaData().get(PairSchema.TOTAL_ROWS_KEY));
            checkChunks(file, r.getFooter().getBlocks(), length, total);
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(PairSchema.SCHEMA);
            PairMaterializer materializer = new PairMaterializer();
            List<SeqPair> rows = new ArrayList<>();
            PageReadStore pages;
            while ((pages = r.readNextRowGroup()) != null) {
                RecordReader<SeqPair> records = io.getRecordReader(pages, materializer);
                for (long i = 0, n = pages.getRowCount(); i < n; i++) {
                    rows.add(records.read());
                }
            }
            return new Content(rows, total);
        }
    }

    private static int totalRows(Path file, String text) throws ParquetStoreException {
        try {
            int total = Integer.parseInt(text);
            if (total >= 0) {
                return total;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParquetStoreException(file, "bad " + PairSchema.TOTAL_ROWS_KEY + ": " + text);
    }

    /** Column chunks outside the file, or more rows than the store has, mean a damaged footer. */
    private static void checkChunks(Path file, List<BlockMetaData> blocks, long length, int total)
            throws ParquetStoreException {
        long rows = 0;
        for (BlockMetaData b : blocks) {
            rows += b.getRowCount();
            for (ColumnChunkMetaData c : b.getColumns()) {
                long start = c.getStartingPos();
                if (start < 4 || c.getTotalSize() < 0 || start + c.getTotalSize() > length) {
                    throw new ParquetStoreException(file, "column chunk " + c.getPath() + " at " + start + " (+"
                            + c.getTotalSize() + " bytes) lies outside the file of " + length + " bytes");
                }
            }
        }
        if (rows < 0 || rows > total) {
            throw new ParquetStoreException(file, "footer counts " + rows + " rows, more than the store's " + total);
        }
    }
}
