package dev.aivj.engine.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * UNTRAINED TEST FIXTURE: a model bundle with the default architecture and seeded random weights, for tests in
 * this and other modules (engine-core's test-jar). Its outputs mean nothing; it is never shipped as the product
 * model (that one is {@code web/models/music-v1/}, exported from training).
 */
public final class FixtureBundles {
    /** Labels of the fixture (made up for tests). */
    public static final String[] LABELS = {"ambient", "house", "techno", "rock"};
    public static final long SEED = 20261127L;

    private static TestBundles cached;

    private FixtureBundles() {
    }

    private static synchronized TestBundles bundle() {
        if (cached == null) {
            cached = TestBundles.random(MusicModelSpec.defaults(LABELS), SEED);
        }
        return cached;
    }

    public static String manifest() {
        return bundle().manifest;
    }

    public static byte[] weights() {
        return bundle().weights.clone();
    }

    public static MusicModel model() {
        return MusicModel.load(manifest(), weights());
    }

    /** Writes {@code manifest.json} and {@code weights.bin} into {@code dir} (created if needed); returns dir. */
    public static Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("manifest.json"), manifest());
        Files.write(dir.resolve("weights.bin"), weights());
        return dir;
    }
}
