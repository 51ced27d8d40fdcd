package dev.aivj.training.corpus;

import java.util.Objects;

/**
 * One validated manifest row.
 *
 * @param line the 1-based line number in the manifest file
 * @param packageName the Debian package the track comes from
 * @param version that package's version
 * @param path the file inside the package (provenance)
 * @param audio the decodable audio file, relative to the corpus cache folder
 * @param licence the licence, from the package's copyright file
 * @param durationSeconds the measured duration
 * @param style the style label
 * @param split the side of the split
 * @param album the album (or single) that decides the split together with the package
 * @param artist the artist or composer (held-out evaluation keeps an artist on one side)
 * @param grade how strong the evidence for the label is
 * @param evidence why the label holds
 */
public record CorpusTrack(
        int line,
        String packageName,
        String version,
        String path,
        String audio,
        String licence,
        double durationSeconds,
        Style style,
        Split split,
        String album,
        String artist,
        EvidenceGrade grade,
        String evidence) {

    public CorpusTrack {
        Objects.requireNonNull(packageName);
        Objects.requireNonNull(style);
        Objects.requireNonNull(split);
        Objects.requireNonNull(album);
        Objects.requireNonNull(artist);
        Objects.requireNonNull(grade);
        Objects.requireNonNull(evidence);
    }

    /** The unit the split is fixed by: package and album. */
    public String albumKey() {
        return packageName + " / " + album;
    }
}
