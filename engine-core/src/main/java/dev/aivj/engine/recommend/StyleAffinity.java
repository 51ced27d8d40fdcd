package dev.aivj.engine.recommend;

/**
 * How well a pair's look suits a style: a hand-set prototype look per style (not learned; no data pairs looks
 * with styles yet), and affinity = Σ_style p(style) · exp(−d²/(2·{@value #WIDTH}²)), d being the distance from the
 * pair's look to the style's prototype in {@link LookSpace}. Prototypes (motion, brightness, detail, colour):
 * edm (0.85, 0.6, 0.8, 0.9), classical (0.25, 0.45, 0.3, 0.35), rock (0.8, 0.5, 0.75, 0.5), ambient
 * (0.15, 0.35, 0.15, 0.45), chiptune (0.7, 0.7, 0.85, 0.85), jazz (0.45, 0.5, 0.5, 0.5), folk (0.35, 0.55, 0.35,
 * 0.4); any other label the middle of the space.
 */
public final class StyleAffinity {
    public static final double WIDTH = 0.3;
    /** The styles with a prototype of their own, in the order above. */
    public static final String[] STYLES = {"edm", "classical", "rock", "ambient", "chiptune", "jazz", "folk"};

    private StyleAffinity() {
    }

    public static double[] prototype(String style) {
        return switch (style) {
            case "edm" -> new double[] {0.85, 0.6, 0.8, 0.9};
            case "classical" -> new double[] {0.25, 0.45, 0.3, 0.35};
            case "rock" -> new double[] {0.8, 0.5, 0.75, 0.5};
            case "ambient" -> new double[] {0.15, 0.35, 0.15, 0.45};
            case "chiptune" -> new double[] {0.7, 0.7, 0.85, 0.85};
            case "jazz" -> new double[] {0.45, 0.5, 0.5, 0.5};
            case "folk" -> new double[] {0.35, 0.55, 0.35, 0.4};
            default -> new double[] {0.5, 0.5, 0.5, 0.5};
        };
    }

    /** 1 without style information (no music model); else the probability-weighted closeness to the prototypes. */
    public static double of(double[] look, String[] labels, double[] probabilities) {
        if (labels == null || probabilities == null) {
            return 1;
        }
        double a = 0;
        for (int i = 0; i < labels.length; i++) {
            a += probabilities[i] * closeness(LookSpace.distance(look, prototype(labels[i])));
        }
        return a;
    }

    /** The affinity of a look to one style alone (probability 1): the preset browser's per-style filter. */
    public static double toStyle(double[] look, String style) {
        return closeness(LookSpace.distance(look, prototype(style)));
    }

    /** exp(−d²/(2·WIDTH²)): 1 at distance 0. */
    public static double closeness(double d) {
        return Math.exp(-d * d / (2 * WIDTH * WIDTH));
    }
}
