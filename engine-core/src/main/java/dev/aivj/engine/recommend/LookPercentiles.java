package dev.aivj.engine.recommend;

import dev.aivj.engine.looks.MeasuredLook;
import java.util.Arrays;
import java.util.List;

/**
 * A preset's position in {@link LookSpace} from its measured look ({@link MeasuredLook} slots): per axis its
 * percentile among all usable (not blank, frozen or broken) measured presets, of motion, luma_mean, edge_density and
 * colourfulness. A pair's look in the pair library is the mean of its two presets' positions; the preset index shows
 * each preset's own, so the page can filter by the same axes the engine recommends on.
 */
public final class LookPercentiles {
    /** The measured-look slot behind each {@link LookSpace#AXES} axis, in order. */
    public static final String[] SLOTS = {"motion", "luma_mean", "edge_density", "colourfulness"};

    private final float[][] sorted = new float[SLOTS.length][];
    private final int[] slot = new int[SLOTS.length];

    /** @param looks measured looks ({@link MeasuredLook#LENGTH} slots each); unusable ones are left out */
    public LookPercentiles(List<float[]> looks) {
        List<float[]> ok = looks.stream().filter(LookPercentiles::usable).toList();
        findSlots();
        for (int a = 0; a < SLOTS.length; a++) {
            float[] v = new float[ok.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = ok.get(i)[slot[a]];
            }
            Arrays.sort(v);
            sorted[a] = v;
        }
    }

    private LookPercentiles(float[][] sortedValues) {
        findSlots();
        for (int a = 0; a < SLOTS.length; a++) {
            sorted[a] = sortedValues[a].clone();
        }
    }

    /**
     * Percentiles over values stored by {@link #sortedValues}: per axis, the usable presets' values in ascending
     * order (the page has no measured library of its own, so the export ships these).
     */
    public static LookPercentiles ofSorted(float[][] sortedValues) {
        if (sortedValues.length != SLOTS.length) {
            throw new IllegalArgumentException("look percentiles: expected " + SLOTS.length + " axes, got "
                    + sortedValues.length);
        }
        for (int a = 0; a < SLOTS.length; a++) {
            float[] v = sortedValues[a];
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i]) || i > 0 && v[i] < v[i - 1]) {
                    throw new IllegalArgumentException("look percentiles: axis " + SLOTS[a]
                            + " is not finite and ascending at value " + i);
                }
            }
        }
        return new LookPercentiles(sortedValues);
    }

    /** Per axis, the usable presets' values in ascending order. */
    public float[][] sortedValues() {
        float[][] out = new float[SLOTS.length][];
        for (int a = 0; a < SLOTS.length; a++) {
            out[a] = sorted[a].clone();
        }
        return out;
    }

    private void findSlots() {
        List<String> names = Arrays.asList(MeasuredLook.names());
        for (int a = 0; a < SLOTS.length; a++) {
            slot[a] = names.indexOf(SLOTS[a]);
        }
    }

    public static boolean usable(float[] look) {
        return look[MeasuredLook.BLANK] == 0 && look[MeasuredLook.FROZEN] == 0 && look[MeasuredLook.BROKEN] == 0;
    }

    /** The percentile (0..1) of {@code look}'s value on one axis: its rank among the usable presets. */
    public double of(int axis, float[] look) {
        float[] v = sorted[axis];
        int i = Arrays.binarySearch(v, look[slot[axis]]);
        int pos = i >= 0 ? i : -i - 1;
        return v.length <= 1 ? 0.5 : Math.min(1, (double) pos / (v.length - 1));
    }

    /** All four axes of one preset. */
    public double[] axes(float[] look) {
        double[] out = new double[SLOTS.length];
        for (int a = 0; a < out.length; a++) {
            out[a] = of(a, look);
        }
        return out;
    }
}
