package dev.aivj.training.pairs.parquet;

import dev.aivj.training.pairs.PresetPair;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes {@link SeqPair}s as {@link PairSchema} records (null fields are left out, as Parquet's optional wants). */
final class PairWriteSupport extends WriteSupport<SeqPair> {
    private final Map<String, String> metadata;
    private RecordConsumer out;

    PairWriteSupport(int totalRows) {
        metadata = Map.of(PairSchema.FORMAT_KEY, PairSchema.FORMAT, PairSchema.TOTAL_ROWS_KEY,
                Integer.toString(totalRows));
    }

    @Override
    public WriteContext init(ParquetConfiguration conf) {
        return new WriteContext(PairSchema.SCHEMA, metadata);
    }

    @Override
    public WriteContext init(Configuration conf) {
        // The Hadoop entry point; the store only ever passes a PlainParquetConfiguration.
        return new WriteContext(PairSchema.SCHEMA, metadata);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        out = recordConsumer;
    }

    @Override
    public void write(SeqPair row) {
        PresetPair p = row.pair();
        out.startMessage();
        integer(PairSchema.SEQ, row.seq());
        integer(PairSchema.PAIR, p.pair());
        text(PairSchema.FG, p.fg());
        text(PairSchema.BG, p.bg());
        if (p.score() != null) {
            number(PairSchema.SCORE, p.score());
        }
        if (p.rank() != null) {
            integer(PairSchema.RANK, p.rank());
        }
        if (p.quality01() != null) {
            number(PairSchema.QUALITY, p.quality01());
        }
        tags(p);
        text(PairSchema.SOURCE, p.source().name());
        text(PairSchema.ORIGIN_FILE, p.origin().file());
        integer(PairSchema.ORIGIN_LINE, p.origin().line());
        out.endMessage();
    }

    private void tags(PresetPair p) {
        String field = PairSchema.name(PairSchema.STYLE_TAGS);
        out.startField(field, PairSchema.STYLE_TAGS);
        out.startGroup();
        if (!p.styleTags().isEmpty()) {
            out.startField("list", 0);
            for (String tag : p.styleTags()) {
                out.startGroup();
                out.startField("element", 0);
                out.addBinary(Binary.fromString(tag));
                out.endField("element", 0);
                out.endGroup();
            }
            out.endField("list", 0);
        }
        out.endGroup();
        out.endField(field, PairSchema.STYLE_TAGS);
    }

    private void integer(int index, int v) {
        String field = PairSchema.name(index);
        out.startField(field, index);
        out.addInteger(v);
        out.endField(field, index);
    }

    private void number(int index, double v) {
        String field = PairSchema.name(index);
        out.startField(field, index);
        out.addDouble(v);
        out.endField(field, index);
    }

    private void text(int index, String v) {
        String field = PairSchema.name(index);
        out.startField(field, index);
        out.addBinary(Binary.fromString(v));
        out.endField(field, index);
    }
}
