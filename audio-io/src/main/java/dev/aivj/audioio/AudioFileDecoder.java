package dev.aivj.audioio;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import javax.sound.sampled.spi.AudioFileReader;

/**
 * Decodes WAV (PCM 8/16/24/32-bit, float), FLAC, Ogg Vorbis and MP3 files to interleaved float PCM
 * through Java Sound service providers (JDK WAV reader, jflac, vorbisspi, mp3spi).
 *
 * <p>The format is decided by the file content. Before a decoder runs, the container is checked
 * (truncation, declared length, duration limit); the decoder then runs in a watched worker thread
 * so that a provider that stalls or produces runaway output on corrupt data is abandoned within
 * seconds. Every failure is reported as an {@link AudioDecodeException} with a one-line reason.
 */
public final class AudioFileDecoder {

    /** Resource limits. Defaults: 1 GiB file, 30 minutes of audio, 5 s without decoder progress. */
    public record Limits(long maxFileBytes, double maxDurationSeconds, long stallTimeoutMillis) {
        public static final Limits DEFAULT = new Limits(1L << 30, 30 * 60, 5_000);

        public Limits {
            if (maxFileBytes <= 0 || !(maxDurationSeconds > 0) || stallTimeoutMillis <= 0) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }

        /**
         * Defaults, overridden by system properties {@code aivj.audio.maxFileBytes},
         * {@code aivj.audio.maxDurationSeconds} and {@code aivj.audio.stallTimeoutMillis}.
         */
        public static Limits fromSystemProperties() {
            try {
                return new Limits(
                        Long.parseLong(System.getProperty("aivj.audio.maxFileBytes", String.valueOf(DEFAULT.maxFileBytes))),
                        Double.parseDouble(System.getProperty("aivj.audio.maxDurationSeconds",
                                String.valueOf(DEFAULT.maxDurationSeconds))),
                        Long.parseLong(System.getProperty("aivj.audio.stallTimeoutMillis",
                                String.valueOf(DEFAULT.stallTimeoutMillis))));
            } catch (IllegalArgumentException e) {
                return DEFAULT;
            }
        }

        public Limits withMaxFileBytes(long bytes) {
            return new Limits(bytes, maxDurationSeconds, stallTimeoutMillis);
        }

        public Limits withMaxDurationSeconds(double seconds) {
            return new Limits(maxFileBytes, seconds, stallTimeoutMillis);
        }
    }

    private AudioFileDecoder() {
    }

    /** Decodes with {@link Limits#fromSystemProperties()}. */
    public static DecodedAudio decode(Path file) throws AudioDecodeException {
        return decode(file, Limits.fromSystemProperties());
    }

    public static DecodedAudio decode(Path file, Limits limits) throws AudioDecodeException {
        checkFile(file, limits);
        ContainerProbe.Probe probe = ContainerProbe.probe(file);
        double expected = probe.expectedSeconds();
        if (expected > limits.maxDurationSeconds()) {
            throw tooLong(file, expected, limits);
        }
        return watch(file, new DecodeJob(file, probe, limits), limits);
    }

    // ------------------------------------------------------------------ checks

    private static void checkFile(Path file, Limits limits) throws AudioDecodeException {
        if (file == null) {
            throw new IllegalArgumentException("file is null");
        }
        if (!Files.exists(file)) {
            throw new AudioDecodeException(file, "file not found");
        }
        if (Files.isDirectory(file)) {
            throw new AudioDecodeException(file, "is a directory, not an audio file");
        }
        if (!Files.isRegularFile(file)) {
            throw new AudioDecodeException(file, "not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new AudioDecodeException(file, "permission denied");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new AudioDecodeException(file, "cannot read file: " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new AudioDecodeException(file, "empty file (0 bytes)");
        }
        if (size > limits.maxFileBytes()) {
            throw new AudioDecodeException(file, String.format(Locale.ROOT,
                    "file too large (%s, limit %s)", bytes(size), bytes(limits.maxFileBytes())));
        }
        // Java Sound readers mis-handle files they cannot read at all; fail early with a clear message.
        try (InputStream s = Files.newInputStream(file)) {
            s.read();
        } catch (AccessDeniedException e) {
            throw new AudioDecodeException(file, "permission denied");
        } catch (NoSuchFileException e) {
            throw new AudioDecodeException(file, "file not found");
        } catch (IOException e) {
            throw new AudioDecodeException(file, "cannot read file: " + e.getMessage(), e);
        }
    }

    static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1L << 20));
        }
        return n + " bytes";
    }

    static AudioDecodeException tooLong(Path file, double seconds, Limits limits) {
        return new AudioDecodeException(file, String.format(Locale.ROOT,
                "audio too long (%s, limit %s)", minutes(seconds), minutes(limits.maxDurationSeconds())));
    }

    private static String minutes(double s) {
        return s >= 120 ? String.format(Locale.ROOT, "%.1f min", s / 60) : String.format(Locale.ROOT, "%.1f s", s);
    }

    // ------------------------------------------------------------------ watchdog

    private static DecodedAudio watch(Path file, DecodeJob job, Limits limits) throws AudioDecodeException {
        Thread worker = new Thread(job, "aivj-audio-decode");
        worker.setDaemon(true);
        worker.start();
        long last = -1;
        long lastChange = System.nanoTime();
        try {
            while (true) {
                worker.join(50);
                if (!worker.isAlive()) {
                    break;
                }
                long p = job.progress();
                long now = System.nanoTime();
                if (p != last) {
                    last = p;
                    lastChange = now;
                } else if ((now - lastChange) / 1_000_000 > limits.stallTimeoutMillis()) {
                    job.cancel();
                    throw new AudioDecodeException(file, String.format(Locale.ROOT,
                            "%s decoder stalled (no progress for %.1f s): corrupt or truncated data",
                            label(job.probe.format()), limits.stallTimeoutMillis() / 1000.0));
                }
            }
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw new AudioDecodeException(file, "interrupted");
        }
        return job.result();
    }

    static String label(String format) {
        switch (format) {
            case ContainerProbe.WAV: return "WAV";
            case ContainerProbe.FLAC: return "FLAC";
            case ContainerProbe.OGG_VORBIS: return "Ogg Vorbis";
            case ContainerProbe.MP3: return "MP3";
            default: return format;
        }
    }

    // ------------------------------------------------------------------ decoding

    private static final class CancelledException extends IOException {
        private static final long serialVersionUID = 1L;

        CancelledException() {
            super("cancelled");
        }
    }

    /** Counts bytes read from the file and stops reads once cancelled. */
    private static final class CountingStream extends FilterInputStream {
        private final DecodeJob job;

        CountingStream(InputStream in, DecodeJob job) {
            super(in);
            this.job = job;
        }

        @Override
        public int read() throws IOException {
            job.checkCancelled();
            int b = super.read();
            if (b < 0) {
                job.eof = true;
            } else {
                job.bytesRead++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            job.checkCancelled();
            int n = super.read(b, off, len);
            if (n < 0) {
                job.eof = true;
            } else {
                job.bytesRead += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            job.checkCancelled();
            long s = super.skip(n);
            job.bytesRead += Math.max(0, s);
            return s;
        }
    }

    private static final class DecodeJob implements Runnable {
        final Path file;
        final ContainerProbe.Probe probe;
        final Limits limits;
        volatile long bytesRead;
        volatile long framesDecoded;
        volatile boolean eof;
        volatile boolean cancelled;
        volatile DecodedAudio result;
        volatile AudioDecodeException error;

        DecodeJob(Path file, ContainerProbe.Probe probe, Limits limits) {
            this.file = file;
            this.probe = probe;
            this.limits = limits;
        }

        long progress() {
            return bytesRead + framesDecoded;
        }

        void cancel() {
            cancelled = true;
        }

        void checkCancelled() throws IOException {
            if (cancelled) {
                throw new CancelledException();
            }
        }

        DecodedAudio result() throws AudioDecodeException {
            if (error != null) {
                throw error;
            }
            if (result == null) {
                throw new AudioDecodeException(file, label(probe.format()) + " decoder failed");
            }
            return result;
        }

        private AudioDecodeException fail(String reason) {
            return new AudioDecodeException(file, reason);
        }

        @Override
        public void run() {
            try {
                result = decode();
            } catch (AudioDecodeException e) {
                error = e;
            } catch (CancelledException e) {
                error = fail("cancelled");
            } catch (UnsupportedAudioFileException e) {
                error = new AudioDecodeException(file, "corrupt or unsupported " + label(probe.format())
                        + " data (" + describe(e) + ")", e);
            } catch (OutOfMemoryError e) {
                error = fail("not enough memory to decode (raise -Xmx or lower the duration limit)");
            } catch (Throwable e) { // providers throw IOException, RuntimeException and Error subclasses
                error = new AudioDecodeException(file, "corrupt " + label(probe.format())
                        + " data (decoder error: " + describe(e) + ")", e);
            }
        }

        private DecodedAudio decode() throws Exception {
            try (InputStream raw = Files.newInputStream(file);
                 InputStream counted = new CountingStream(raw, this);
                 BufferedInputStream in = new BufferedInputStream(counted, 1 << 16)) {
                if (probe.format().equals(ContainerProbe.MP3) && probe.audioStart() > 0) {
                    in.skipNBytes(probe.audioStart()); // hand mp3spi the first MPEG frame, not the tag
                }
                AudioInputStream source = open(in);
                AudioInputStream pcm = toPcm(source);
                return read(pcm);
            }
        }

        private AudioInputStream open(InputStream in) throws Exception {
            AudioFileReader reader;
            switch (probe.format()) {
                case ContainerProbe.WAV:
                    return openWav(in);
                case ContainerProbe.FLAC:
                    reader = new org.jflac.sound.spi.FlacAudioFileReader();
                    break;
                case ContainerProbe.OGG_VORBIS:
                    reader = new javazoom.spi.vorbis.sampled.file.VorbisAudioFileReader();
                    break;
                case ContainerProbe.MP3:
                    reader = new javazoom.spi.mpeg.sampled.file.MpegAudioFileReader();
                    break;
                default:
                    throw fail("unsupported format " + probe.format());
            }
            return reader.getAudioInputStream(in);
        }

        /**
         * PCM and float WAV: the data chunk (validated by ContainerProbe) is wrapped directly, because
         * AudioSystem.getAudioInputStream lets mp3spi's reader claim and fail on 24-bit, float and
         * extensible WAV files ("Resetting to invalid mark"). Other WAV codecs (A-law, mu-law, ...)
         * go through AudioSystem.
         */
        private AudioInputStream openWav(InputStream in) throws Exception {
            int tag = probe.wavFormatTag();
            int bits = probe.bits();
            AudioFormat.Encoding enc = null;
            if (tag == 1 && bits % 8 == 0 && bits >= 8 && bits <= 32) {
                enc = bits == 8 ? AudioFormat.Encoding.PCM_UNSIGNED : AudioFormat.Encoding.PCM_SIGNED;
            } else if (tag == 3 && (bits == 32 || bits == 64)) {
                enc = AudioFormat.Encoding.PCM_FLOAT;
            }
            if (enc == null) {
                return AudioSystem.getAudioInputStream(file.toFile());
            }
            int frameSize = probe.channels() * bits / 8;
            AudioFormat f = new AudioFormat(enc, probe.sampleRate(), bits, probe.channels(), frameSize,
                    probe.sampleRate(), false);
            in.skipNBytes(probe.audioStart());
            return new AudioInputStream(in, f, probe.expectedFrames());
        }

        private AudioInputStream toPcm(AudioInputStream source) throws AudioDecodeException {
            AudioFormat f = source.getFormat();
            AudioFormat.Encoding e = f.getEncoding();
            if (isPcm(e)) {
                return source;
            }
            int channels = f.getChannels() > 0 ? f.getChannels() : probe.channels();
            float rate = f.getSampleRate() > 0 ? f.getSampleRate() : probe.sampleRate();
            int bits = probe.format().equals(ContainerProbe.FLAC) && f.getSampleSizeInBits() > 0
                    ? f.getSampleSizeInBits() : 16;
            AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, bits, channels,
                    channels * ((bits + 7) / 8), rate, false);
            if (!AudioSystem.isConversionSupported(target, f) && bits != 16) {
                target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, 16, channels, channels * 2, rate, false);
            }
            try {
                return AudioSystem.getAudioInputStream(target, source);
            } catch (IllegalArgumentException ex) {
                throw new AudioDecodeException(file, "no Java Sound decoder for " + label(probe.format())
                        + " (" + f.getEncoding() + ")", ex);
            }
        }

        private static boolean isPcm(AudioFormat.Encoding e) {
            return e.equals(AudioFormat.Encoding.PCM_SIGNED) || e.equals(AudioFormat.Encoding.PCM_UNSIGNED)
                    || e.equals(AudioFormat.Encoding.PCM_FLOAT);
        }

        private DecodedAudio read(AudioInputStream pcm) throws Exception {
            AudioFormat f = pcm.getFormat();
            int channels = f.getChannels();
            int rate = Math.round(f.getSampleRate());
            int bits = f.getSampleSizeInBits();
            int bytesPerSample = (bits + 7) / 8;
            if (channels <= 0 || rate <= 0 || bits <= 0 || !isPcm(f.getEncoding())) {
                throw fail("unsupported " + label(probe.format()) + " sample format (" + f + ")");
            }
            int frameSize = f.getFrameSize() > 0 ? f.getFrameSize() : channels * bytesPerSample;
            if (frameSize != channels * bytesPerSample) {
                throw fail("unsupported " + label(probe.format()) + " sample layout (" + f + ")");
            }
            SampleReader conv = SampleReader.of(f.getEncoding(), bits, f.isBigEndian());
            if (conv == null) {
                throw fail("unsupported " + label(probe.format()) + " sample format (" + bits + "-bit "
                        + f.getEncoding() + ")");
            }
            long maxFrames = (long) Math.floor(limits.maxDurationSeconds() * rate) + 1;
            long expected = probe.expectedFrames();
            // Runaway guard: a decoder must not produce much more than the container declares.
            long cap = expected > 0 ? expected + Math.max(2L * rate, expected / 20) : Long.MAX_VALUE;
            long afterEofCap = 10L * rate; // frames allowed after the file has been fully read

            float[] out = new float[(int) Math.min(Integer.MAX_VALUE - 16,
                    Math.max(channels * 65_536L, expected > 0 ? (expected + rate) * channels : channels * (long) rate * 60))];
            int n = 0;
            byte[] buf = new byte[frameSize * 8192];
            long framesAtEof = -1;
            int zeroReads = 0;
            while (true) {
                checkCancelled();
                int r = pcm.read(buf, 0, buf.length);
                if (r < 0) {
                    break;
                }
                if (r == 0) {
                    if (++zeroReads > 10_000) {
                        throw fail(label(probe.format()) + " decoder stalled (no data): corrupt data");
                    }
                    continue;
                }
                zeroReads = 0;
                int frames = r / frameSize;
                long total = n / channels + (long) frames;
                if (total > maxFrames) {
                    throw tooLong(file, (double) total / rate, limits);
                }
                if (total > cap) {
                    throw fail(String.format(Locale.ROOT,
                            "corrupt %s data (decoder produced more audio than the file declares: %.1f s > %.1f s)",
                            label(probe.format()), (double) total / rate, (double) expected / rate));
                }
                if (eof) {
                    if (framesAtEof < 0) {
                        framesAtEof = total;
                    } else if (total - framesAtEof > afterEofCap) {
                        throw fail("corrupt " + label(probe.format()) + " data (decoder output does not end)");
                    }
                }
                int need = n + frames * channels;
                if (need > out.length) {
                    long grow = Math.max(need, (long) out.length * 3 / 2);
                    if (grow > Integer.MAX_VALUE - 16) {
                        throw tooLong(file, (double) total / rate, limits);
                    }
                    out = Arrays.copyOf(out, (int) grow);
                }
                conv.convert(buf, frames * channels, out, n);
                n = need;
                framesDecoded = total;
            }
            long frames = n / channels;
            if (expected > 0 && frames < expected && probe.format().equals(ContainerProbe.OGG_VORBIS)
                    && frames >= expected / 2) {
                // jorbis (behind vorbisspi) drops the minimal packets some encoders write for digital
                // silence at the end of a song. The Ogg structure was verified complete (end-of-stream
                // page present), so the final granule position is authoritative: pad with silence.
                int need = (int) Math.min(Integer.MAX_VALUE - 16, expected * channels);
                out = Arrays.copyOf(out, Math.max(need, n));
                n = out.length;
                frames = n / channels;
            }
            if (expected > 0) {
                long tolerance = Math.max(8192, expected / 100);
                if (frames < expected - tolerance) {
                    throw fail(String.format(Locale.ROOT,
                            "truncated or corrupt %s data (decoded %.2f s of %.2f s)",
                            label(probe.format()), (double) frames / rate, (double) expected / rate));
                }
            }
            if (frames == 0) {
                throw fail(label(probe.format()) + " file contains no decodable audio");
            }
            if (rate != probe.sampleRate() && !probe.format().equals(ContainerProbe.MP3)) {
                throw fail("corrupt " + label(probe.format()) + " data (sample rate mismatch)");
            }
            return new DecodedAudio(n == out.length ? out : Arrays.copyOf(out, n), channels, rate, probe.format());
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        String s = e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
        return AudioDecodeException.oneLine(s);
    }

    /** Converts packed PCM bytes to floats in [-1, 1]. */
    @FunctionalInterface
    interface SampleReader {
        void convert(byte[] src, int samples, float[] dst, int dstOffset);

        static SampleReader of(AudioFormat.Encoding enc, int bits, boolean bigEndian) {
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
}
