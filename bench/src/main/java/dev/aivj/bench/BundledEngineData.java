package dev.aivj.bench;

import dev.aivj.engine.model.ModelBundle;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.recommend.PairLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The music model and pair library the page serves (classpath web/), so HotSpot runs with the same bundles. */
public record BundledEngineData(MusicModel model, PairLibrary library) {

    public static BundledEngineData load() {
        return new BundledEngineData(MusicModel.fromBundle(musicBundle()),
                PairLibrary.parse(text("web/pairs/pair-library.json")));
    }

    /** The music model's bundle as the page serves it (the ONNX export is written from it). */
    public static ModelBundle musicBundle() {
        return ModelBundle.load(text("web/models/music-v1/manifest.json"), bytes("web/models/music-v1/weights.bin"));
    }

    private static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = BundledEngineData.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
