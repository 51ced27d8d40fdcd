package dev.aivj.training.corpus;

import java.util.List;

/** A validated manifest: its tracks in file order. */
public record CorpusManifest(String source, List<CorpusTrack> tracks) {
    public CorpusManifest {
        tracks = List.copyOf(tracks);
    }
}
