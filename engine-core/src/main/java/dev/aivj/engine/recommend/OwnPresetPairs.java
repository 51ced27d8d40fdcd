package dev.aivj.engine.recommend;

import dev.aivj.engine.coupling.CouplingModel;
import dev.aivj.engine.coupling.CouplingScore;
import dev.aivj.engine.looks.MeasuredLook;
import dev.aivj.engine.presets.PresetFeatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Pairs a preset the viewer brought with the library's presets, the way {@code export-library} made the library's
 * own pairs: the coupling model scores it as the upper layer over every partner and as the lower layer under every
 * partner, and the {@code perRole} best of each role become library pairs, with the coupling model's quality, w_s
 * and w_t, and a look that is the mean of the two presets' {@link LookPercentiles} positions.
 */
public final class OwnPresetPairs {
    public static final int DEFAULT_PER_ROLE = 6;

    private OwnPresetPairs() {
    }

    /**
     * @param vector the new preset's {@link dev.aivj.engine.looks.PresetVector}; its look must be usable (not
     *               blank, frozen or broken): such a preset gets no pairs
     * @return the best pairs, upper-layer ones first, each role by descending quality
     */
    public static List<LibraryPair> of(CouplingModel model, PartnerPresets partners, String id, String url,
            float[] vector, int perRole) {
        float[] look = look(vector);
        if (!LookPercentiles.usable(look)) {
            return List.of();
        }
        double[] axes = partners.percentiles().axes(look);
        List<LibraryPair> asUpper = new ArrayList<>();
        List<LibraryPair> asLower = new ArrayList<>();
        for (PartnerPresets.Partner p : partners.presets()) {
            if (p.id().equals(id)) {
                continue;
            }
            double[] pairLook = mean(axes, partners.percentiles().axes(look(p.vector())));
            CouplingScore up = model.score(vector, p.vector());
            asUpper.add(new LibraryPair(id, p.id(), url, p.url(), up.quality(), up.spatialWeight(),
                    up.temporalWeight(), pairLook));
            CouplingScore down = model.score(p.vector(), vector);
            asLower.add(new LibraryPair(p.id(), id, p.url(), url, down.quality(), down.spatialWeight(),
                    down.temporalWeight(), pairLook));
        }
        List<LibraryPair> out = new ArrayList<>(best(asUpper, perRole));
        out.addAll(best(asLower, perRole));
        return out;
    }

    private static List<LibraryPair> best(List<LibraryPair> pairs, int n) {
        return pairs.stream().sorted(Comparator.comparingDouble(LibraryPair::quality).reversed()).limit(n).toList();
    }

    private static float[] look(float[] vector) {
        return Arrays.copyOfRange(vector, PresetFeatures.LENGTH, PresetFeatures.LENGTH + MeasuredLook.LENGTH);
    }

    private static double[] mean(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (a[i] + b[i]) / 2;
        }
        return out;
    }
}
