package dev.aivj.training.music;

import dev.aivj.audioio.AudioDecodeException;
import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.audioio.DecodedAudio;
import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.EngineInfo;
import dev.aivj.engine.analysis.AnalysisResult;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.Sha256;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Disk cache of engine-core's frame features (log-mel, rms, centroid, flux, onset, low/mid/high) per audio file,
 * so that retraining does not decode and analyse the corpus again. Entries live in
 * {@code <dir>/<sha256 of the file>-<EngineInfo.VERSION>-d<AudioFileDecoder.VERSION>.feat}: a changed file, a
 * new engine version (which may change the analysis) or a new decoder misses the cache. Default folder: {@code $AIVJ_CACHE/features} (else
 * {@code ~/.cache/aivj/features}).
 */
public final class FeatureCache {
    private static final int MAGIC = 0x41465431; // "AFT1"
    /** What made an entry: the engine's analysis and the decoder's PCM. */
    private static final String VERSION = EngineInfo.VERSION + "-d" + AudioFileDecoder.VERSION;

    /** Cached analysis of one file: its frame features and the track tempo. */
    public record Entry(FrameFeatures frames, double bpm, String sha256) {
    }

    private final Path dir;
    /** Entries already read in this process, by file (null: not kept); see {@link #keepingInMemory}. */
    private final Map<Path, Entry> memory;

    public FeatureCache(Path dir) {
        this(dir, false);
    }

    private FeatureCache(Path dir, boolean keepInMemory) {
        this.dir = dir;
        this.memory = keepInMemory ? new HashMap<>() : null;
    }

    /**
     * The same cache, also keeping every entry it returns in memory: for a run that reads the whole corpus many
     * times (leave-one-package-out trains once per package), where hashing each file again costs more than
     * training. The files must not change during the run.
     */
    public FeatureCache keepingInMemory() {
        return new FeatureCache(dir, true);
    }

    public static Path cacheRoot() {
        String cache = System.getenv("AIVJ_CACHE");
        return cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "aivj");
    }

    public static FeatureCache defaultCache() {
        return new FeatureCache(cacheRoot().resolve("features"));
    }

    public Path dir() {
        return dir;
    }

    /** The features of {@code audio}, from the cache or computed (and stored) with engine-core's analyzer. */
    public Entry get(Path audio) throws IOException, AudioDecodeException {
        if (memory != null) {
            Entry kept = memory.get(audio);
            if (kept == null) {
                kept = load(audio);
                memory.put(audio, kept);
            }
            return kept;
        }
        return load(audio);
    }

    private Entry load(Path audio) throws IOException, AudioDecodeException {
        String sha = Sha256.hex(Files.readAllBytes(audio));
        Path file = dir.resolve(sha + "-" + VERSION + ".feat");
        if (Files.isRegularFile(file)) {
            try {
                return read(file, sha);
            } catch (IOException e) {
                Files.deleteIfExists(file); // damaged entry: recompute
            }
        }
        DecodedAudio decoded = AudioFileDecoder.decode(audio);
        AnalysisResult r = new AudioAnalyzer().analyze(decoded.interleaved(), decoded.channels(), decoded.sampleRate());
        Entry e = new Entry(r.frames(), r.tempo().bpm(), sha);
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, sha, ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            FrameFeatures f = e.frames();
            out.writeInt(MAGIC);
            out.writeUTF(VERSION);
            out.writeInt(f.frames());
            out.writeInt(f.melBands());
            out.writeDouble(e.bpm());
            for (float[] a : new float[][] {f.logMel(), f.rms(), f.centroidHz(), f.flux(), f.onset(), f.low(), f.mid(),
                f.high()}) {
                out.writeInt(a.length);
                for (float v : a) {
                    out.writeFloat(v);
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return e;
    }

    private static Entry read(Path file, String sha) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || !in.readUTF().equals(VERSION)) {
                throw new IOException(file + ": not a feature cache entry of this engine and decoder version");
            }
            int frames = in.readInt();
            int bands = in.readInt();
            double bpm = in.readDouble();
            float[][] a = new float[8][];
            for (int k = 0; k < a.length; k++) {
                int n = in.readInt();
                if (n != (k == 0 ? frames * bands : frames)) {
                    throw new IOException(file + ": array " + k + " has " + n + " values");
                }
                a[k] = new float[n];
                for (int i = 0; i < n; i++) {
                    a[k][i] = in.readFloat();
                }
            }
            return new Entry(new FrameFeatures(frames, bands, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]), bpm, sha);
        }
    }
}
