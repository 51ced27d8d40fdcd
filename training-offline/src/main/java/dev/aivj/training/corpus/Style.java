package dev.aivj.training.corpus;

import java.util.Arrays;
import java.util.Optional;

/** The style labels a manifest row may carry, by their manifest spelling. */
public enum Style {
    EDM("edm"),
    CLASSICAL("classical"),
    ROCK("rock"),
    AMBIENT("ambient"),
    CHIPTUNE("chiptune"),
    JAZZ("jazz"),
    FOLK("folk");

    private final String id;

    Style(String id) {
        this.id = id;
    }

    /** The spelling used in the manifest. */
    public String id() {
        return id;
    }

    /**
     * The five styles the model is trained and judged on. Jazz and folk have one or two tracks in the corpus: too
     * few to learn or to measure, so they stay in the manifest but out of the label set.
     */
    public boolean isCore() {
        return this != JAZZ && this != FOLK;
    }

    /** The style spelled {@code id} exactly (lower case), if any. */
    public static Optional<Style> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
