package dev.aivj.training.feedback;

import java.nio.charset.StandardCharsets;

/**
 * Stable A/B arm per installation: FNV-1a (64 bit) of the installation id's UTF-8 bytes, modulo the number of arms,
 * so an installation stays in its arm across sessions and restarts without storing anything, and the arms split
 * about evenly over many installations.
 */
public final class ArmAssignment {
    /** The arms in assignment order: hash mod 3 = 0, 1, 2. */
    public static final String[] ARMS = {"learned", "weighted-random", "recommender"};

    private ArmAssignment() {
    }

    public static String arm(String installation) {
        long h = 0xcbf29ce484222325L;
        for (byte b : installation.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return ARMS[(int) Long.remainderUnsigned(h, ARMS.length)];
    }
}
