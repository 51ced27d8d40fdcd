package dev.aivj.training.pairs.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Snappy pages through snappy-java directly. parquet-hadoop's own CodecFactory goes through Hadoop's codec
 * classes, which need Hadoop's whole configuration stack (woodstox, commons-*, ...) at run time; this does not.
 * Only Snappy: the store writes nothing else and refuses to read anything else.
 *
 * <p>Decompression checks the page header's uncompressed size against the size recorded in the Snappy data, so a
 * corrupt header is an error here instead of a wrong-sized buffer later.
 */
final class SnappyCodecFactory implements CompressionCodecFactory {
    static final SnappyCodecFactory INSTANCE = new SnappyCodecFactory();

    private static final BytesInputCompressor COMPRESSOR = new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(Snappy.compress(bytes.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.SNAPPY;
        }

        @Override
        public void release() {
        }
    };

    private static final BytesInputDecompressor DECOMPRESSOR = new BytesInputDecompressor() {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            return BytesInput.from(uncompress(bytes.toByteArray(), uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(uncompress(in, uncompressedSize));
        }

        @Override
        public void release() {
        }
    };

    private SnappyCodecFactory() {
    }

    static byte[] uncompress(byte[] in, int expectedSize) throws IOException {
        int size = Snappy.uncompressedLength(in);
        if (size != expectedSize) {
            throw new IOException("corrupt page: its header says " + expectedSize + " bytes uncompressed, its Snappy "
                    + "data says " + size);
        }
        byte[] out = new byte[size];
        int n = Snappy.uncompress(in, 0, in.length, out, 0);
        if (n != size) {
            throw new IOException("corrupt page: Snappy data gave " + n + " bytes, expected " + size);
        }
        return out;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        requireSnappy(codec);
        return COMPRESSOR;
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        requireSnappy(codec);
        return DECOMPRESSOR;
    }

    private static void requireSnappy(CompressionCodecName codec) {
        if (codec != CompressionCodecName.SNAPPY) {
            throw new UnsupportedOperationException("compression " + codec + ": the pair store uses only SNAPPY");
        }
    }

    @Override
    public void release() {
    }
}
