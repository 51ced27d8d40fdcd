package dev.aivj.training.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The committed manifest; needs no audio (the corpus itself stays in the cache). */
class BundledManifestTest {
    private final CorpusManifest manifest = load();

    private static CorpusManifest load() {
        try {
            return new ManifestReader().readBundled();
        } catch (ManifestException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void loadsWithZeroErrors() {
        assertFalse(manifest.tracks().isEmpty());
    }

    @Test
    void everyRowHasEvidenceAndLicence() {
        for (CorpusTrack t : manifest.tracks()) {
            assertFalse(t.evidence().isBlank(), "line " + t.line());
            assertFalse(t.licence().isBlank(), "line " + t.line());
        }
    }

    @Test
    void noRefusedPackage() {
        for (CorpusTrack t : manifest.tracks()) {
            assertFalse(RefusedPackages.isRefused(t.packageName()), "line " + t.line() + ": " + t.packageName());
        }
        // The names the evaluation keeps to itself, spelled out here too so that the list cannot shrink silently.
        assertTrue(RefusedPackages.NAMES.containsAll(
                Set.of("wesnoth-1.16-music", "nexuiz-music", "fretsonfire-songs-muldjord", "tecnoballz-data")));
    }

    @Test
    void noAlbumOnTwoSidesOfTheSplit() {
        Map<String, Set<Split>> sides = new HashMap<>();
        for (CorpusTrack t : manifest.tracks()) {
            sides.computeIfAbsent(t.albumKey(), k -> EnumSet.noneOf(Split.class)).add(t.split());
        }
        sides.forEach((album, s) -> assertEquals(1, s.size(), album + " is on " + s));
    }

    @Test
    void everyLabelledStyleIsInTrain() {
        Set<Style> all = manifest.tracks().stream().map(CorpusTrack::style).collect(Collectors.toSet());
        Set<Style> train = manifest.tracks().stream().filter(t -> t.split() == Split.TRAIN)
                .map(CorpusTrack::style).collect(Collectors.toSet());
        assertEquals(all, train);
    }

    @Test
    void everyTrackComesFromItsPackageOrItsDerivedFolder() {
        for (CorpusTrack t : manifest.tracks()) {
            assertTrue(t.audio().startsWith(t.packageName() + "/")
                    || t.audio().startsWith("derived/" + t.packageName() + "/"), "line " + t.line());
        }
    }
}
