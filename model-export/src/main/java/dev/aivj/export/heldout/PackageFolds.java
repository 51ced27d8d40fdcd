package dev.aivj.export.heldout;

import dev.aivj.training.corpus.CorpusTrack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Leave-one-package-out folds: each package in turn is the test set, and the model trains on the other
 * packages' tracks minus every track by an artist of the held-out package (an artist who ships in two packages
 * would otherwise be heard in training). This is how the model meets music it has never heard.
 */
public final class PackageFolds {
    /** One fold: the held-out package (or group of packages), its tracks, and what trains. */
    public record Fold(String heldOut, List<CorpusTrack> train, List<CorpusTrack> test) {
        /** The held-out packages. */
        public Set<String> packages() {
            Set<String> p = new TreeSet<>();
            test.forEach(t -> p.add(t.packageName()));
            return p;
        }
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
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String p : testablePackages(tracks, use, testable).keySet()) {
            groups.put(p, List.of(p));
        }
        return folds(tracks, use, testable, groups);
    }

    /**
     * {@code count} folds, each holding out a group of whole packages (a cheaper evaluation when one fold costs
     * minutes): packages, largest first, go to the group with the fewest test tracks so far. Folds are named
     * {@code group-1} … and train on everything outside their packages and artists, as in {@link #of}.
     */
    public static List<Fold> grouped(List<CorpusTrack> tracks, Predicate<CorpusTrack> use,
            Predicate<CorpusTrack> testable, int count) {
        Map<String, List<CorpusTrack>> byPackage = testablePackages(tracks, use, testable);
        if (count < 2 || count > byPackage.size()) {
            throw new IllegalArgumentException("package groups must be 2.." + byPackage.size() + ", got " + count);
        }
        List<String> largestFirst = new ArrayList<>(byPackage.keySet());
        largestFirst.sort(Comparator.comparingInt((String p) -> -byPackage.get(p).size()).thenComparing(p -> p));
        List<List<String>> members = new ArrayList<>();
        int[] size = new int[count];
        for (int g = 0; g < count; g++) {
            members.add(new ArrayList<>());
        }
        for (String p : largestFirst) {
            int g = 0;
            for (int k = 1; k < count; k++) {
                if (size[k] < size[g]) {
                    g = k;
                }
            }
            members.get(g).add(p);
            size[g] += byPackage.get(p).size();
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (int g = 0; g < count; g++) {
            groups.put("group-" + (g + 1), members.get(g));
        }
        return folds(tracks, use, testable, groups);
    }

    private static Map<String, List<CorpusTrack>> testablePackages(List<CorpusTrack> tracks,
            Predicate<CorpusTrack> use, Predicate<CorpusTrack> testable) {
        Map<String, List<CorpusTrack>> byPackage = new LinkedHashMap<>();
        for (CorpusTrack t : tracks) {
            if (use.test(t) && testable.test(t)) {
                byPackage.computeIfAbsent(t.packageName(), k -> new ArrayList<>()).add(t);
            }
        }
        return byPackage;
    }

    private static List<Fold> folds(List<CorpusTrack> tracks, Predicate<CorpusTrack> use,
            Predicate<CorpusTrack> testable, Map<String, List<String>> groups) {
        List<Fold> folds = new ArrayList<>();
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            Set<String> packages = new HashSet<>(g.getValue());
            List<CorpusTrack> test = new ArrayList<>();
            Set<String> artists = new HashSet<>();
            for (CorpusTrack t : tracks) {
                if (packages.contains(t.packageName()) && use.test(t) && testable.test(t)) {
                    test.add(t);
                    artists.add(t.artist());
                }
            }
            List<CorpusTrack> train = new ArrayList<>();
            for (CorpusTrack t : tracks) {
                boolean heldOut = packages.contains(t.packageName()) && testable.test(t);
                if (use.test(t) && !heldOut && !artists.contains(t.artist())) {
                    train.add(t);
                }
            }
            folds.add(new Fold(g.getKey(), List.copyOf(train), List.copyOf(test)));
        }
        return folds;
    }
}
