package dev.aivj.engine.mix;

import dev.aivj.engine.coupling.CouplingModelSpec;

/**
 * How a pair's coupling weights set the two layers' mix: the numbers the page and the widget apply, computed here
 * once so no script keeps its own copy of the policy or of {@link CouplingModelSpec#W_MAX}.
 *
 * <p>With s = (w_s/W_MAX + 1)/2 and t = (w_t/W_MAX + 1)/2, both clamped to 0..1:
 * <ul>
 *   <li>spatial (w_s): layers the model wants alike (s high) blend evenly with {@code screen}, contrasting ones
 *       (s low) keep the foreground {@code normal} over the background, {@code plus-lighter} between; foreground
 *       opacity 0.6 + 0.2·s, background 0.5 − 0.2·s (the team's 0.6–0.8 in front, 0.3–0.5 behind);</li>
 *   <li>temporal (w_t): tightly coupled layers (t high) change pairs fast and follow the music's energy quickly:
 *       transition 4 − 3·t seconds, energy smoothing (follow time) 0.05 + 0.45·(1 − t) seconds.</li>
 * </ul>
 *
 * @param blendMode CSS mix-blend-mode of the foreground: {@code screen}, {@code plus-lighter} or {@code normal}
 * @param fgOpacity foreground layer opacity, 0.6..0.8
 * @param bgOpacity background layer opacity, 0.3..0.5
 * @param transitionSeconds blend time when the pair's presets come in, 1..4 s
 * @param followSeconds smoothing time of the layers' energy follower, 0.05..0.5 s
 */
public record LayerMix(String blendMode, double fgOpacity, double bgOpacity, double transitionSeconds,
        double followSeconds) {

    /** The mix for coupling weights w_s, w_t (−W_MAX..W_MAX; a non-finite weight counts as 0). */
    public static LayerMix of(double ws, double wt) {
        double s = unit(ws);
        double t = unit(wt);
        String blend = s > 2.0 / 3 ? "screen" : s > 1.0 / 3 ? "plus-lighter" : "normal";
        return new LayerMix(blend, 0.6 + 0.2 * s, 0.5 - 0.2 * s, 4 - 3 * t, 0.05 + 0.45 * (1 - t));
    }

    /** One mix per chosen pair, in order (null for null: no pair library). */
    public static java.util.List<LayerMix> forPairs(java.util.List<dev.aivj.engine.recommend.PairChoice> pairs) {
        return pairs == null ? null : pairs.stream().map(c -> of(c.pair().ws(), c.pair().wt())).toList();
    }

    private static double unit(double w) {
        double u = (w / CouplingModelSpec.W_MAX + 1) / 2;
        return Double.isFinite(u) ? Math.min(1, Math.max(0, u)) : 0.5;
    }
}
