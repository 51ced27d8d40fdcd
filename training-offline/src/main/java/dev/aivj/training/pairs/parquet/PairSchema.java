package dev.aivj.training.pairs.parquet;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The Parquet schema of one pair row: every field of {@link dev.aivj.training.pairs.PresetPair}, plus {@code seq},
 * the row's position in the collection written, which fixes the order on reading back (files are per partition,
 * so file order alone would lose it). The partition values are in the directory names, not in the file, as Hive
 * does. {@code style_tags} is the standard three-level Parquet LIST so that other readers see a list of strings.
 */
final class PairSchema {
    /** Written into each file's key-value metadata; the reader refuses files without it. */
    static final String FORMAT_KEY = "aivj.pairs.format";
    static final String FORMAT = "aivj-pairs-parquet/1";
    /** Number of rows of the whole store, in each file's metadata: a missing file is noticed on reading. */
    static final String TOTAL_ROWS_KEY = "aivj.pairs.total_rows";

    // Field indexes of the message, in schema order.
    static final int SEQ = 0;
    static final int PAIR = 1;
    static final int FG = 2;
    static final int BG = 3;
    static final int SCORE = 4;
    static final int RANK = 5;
    static final int QUALITY = 6;
    static final int STYLE_TAGS = 7;
    static final int SOURCE = 8;
    static final int ORIGIN_FILE = 9;
    static final int ORIGIN_LINE = 10;

    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message aivj_pair {
              required int32 seq;
              required int32 pair;
              required binary fg (STRING);
              required binary bg (STRING);
              optional double score;
              optional int32 rank;
              optional double quality01;
              required group style_tags (LIST) {
                repeated group list {
                  required binary element (STRING);
                }
              }
              required binary source (STRING);
              required binary origin_file (STRING);
              required int32 origin_line;
            }
            """);

    private PairSchema() {
    }

    static String name(int field) {
        return SCHEMA.getFieldName(field);
    }
}
