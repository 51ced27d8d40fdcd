package dev.aivj.training.corpus;

import java.util.Arrays;
import java.util.Optional;

/** The side of the train/validation/test split a track (and its whole album) is on. */
public enum Split {
    TRAIN("train"),
    VALIDATION("validation"),
    TEST("test");

    private final String id;

    Split(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The split spelled {@code id} exactly (lower case), if any. */
    public static Optional<Split> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
