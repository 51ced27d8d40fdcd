package dev.aivj.export.heldout;

import dev.aivj.training.corpus.CorpusTrack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Leave-one-package-out folds: each package in turn is the test set, and the model trains on the other
 * packages' tracks minus every track by an artist of the held-out package (an artist who ships in two packages
 * would otherwise be heard in training). This is how the model meets music it has never heard.
 */
public final class PackageFolds {
    /** One fold: the held-out package, its tracks, and what trains. */
    public record Fold(String heldOut, List<CorpusTrack> train, List<CorpusTrack> test) {
    }

    private PackageFolds() {
    }

    /**
     * One fold per package that has tracks passing {@code use} and {@code testable}, in manifest order. Tracks
     * that pass {@code use} but not {@code testable} (generated music) only ever train: the evaluation is about
     * real music.
     */
    public static List<Fold> of(List<CorpusTrack> tracks, Predicate<CorpusTrack> use,
            Predicate<CorpusTrack> testable) {
        Map<String, List<CorpusTrack>> byPackage = new LinkedHashMap<>();
        for (CorpusTrack t : tracks) {
            if (use.test(t) && testable.test(t)) {
                byPackage.computeIfAbsent(t.packageName(), k -> new ArrayList<>()).add(t);
            }
        }
        List<Fold> folds = new ArrayList<>();
        for (Map.Entry<String, List<CorpusTrack>> e : byPackage.entrySet()) {
            Set<String> artists = new HashSet<>();
            e.getValue().forEach(t -> artists.add(t.artist()));
            List<CorpusTrack> train = new ArrayList<>();
            for (CorpusTrack t : tracks) {
                boolean heldOut = t.packageName().equals(e.getKey()) && testable.test(t);
                if (use.test(t) && !heldOut && !artists.contains(t.artist())) {
                    train.add(t);
                }
            }
            folds.add(new Fold(e.getKey(), List.copyOf(train), List.copyOf(e.getValue())));
        }
        return folds;
    }
}
