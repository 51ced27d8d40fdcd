package dev.aivj.engine.recommend;

/**
 * One pair of the elite library as recommendation sees it.
 *
 * @param fg       upper (foreground) preset id
 * @param bg       lower (background) preset id
 * @param fgUrl    where the page loads the upper preset
 * @param bgUrl    where the page loads the lower preset
 * @param quality  the coupling model's quality, 0..1
 * @param ws       the coupling model's spatial weight w_s
 * @param wt       the coupling model's temporal weight w_t
 * @param look     the pair's position in {@link LookSpace}
 * @param rating   the mean of its two presets' fRating, MilkDrop's 0..5 rating by their author or curator
 *                 ({@link RatingPrior#NEUTRAL}, MilkDrop's default, when a library does not say)
 */
public record LibraryPair(String fg, String bg, String fgUrl, String bgUrl, double quality, double ws, double wt,
        double[] look, double rating) {

    /** A pair without a rating (neutral). */
    public LibraryPair(String fg, String bg, String fgUrl, String bgUrl, double quality, double ws, double wt,
            double[] look) {
        this(fg, bg, fgUrl, bgUrl, quality, ws, wt, look, RatingPrior.NEUTRAL);
    }
}
