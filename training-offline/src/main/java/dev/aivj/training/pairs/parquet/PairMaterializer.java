package dev.aivj.training.pairs.parquet;

import dev.aivj.training.pairs.PairSource;
import dev.aivj.training.pairs.PresetPair;
import dev.aivj.training.pairs.RowOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;

/**
 * Turns {@link PairSchema} records back into {@link SeqPair}s. String columns decode their dictionary once (the
 * source and origin file repeat on nearly every row), so a row costs no UTF-8 decoding for them. The record's
 * own checks ({@link PresetPair}'s constructor, the source name) throw IllegalArgumentException on bad values;
 * the file reader turns that into an error naming the file.
 */
final class PairMaterializer extends RecordMaterializer<SeqPair> {
    private int seq;
    private int pair;
    private String fg;
    private String bg;
    private Double score;
    private Integer rank;
    private Double quality;
    private final List<String> tags = new ArrayList<>();
    private String source;
    private String originFile;
    private int originLine;

    private final GroupConverter root = new GroupConverter() {
        private final Converter[] fields = {
            new Int(v -> seq = v),
            new Int(v -> pair = v),
            new Text(v -> fg = v),
            new Text(v -> bg = v),
            new Number(v -> score = v),
            new Int(v -> rank = v),
            new Number(v -> quality = v),
            new Group(new Group(new Text(tags::add))),
            new Text(v -> source = v),
            new Text(v -> originFile = v),
            new Int(v -> originLine = v),
        };

        @Override
        public Converter getConverter(int fieldIndex) {
            return fields[fieldIndex];
        }

        @Override
        public void start() {
            fg = null;
            bg = null;
            score = null;
            rank = null;
            quality = null;
            tags.clear();
            source = null;
            originFile = null;
        }

        @Override
        public void end() {
        }
    };

    @Override
    public SeqPair getCurrentRecord() {
        PairSource s;
        try {
            s = PairSource.valueOf(source);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown source \"" + source + "\" in row seq " + seq);
        }
        return new SeqPair(seq, new PresetPair(pair, fg, bg, score, rank, quality, tags, s,
                new RowOrigin(originFile, originLine)));
    }

    @Override
    public GroupConverter getRootConverter() {
        return root;
    }

    private interface IntSink {
        void accept(int v);
    }

    private interface DoubleSink {
        void accept(double v);
    }

    private static final class Int extends PrimitiveConverter {
        private final IntSink sink;

        Int(IntSink sink) {
            this.sink = sink;
        }

        @Override
        public void addInt(int value) {
            sink.accept(value);
        }
    }

    private static final class Number extends PrimitiveConverter {
        private final DoubleSink sink;

        Number(DoubleSink sink) {
            this.sink = sink;
        }

        @Override
        public void addDouble(double value) {
            sink.accept(value);
        }
    }

    /** UTF-8 strings; dictionary-encoded pages are decoded once per dictionary. */
    private static final class Text extends PrimitiveConverter {
        private final Consumer<String> sink;
        private String[] dictionary;

        Text(Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary d) {
            dictionary = new String[d.getMaxId() + 1];
            for (int i = 0; i < dictionary.length; i++) {
                dictionary[i] = d.decodeToBinary(i).toStringUsingUTF8();
            }
        }

        @Override
        public void addValueFromDictionary(int id) {
            sink.accept(dictionary[id]);
        }

        @Override
        public void addBinary(Binary value) {
            sink.accept(value.toStringUsingUTF8());
        }
    }

    /** A group whose only field is {@code child} (the LIST's {@code list} group and its {@code element}). */
    private static final class Group extends GroupConverter {
        private final Converter child;

        Group(Converter child) {
            this.child = child;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return child;
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }
}
