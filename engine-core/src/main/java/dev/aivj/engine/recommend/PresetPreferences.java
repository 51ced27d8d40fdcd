package dev.aivj.engine.recommend;

import dev.aivj.engine.json.JsonReader;
import dev.aivj.engine.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The viewer's preset preferences as pair choice applies them (the page keeps them in the browser): a pair with a
 * blocked preset is never picked, and each favourite preset in a pair multiplies its score by
 * {@value #FAVOURITE_FACTOR} (a pair of two favourites: ×{@value #FAVOURITE_FACTOR}², 2.25). The factor nudges, it
 * does not override: a favourite pair far from the section's look still loses to a pair that fits (fit falls to
 * 0.25 at a look distance of 0.5, so ×1.5 makes up for about 0.27 of distance).
 *
 * <p>JSON: {@code {"blocked": ["pack/slug", ...], "favourites": ["pack/slug", ...]}}; both keys optional.
 */
public record PresetPreferences(Set<String> blocked, Set<String> favourites) {
    public static final double FAVOURITE_FACTOR = 1.5;
    public static final PresetPreferences NONE = new PresetPreferences(Set.of(), Set.of());

    public PresetPreferences {
        blocked = Collections.unmodifiableSet(new LinkedHashSet<>(blocked));
        favourites = Collections.unmodifiableSet(new LinkedHashSet<>(favourites));
    }

    /** Parses the JSON above; refuses (IllegalArgumentException) anything else, naming what is wrong. */
    public static PresetPreferences parse(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonValue root;
        try {
            root = JsonReader.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("preset preferences: not valid JSON: " + e.getMessage(), e);
        }
        if (root.kind() != JsonValue.Kind.OBJECT) {
            throw new IllegalArgumentException("preset preferences: expected an object with blocked and favourites");
        }
        return new PresetPreferences(ids(root, "blocked"), ids(root, "favourites"));
    }

    private static Set<String> ids(JsonValue root, String key) {
        Set<String> out = new LinkedHashSet<>();
        if (!root.has(key) || root.get(key).kind() == JsonValue.Kind.NULL) {
            return out;
        }
        JsonValue list = root.get(key);
        if (list.kind() != JsonValue.Kind.ARRAY) {
            throw new IllegalArgumentException("preset preferences: " + key + " must be an array of preset ids");
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.at(i).kind() != JsonValue.Kind.STRING) {
                throw new IllegalArgumentException("preset preferences: " + key + "[" + i + "] is not a preset id");
            }
            out.add(list.at(i).asString());
        }
        return out;
    }

    public boolean allows(LibraryPair p) {
        return !blocked.contains(p.fg()) && !blocked.contains(p.bg());
    }

    /** FAVOURITE_FACTOR to the power of the pair's favourite presets (1 for none). */
    public double factor(LibraryPair p) {
        double f = 1;
        if (favourites.contains(p.fg())) {
            f *= FAVOURITE_FACTOR;
        }
        if (favourites.contains(p.bg())) {
            f *= FAVOURITE_FACTOR;
        }
        return f;
    }

    /** How many of the library's pairs these preferences allow. */
    public int allowedIn(PairLibrary library) {
        int n = 0;
        for (LibraryPair p : library.pairs()) {
            if (allows(p)) {
                n++;
            }
        }
        return n;
    }

    /** Refuses preferences that block every pair of the library: the show would have nothing to play. */
    public void requireSomePairIn(PairLibrary library) {
        if (library != null && allowedIn(library) == 0) {
            throw new IllegalArgumentException("preset preferences: the blocklist (" + blocked.size()
                    + " presets) blocks every pair of the library; unblock some presets");
        }
    }
}
