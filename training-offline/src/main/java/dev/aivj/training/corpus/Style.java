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

    /** The style spelled {@code id} exactly (lower case), if any. */
    public static Optional<Style> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
