package dev.aivj.audioio;

import javax.sound.sampled.AudioFormat;

/** Converts packed PCM bytes to floats in [-1, 1]. */
@FunctionalInterface
interface PcmSampleConverter {
    void convert(byte[] src, int samples, float[] dst, int dstOffset);

    /** The converter for this sample format, or null when it is not one the decoder reads. */
    static PcmSampleConverter of(AudioFormat.Encoding enc, int bits, boolean bigEndian) {
        if (enc.equals(AudioFormat.Encoding.PCM_FLOAT)) {
            if (bits == 32) {
                return (s, count, d, o) -> {
                    for (int i = 0; i < count; i++) {
                        int v = assemble(s, i * 4, 4, bigEndian);
                        d[o + i] = clamp(Float.intBitsToFloat(v));
                    }
                };
            }
            if (bits == 64) {
                return (s, count, d, o) -> {
                    for (int i = 0; i < count; i++) {
                        long hi = assemble(s, i * 8 + (bigEndian ? 0 : 4), 4, bigEndian) & 0xFFFFFFFFL;
                        long lo = assemble(s, i * 8 + (bigEndian ? 4 : 0), 4, bigEndian) & 0xFFFFFFFFL;
                        d[o + i] = clamp((float) Double.longBitsToDouble((hi << 32) | lo));
                    }
                };
            }
            return null;
        }
        if (bits < 8 || bits > 32 || bits % 8 != 0) {
            return null;
        }
        int bytes = bits / 8;
        boolean unsigned = enc.equals(AudioFormat.Encoding.PCM_UNSIGNED);
        double scale = 1.0 / (1L << (bits - 1));
        int shift = 32 - bits;
        return (s, count, d, o) -> {
            for (int i = 0; i < count; i++) {
                int raw = assemble(s, i * bytes, bytes, bigEndian);
                int v = unsigned ? (raw - (1 << (bits - 1)) ) : (raw << shift) >> shift;
                if (unsigned && bits == 32) {
                    v = raw ^ 0x80000000;
                }
                d[o + i] = (float) (v * scale);
            }
        };
    }

    private static int assemble(byte[] s, int p, int bytes, boolean bigEndian) {
        int v = 0;
        if (bigEndian) {
            for (int k = 0; k < bytes; k++) {
                v = (v << 8) | (s[p + k] & 0xff);
            }
        } else {
            for (int k = bytes - 1; k >= 0; k--) {
                v = (v << 8) | (s[p + k] & 0xff);
            }
        }
        return v;
    }

    private static float clamp(float x) {
        if (Float.isNaN(x)) {
            return 0f;
        }
        return x > 1f ? 1f : (x < -1f ? -1f : x);
    }
}
