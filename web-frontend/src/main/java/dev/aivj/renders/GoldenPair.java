package dev.aivj.renders;

import dev.aivj.engine.mix.LayerMix;

/**
 * A pair to render: its two projectM presets (library ids and the URLs the app serves them at) and its coupling
 * weights, which set the layers' mix as on the page ({@link LayerMix}).
 */
public record GoldenPair(String fg, String bg, String fgUrl, String bgUrl, double ws, double wt) {

    /**
     * The pair's name in a render folder, from its presets only (background, then foreground), so a render of the
     * same presets with another mix is compared with its reference, and fails.
     */
    public String key() {
        return slug(bg) + "+" + slug(fg);
    }

    /** The layers' mix (blend mode, opacities) the page applies for this pair. */
    public LayerMix mix() {
        return LayerMix.of(ws, wt);
    }

    /** The same pair (same ids, same key) with the foreground preset's text fetched from elsewhere: a changed preset. */
    public GoldenPair withForegroundUrl(String url) {
        return new GoldenPair(fg, bg, url, bgUrl, ws, wt);
    }

    /** The same presets with other coupling weights. */
    public GoldenPair withWeights(double spatial, double temporal) {
        return new GoldenPair(fg, bg, fgUrl, bgUrl, spatial, temporal);
    }

    private static String slug(String id) {
        return id.replace('/', '.').replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
