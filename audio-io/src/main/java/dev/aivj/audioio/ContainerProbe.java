package dev.aivj.audioio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Identifies the format from the file content (magic bytes, never the extension) and checks the
 * container structure before any decoder runs: truncation, expected length, sample rate and
 * channel count. This is container parsing only; audio is decoded by Java Sound providers.
 */
final class ContainerProbe {

    static final String WAV = "wav";
    static final String FLAC = "flac";
    static final String OGG_VORBIS = "ogg-vorbis";
    static final String MP3 = "mp3";

    /** Result of probing. expectedFrames is -1 when the container does not say. */
    record Probe(String format, int sampleRate, int channels, long expectedFrames, long audioStart,
                 int bits, int wavFormatTag) {
        Probe(String format, int sampleRate, int channels, long expectedFrames, long audioStart) {
            this(format, sampleRate, channels, expectedFrames, audioStart, -1, -1);
        }

        double expectedSeconds() {
            return expectedFrames < 0 ? -1 : (double) expectedFrames / sampleRate;
        }
    }

    private final Path file;
    private final FileBytes in;
    private final long size;

    private ContainerProbe(Path file, FileBytes in) {
        this.file = file;
        this.in = in;
        this.size = in.size();
    }

    static Probe probe(Path file) throws AudioDecodeException {
        try (FileBytes in = new FileBytes(file)) {
            return new ContainerProbe(file, in).run();
        } catch (IOException e) {
            throw new AudioDecodeException(file, "cannot read file: " + e.getMessage(), e);
        }
    }

    /** Whether the file starts like a container this probe reads (WAV, FLAC, Ogg, MP3), damaged or not. */
    static boolean isKnownContainer(Path file) throws AudioDecodeException {
        try (FileBytes in = new FileBytes(file)) {
            return new ContainerProbe(file, in).knownFormat() != null;
        } catch (IOException e) {
            throw new AudioDecodeException(file, "cannot read file: " + e.getMessage(), e);
        }
    }

    private AudioDecodeException fail(String reason) {
        return new AudioDecodeException(file, reason);
    }

    /** The format a file's first bytes announce, of those this probe reads; null for any other. */
    private String knownFormat() throws IOException {
        if (in.matches(0, "RIFF") && in.matches(8, "WAVE")) {
            return WAV;
        }
        if (in.matches(0, "fLaC")) {
            return FLAC;
        }
        if (in.matches(0, "OggS")) {
            return OGG_VORBIS;
        }
        if (in.matches(0, "ID3") || mpegHeader(0) != null) {
            return MP3;
        }
        return null;
    }

    private Probe run() throws IOException, AudioDecodeException {
        String format = knownFormat();
        if (format != null) {
            return switch (format) {
                case WAV -> wav();
                case FLAC -> flac(0);
                case OGG_VORBIS -> ogg();
                default -> mp3();
            };
        }
        if (in.matches(0, "RIFF") || in.matches(0, "RIFX") || in.matches(0, "RF64")) {
            if (size < 12) {
                throw fail("truncated RIFF/WAV file (" + size + " bytes)");
            }
            throw fail("unsupported RIFF file (only little-endian RIFF/WAVE is supported)");
        }
        if (in.matches(0, "FORM") && (in.matches(8, "AIFF") || in.matches(8, "AIFC"))) {
            throw fail("unsupported audio format AIFF (supported: WAV, FLAC, Ogg Vorbis, MP3)");
        }
        if (in.matches(4, "ftyp")) {
            throw fail("unsupported audio format MP4/M4A (supported: WAV, FLAC, Ogg Vorbis, MP3)");
        }
        if (looksLikeText()) {
            throw fail("not an audio file (looks like text)");
        }
        throw fail("unrecognized file format (not WAV, FLAC, Ogg Vorbis or MP3)");
    }

    private boolean looksLikeText() throws IOException {
        long n = Math.min(size, 4096);
        int printable = 0;
        for (long i = 0; i < n; i++) {
            int b = in.u8(i);
            if (b == 0) {
                return false;
            }
            if (b >= 0x20 || b == '\n' || b == '\r' || b == '\t') {
                printable++;
            }
        }
        return n > 0 && printable >= n * 0.95;
    }

    // ------------------------------------------------------------------ WAV

    private Probe wav() throws IOException, AudioDecodeException {
        long pos = 12;
        int channels = -1;
        int rate = -1;
        int blockAlign = -1;
        int bits = -1;
        int tag = -1;
        int chunks = 0;
        while (true) {
            if (pos + 8 > size) {
                throw fail(channels < 0 ? "truncated WAV file (no format chunk)" : "truncated WAV file (no data chunk)");
            }
            if (++chunks > 10_000) {
                throw fail("corrupt WAV file (too many chunks)");
            }
            long len = in.u32le(pos + 4);
            if (in.matches(pos, "fmt ")) {
                if (pos + 8 + Math.max(16, len) > size) {
                    throw fail("truncated WAV file (format chunk cut off)");
                }
                if (len < 16) {
                    throw fail("corrupt WAV file (format chunk too short)");
                }
                channels = (int) in.u16le(pos + 10);
                rate = (int) in.u32le(pos + 12);
                blockAlign = (int) in.u16le(pos + 20);
                bits = (int) in.u16le(pos + 22);
                tag = (int) in.u16le(pos + 8);
                if (tag == 0xFFFE && len >= 40) { // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID starts with the tag
                    tag = (int) in.u16le(pos + 8 + 24);
                }
                if (channels <= 0 || rate <= 0 || blockAlign <= 0) {
                    throw fail("corrupt WAV file (invalid format chunk)");
                }
            } else if (in.matches(pos, "data")) {
                if (channels < 0) {
                    throw fail("corrupt WAV file (data chunk before format chunk)");
                }
                long start = pos + 8;
                long available = size - start;
                long declared = len;
                if (declared == 0xFFFFFFFFL || (declared == 0 && available > 0)) {
                    declared = available; // written by a streaming encoder that never patched the header
                }
                if (declared > available) {
                    throw fail(String.format(Locale.ROOT,
                            "truncated WAV file (header declares %.2f s of audio, file holds %.2f s)",
                            seconds(declared / blockAlign, rate), seconds(available / blockAlign, rate)));
                }
                if (declared / blockAlign == 0) {
                    throw fail("WAV file contains no audio");
                }
                return new Probe(WAV, rate, channels, declared / blockAlign, start, bits, tag);
            }
            if (len < 0) {
                throw fail("truncated WAV file");
            }
            pos += 8 + len + (len & 1);
        }
    }

    // ------------------------------------------------------------------ FLAC

    private Probe flac(long start) throws IOException, AudioDecodeException {
        long pos = start + 4;
        int rate = -1;
        int channels = -1;
        long total = -1;
        for (int blocks = 0; ; blocks++) {
            if (pos + 4 > size) {
                throw fail("truncated FLAC file (metadata cut off)");
            }
            if (blocks > 10_000) {
                throw fail("corrupt FLAC file (too many metadata blocks)");
            }
            int h = in.u8(pos);
            boolean last = (h & 0x80) != 0;
            int type = h & 0x7f;
            long len = (in.u8(pos + 1) << 16) | (in.u8(pos + 2) << 8) | in.u8(pos + 3);
            if (pos + 4 + len > size) {
                throw fail("truncated FLAC file (metadata cut off)");
            }
            if (type == 0) {
                if (len < 34) {
                    throw fail("corrupt FLAC file (bad STREAMINFO block)");
                }
                long b = pos + 4 + 10; // sample rate (20), channels-1 (3), bits-1 (5), total samples (36)
                long v = 0;
                for (int i = 0; i < 8; i++) {
                    v = (v << 8) | in.u8(b + i);
                }
                rate = (int) (v >>> 44);
                channels = (int) ((v >>> 41) & 0x7) + 1;
                total = v & 0xFFFFFFFFFL;
            } else if (blocks == 0) {
                throw fail("corrupt FLAC file (first metadata block is not STREAMINFO)");
            }
            pos += 4 + len;
            if (last) {
                break;
            }
        }
        if (rate <= 0) {
            throw fail("corrupt FLAC file (invalid sample rate)");
        }
        if (pos + 2 > size) {
            throw fail("truncated FLAC file (no audio frames)");
        }
        if (in.u8(pos) != 0xFF || (in.u8(pos + 1) & 0xFE) != 0xF8) {
            throw fail("corrupt FLAC file (no frame sync after metadata)");
        }
        return new Probe(FLAC, rate, channels, total == 0 ? -1 : total, pos);
    }

    // ------------------------------------------------------------------ Ogg

    private Probe ogg() throws IOException, AudioDecodeException {
        if (size < 28) {
            throw fail("truncated Ogg file");
        }
        int segments = in.u8(26);
        long body = 27 + segments;
        if (body + 30 > size) {
            throw fail("truncated Ogg file (first page cut off)");
        }
        if (in.matches(body, "OpusHead")) {
            throw fail("unsupported codec Opus in Ogg (supported: Ogg Vorbis)");
        }
        if (in.matches(body, "\u007fFLAC")) {
            throw fail("unsupported codec FLAC in Ogg (supported: Ogg Vorbis, native FLAC)");
        }
        if (!(in.u8(body) == 1 && in.matches(body + 1, "vorbis"))) {
            throw fail("unsupported or corrupt Ogg stream (not Vorbis)");
        }
        int channels = in.u8(body + 11);
        int rate = (int) in.u32le(body + 12);
        if (channels <= 0 || rate <= 0 || rate > 768_000) {
            throw fail("corrupt Ogg Vorbis file (invalid identification header)");
        }
        // Find the last page: scan back from the end for a capture pattern whose page is complete.
        long scanFrom = Math.max(0, size - 65_536 - 282);
        for (long p = size - 27; p >= scanFrom; p--) {
            if (in.u8(p) != 'O' || !in.matches(p, "OggS") || in.u8(p + 4) != 0) {
                continue;
            }
            int nseg = in.u8(p + 26);
            if (p + 27 + nseg > size) {
                throw fail("truncated Ogg Vorbis file (last page cut off)");
            }
            long len = 0;
            for (int i = 0; i < nseg; i++) {
                len += in.u8(p + 27 + i);
            }
            long end = p + 27 + nseg + len;
            if (end > size) {
                throw fail("truncated Ogg Vorbis file (last page cut off)");
            }
            if ((in.u8(p + 5) & 0x04) == 0) {
                throw fail("truncated Ogg Vorbis file (stream ends without an end-of-stream page)");
            }
            long granule = in.le(p + 6, 8);
            long frames = granule > 0 ? granule : -1;
            return new Probe(OGG_VORBIS, rate, channels, frames, 0);
        }
        throw fail("truncated or corrupt Ogg Vorbis file (no complete page at the end)");
    }

    // ------------------------------------------------------------------ MP3

    /** Parsed MPEG audio frame header. */
    record Mpeg(int version, int layer, int sampleRate, int channels, int frameLength, int samplesPerFrame, int sideInfo) {
        boolean compatible(Mpeg o) {
            return o != null && o.version == version && o.layer == layer && o.sampleRate == sampleRate;
        }
    }

    private static final int[][] BITRATES = {
        {32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG-1 layer I
        {32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    // MPEG-1 layer II
        {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     // MPEG-1 layer III
        {32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    // MPEG-2/2.5 layer I
        {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},         // MPEG-2/2.5 layer II/III
    };
    private static final int[] RATES = {44100, 48000, 32000};

    /** The MPEG audio frame header at pos, or null. Free-format bitrate is not accepted. */
    Mpeg mpegHeader(long pos) throws IOException {
        int b0 = in.u8(pos);
        int b1 = in.u8(pos + 1);
        int b2 = in.u8(pos + 2);
        int b3 = in.u8(pos + 3);
        if (b0 != 0xFF || b3 < 0 || (b1 & 0xE0) != 0xE0) {
            return null;
        }
        int ver = (b1 >> 3) & 3;    // 0: 2.5, 1: reserved, 2: MPEG-2, 3: MPEG-1
        int layerBits = (b1 >> 1) & 3; // 1: III, 2: II, 3: I
        int brIdx = (b2 >> 4) & 0xF;
        int srIdx = (b2 >> 2) & 3;
        if (ver == 1 || layerBits == 0 || brIdx == 0 || brIdx == 15 || srIdx == 3 || (b3 & 3) == 2) {
            return null;
        }
        int layer = 4 - layerBits;
        boolean v1 = ver == 3;
        int rate = RATES[srIdx] >> (v1 ? 0 : ver == 2 ? 1 : 2);
        int table = v1 ? layer - 1 : (layer == 1 ? 3 : 4);
        int bitrate = BITRATES[table][brIdx - 1] * 1000;
        int pad = (b2 >> 1) & 1;
        int channels = ((b3 >> 6) & 3) == 3 ? 1 : 2;
        int length;
        int spf;
        if (layer == 1) {
            length = (12 * bitrate / rate + pad) * 4;
            spf = 384;
        } else if (layer == 2 || v1) {
            length = 144 * bitrate / rate + pad;
            spf = 1152;
        } else {
            length = 72 * bitrate / rate + pad;
            spf = 576;
        }
        int side = layer != 3 ? 0 : v1 ? (channels == 1 ? 17 : 32) : (channels == 1 ? 9 : 17);
        return new Mpeg(ver, layer, rate, channels, length, spf, side);
    }

    private Probe mp3() throws IOException, AudioDecodeException {
        long pos = 0;
        while (in.matches(pos, "ID3")) { // ID3v2 tag(s): 10-byte header with a syncsafe size
            if (pos + 10 > size) {
                throw fail("truncated MP3 file (ID3 tag cut off)");
            }
            long tag = 0;
            for (int i = 6; i < 10; i++) {
                int b = in.u8(pos + i);
                if ((b & 0x80) != 0) {
                    throw fail("corrupt ID3 tag");
                }
                tag = (tag << 7) | b;
            }
            pos += 10 + tag + ((in.u8(pos + 5) & 0x10) != 0 ? 10 : 0);
            if (pos >= size) {
                throw fail("truncated MP3 file (no audio after the ID3 tag)");
            }
        }
        // First frame: a header followed by a compatible header (or the end of the file). Allow some
        // padding or junk between the tag and the first frame.
        long first = -1;
        Mpeg h1 = null;
        long searchEnd = Math.min(size, pos + 65_536);
        for (long p = pos; p < searchEnd; p++) {
            Mpeg h = mpegHeader(p);
            if (h == null) {
                continue;
            }
            long next = p + h.frameLength();
            if (next > size) {
                if (p == pos) {
                    throw fail("truncated MP3 file (first frame cut off)");
                }
                continue;
            }
            if (next == size || h.compatible(mpegHeader(next))) {
                first = p;
                h1 = h;
                break;
            }
        }
        if (h1 == null) {
            throw fail("not an MP3 file (no MPEG audio frames found)");
        }
        // Xing/Info or VBRI header in the first frame: declared frame and byte counts.
        long declaredFrames = -1;
        long declaredBytes = -1;
        long x = first + 4 + h1.sideInfo();
        if (in.matches(x, "Xing") || in.matches(x, "Info")) {
            long flags = in.u32be(x + 4);
            long q = x + 8;
            if ((flags & 1) != 0) {
                declaredFrames = in.u32be(q);
                q += 4;
            }
            if ((flags & 2) != 0) {
                declaredBytes = in.u32be(q);
            }
        } else if (in.matches(first + 36, "VBRI")) {
            declaredBytes = in.u32be(first + 36 + 10);
            declaredFrames = in.u32be(first + 36 + 14);
        }
        // Walk all frames, resynchronising over junk, and count the junk.
        long frames = 0;
        long samples = 0;
        long junk = first - pos;
        long p = first;
        boolean lastCut = false;
        while (p + 4 <= size) {
            Mpeg h = mpegHeader(p);
            if (h != null && h.compatible(h1)) {
                if (p + h.frameLength() > size) {
                    lastCut = true;
                    break;
                }
                frames++;
                samples += h.samplesPerFrame();
                p += h.frameLength();
                continue;
            }
            long rest = size - p;
            if ((rest == 128 || rest == 128 + 227) && (in.matches(p, "TAG") || in.matches(p, "TAG+"))) {
                break; // ID3v1 tag at the end
            }
            if (in.matches(p, "APETAGEX") || in.matches(p, "LYRICS") || in.matches(p, "TAG")) {
                break; // trailing tags
            }
            junk++;
            p++;
        }
        long audioBytes = size - first;
        if (lastCut) {
            throw fail(String.format(Locale.ROOT, "truncated MP3 file (last frame cut off after %.2f s)",
                    seconds(samples, h1.sampleRate())));
        }
        if (declaredBytes > 0 && declaredBytes > audioBytes + 1024) {
            throw fail(String.format(Locale.ROOT, "truncated MP3 file (header declares %d bytes of audio, file holds %d)",
                    declaredBytes, audioBytes));
        }
        if (declaredFrames > 0 && frames + 2 < declaredFrames) {
            throw fail(String.format(Locale.ROOT, "truncated MP3 file (header declares %.2f s, file holds %.2f s)",
                    seconds(declaredFrames * h1.samplesPerFrame(), h1.sampleRate()),
                    seconds(samples, h1.sampleRate())));
        }
        if (frames < 2 || junk > audioBytes / 10) {
            throw fail("not an MP3 file or badly corrupt (" + frames + " MPEG frames, "
                    + (100 * junk / Math.max(1, audioBytes)) + "% unparseable bytes)");
        }
        return new Probe(MP3, h1.sampleRate(), h1.channels(), samples, first);
    }

    private static double seconds(long frames, int rate) {
        return (double) frames / rate;
    }
}
