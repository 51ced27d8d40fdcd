package dev.aivj.training.music;

import dev.aivj.engine.model.Sha256;
import dev.aivj.training.corpus.CorpusManifest;
import dev.aivj.training.corpus.CorpusTrack;
import dev.aivj.training.corpus.ManifestException;
import dev.aivj.training.corpus.ManifestReader;
import dev.aivj.training.corpus.Split;
import dev.aivj.training.corpus.Style;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The training data, read straight from the committed corpus manifest (training-offline's
 * {@code corpus/music-manifest.csv}, or another file in the same format) plus the folder its {@code audio}
 * paths are relative to. The manifest's split is used as is: {@code train} trains, {@code validation} selects
 * the epoch (early stopping), {@code test} is only for the final evaluation.
 *
 * <p>Labels are the core styles ({@link Style#isCore}) that occur in the train split, in {@link Style} order (a
 * style with no training track cannot be learnt).
 */
public final class ManifestCorpus {
    private final CorpusManifest manifest;
    private final String sha256;
    private final Path audioDir;
    private final List<Style> labels;

    public ManifestCorpus(CorpusManifest manifest, String sha256, Path audioDir) {
        this.manifest = manifest;
        this.sha256 = sha256;
        this.audioDir = audioDir;
        EnumSet<Style> inTrain = EnumSet.noneOf(Style.class);
        for (CorpusTrack t : manifest.tracks()) {
            if (t.split() == Split.TRAIN && t.style().isCore()) {
                inTrain.add(t.style());
            }
        }
        this.labels = List.copyOf(inTrain);
        checkDisjoint();
    }

    /** The bundled manifest, or {@code manifestFile} when not null; audio under {@code audioDir}. */
    public static ManifestCorpus load(Path manifestFile, Path audioDir) throws IOException, ManifestException {
        ManifestReader reader = new ManifestReader();
        if (manifestFile != null) {
            return new ManifestCorpus(reader.read(manifestFile), Sha256.hex(Files.readAllBytes(manifestFile)),
                    audioDir);
        }
        byte[] bytes;
        try (InputStream in = ManifestReader.class.getResourceAsStream(ManifestReader.BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IOException(ManifestReader.BUNDLED_RESOURCE + " not on the class path");
            }
            bytes = in.readAllBytes();
        }
        return new ManifestCorpus(reader.readBundled(), Sha256.hex(bytes), audioDir);
    }

    /** Default audio folder: {@code $AIVJ_CACHE/corpus} (else {@code ~/.cache/aivj/corpus}). */
    public static Path defaultAudioDir() {
        return FeatureCache.cacheRoot().resolve("corpus");
    }

    public CorpusManifest manifest() {
        return manifest;
    }

    /** Where the manifest came from (file path or class-path resource). */
    public String source() {
        return manifest.source();
    }

    public String sha256() {
        return sha256;
    }

    public Path audioDir() {
        return audioDir;
    }

    public List<Style> labels() {
        return labels;
    }

    public String[] labelIds() {
        return labels.stream().map(Style::id).toArray(String[]::new);
    }

    /** Label index of a style, or -1 when the style has no training track. */
    public int labelOf(Style s) {
        return labels.indexOf(s);
    }

    public List<CorpusTrack> tracks(Split split) {
        List<CorpusTrack> out = new ArrayList<>();
        for (CorpusTrack t : manifest.tracks()) {
            if (t.split() == split) {
                out.add(t);
            }
        }
        return out;
    }

    public Path audio(CorpusTrack t) {
        return audioDir.resolve(t.audio());
    }

    /**
     * Refuses a manifest where a train track shares its audio file or its album with a validation or test track
     * (the manifest reader checks albums already; this guards the training path itself).
     */
    private void checkDisjoint() {
        Set<String> trainAudio = new HashSet<>();
        Set<String> trainAlbums = new HashSet<>();
        for (CorpusTrack t : tracks(Split.TRAIN)) {
            trainAudio.add(t.audio());
            trainAlbums.add(t.albumKey());
        }
        for (CorpusTrack t : manifest.tracks()) {
            if (t.split() != Split.TRAIN && (trainAudio.contains(t.audio()) || trainAlbums.contains(t.albumKey()))) {
                throw new IllegalStateException("line " + t.line() + " (" + t.split().id() + ") shares audio or album "
                        + t.albumKey() + " with the train split");
            }
        }
    }
}
