package dev.aivj.training.corpus;

import java.util.Set;

/**
 * Debian packages kept for an independent evaluation: they must never be in the training corpus.
 * scripts/fetch-corpus.sh refuses the same names.
 */
public final class RefusedPackages {
    public static final Set<String> NAMES =
            Set.of("wesnoth-1.16-music", "nexuiz-music", "fretsonfire-songs-muldjord", "tecnoballz-data");

    private RefusedPackages() {}

    public static boolean isRefused(String packageName) {
        return NAMES.contains(packageName);
    }
}
