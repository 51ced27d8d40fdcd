package dev.aivj.training.pairs.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * Writes one part file: Snappy pages with CRC checksums (so that the reader notices a damaged page instead of
 * decoding it), through a plain local file and a non-Hadoop configuration.
 */
final class PairFileWriter {
    private PairFileWriter() {
    }

    static void write(Path file, List<SeqPair> rows, int totalRows) throws IOException {
        Files.createDirectories(file.getParent());
        try (ParquetWriter<SeqPair> w = new Builder(new LocalOutputFile(file), totalRows)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(SnappyCodecFactory.INSTANCE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withPageWriteChecksumEnabled(true)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .build()) {
            for (SeqPair r : rows) {
                w.write(r);
            }
        }
    }

    private static final class Builder extends ParquetWriter.Builder<SeqPair, Builder> {
        private final int totalRows;

        Builder(OutputFile file, int totalRows) {
            super(file);
            this.totalRows = totalRows;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<SeqPair> getWriteSupport(ParquetConfiguration conf) {
            return new PairWriteSupport(totalRows);
        }

        @Override
        protected WriteSupport<SeqPair> getWriteSupport(Configuration conf) {
            return new PairWriteSupport(totalRows);
        }
    }
}
