package dev.aivj.engine.recommend;

import dev.aivj.engine.json.JsonReader;
import dev.aivj.engine.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The elite pair library the page and the CLI recommend from ({@code pair-library.json}, written by model-export's
 * {@code export-library}): {@code {"format": "aivj-pair-library-v1", "lookAxes": [...], "pairs": [{"fg", "bg",
 * "fgUrl", "bgUrl", "quality", "w_s", "w_t", "look": [4 numbers], "rating": 0..5 (optional)}]}}. Parsing refuses,
 * naming the pair, a library
 * of another format, other look axes, a missing field or a value out of range.
 */
public final class PairLibrary {
    public static final String FORMAT = "aivj-pair-library-v1";

    private final List<LibraryPair> pairs;

    private PairLibrary(List<LibraryPair> pairs) {
        this.pairs = Collections.unmodifiableList(pairs);
    }

    public static PairLibrary parse(String json) {
        JsonValue root;
        try {
            root = JsonReader.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pair library: not valid JSON: " + e.getMessage(), e);
        }
        try {
            return read(root);
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("pair library:") ? e
                    : new IllegalArgumentException("pair library: " + e.getMessage(), e);
        }
    }

    private static PairLibrary read(JsonValue root) {
        String format = root.get("format").asString();
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("pair library: format " + format + " is not " + FORMAT);
        }
        String[] axes = root.get("lookAxes").asStringArray();
        if (axes.length != LookSpace.DIMENSIONS) {
            throw new IllegalArgumentException("pair library: look axes differ from this engine's");
        }
        for (int i = 0; i < axes.length; i++) {
            if (!axes[i].equals(LookSpace.AXES[i])) {
                throw new IllegalArgumentException("pair library: look axes differ from this engine's");
            }
        }
        JsonValue list = root.get("pairs");
        List<LibraryPair> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonValue p = list.at(i);
            double[] look = new double[LookSpace.DIMENSIONS];
            JsonValue l = p.get("look");
            if (l.size() != look.length) {
                throw new IllegalArgumentException("pair library: pair " + i + " has " + l.size() + " look values");
            }
            for (int k = 0; k < look.length; k++) {
                look[k] = within(l.at(k).asDouble(), 0, 1, "look", i);
            }
            out.add(new LibraryPair(p.get("fg").asString(), p.get("bg").asString(), p.get("fgUrl").asString(),
                    p.get("bgUrl").asString(), within(p.get("quality").asDouble(), 0, 1, "quality", i),
                    p.get("w_s").asDouble(), p.get("w_t").asDouble(), look,
                    p.has("rating") ? within(p.get("rating").asDouble(), 0, 5, "rating", i) : RatingPrior.NEUTRAL));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("pair library: no pairs");
        }
        return new PairLibrary(out);
    }

    private static double within(double v, double lo, double hi, String what, int pair) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException("pair library: pair " + pair + " has " + what + " " + v
                    + " outside " + lo + ".." + hi);
        }
        return v;
    }

    /** This library with {@code more} pairs after its own (e.g. the pairs of presets a viewer brought). */
    public PairLibrary plus(List<LibraryPair> more) {
        List<LibraryPair> all = new ArrayList<>(pairs);
        all.addAll(more);
        return new PairLibrary(all);
    }

    public List<LibraryPair> pairs() {
        return pairs;
    }

    public int size() {
        return pairs.size();
    }
}
