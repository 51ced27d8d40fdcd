package dev.aivj.training.music;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The order of one training epoch, balanced by style: as many patches as the training set holds, each style drawing
 * an equal share (±1) from its own shuffled patches, cycled when it has fewer. Without it the corpus's majority style
 * (rock holds over half of the minutes) would dominate the loss and the model would learn to say "rock".
 * Deterministic for (seed, epoch).
 */
public final class StyleBalancedOrder {
    private StyleBalancedOrder() {
    }

    /** @param labels the style index of each training patch */
    public static List<Integer> of(int[] labels, long seed, int epoch) {
        Random rnd = new Random(seed + 1_000_003L * epoch);
        Map<Integer, List<Integer>> byStyle = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            byStyle.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        }
        List<Integer> order = new ArrayList<>(labels.length);
        int styles = byStyle.size();
        int s = 0;
        for (List<Integer> patches : byStyle.values()) {
            Collections.shuffle(patches, rnd);
            int share = labels.length / styles + (s < labels.length % styles ? 1 : 0);
            for (int k = 0; k < share; k++) {
                order.add(patches.get(k % patches.size()));
            }
            s++;
        }
        Collections.shuffle(order, rnd);
        return order;
    }
}
