package dev.aivj.engine.feedback;

import dev.aivj.engine.json.JsonReader;
import dev.aivj.engine.json.JsonValue;
import dev.aivj.engine.json.JsonWriter;
import dev.aivj.engine.recommend.PairFeatures;

/**
 * The federation's global prior: the mean of the viewers' clipped preference updates (FedAvg), the starting point
 * of every new viewer's {@link ViewerPreference}, versioned so a viewer knows which prior their update moved from.
 *
 * <p>JSON: {@code {"format": "aivj-global-prior-v1", "version": n, "dimensions": d, "features": [names],
 * "updates": how many updates it averages in all, "theta": [d]}}. Version 0 is the zero prior (nobody has
 * contributed yet).
 */
public record GlobalPrior(int version, int updates, double[] theta) {
    public static final String FORMAT = "aivj-global-prior-v1";

    public GlobalPrior {
        if (version < 0 || updates < 0) {
            throw new IllegalArgumentException("global prior: version and updates must be >= 0");
        }
        if (theta == null || theta.length != PairFeatures.DIMENSIONS) {
            throw new IllegalArgumentException("global prior: theta must have " + PairFeatures.DIMENSIONS
                    + " numbers");
        }
        for (double t : theta) {
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("global prior: theta has a number that is not finite");
            }
        }
        theta = theta.clone();
    }

    public static GlobalPrior zero() {
        return new GlobalPrior(0, 0, new double[PairFeatures.DIMENSIONS]);
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    public String toJson() {
        JsonWriter w = new JsonWriter().beginObject().name("format").value(FORMAT).name("version").value(version)
                .name("dimensions").value(PairFeatures.DIMENSIONS).name("features").beginArray();
        for (int j = 0; j < PairFeatures.DIMENSIONS; j++) {
            w.value(PairFeatures.name(j));
        }
        return w.endArray().name("updates").value(updates).name("theta").array(theta).endObject().toString();
    }

    /** Parses {@link #toJson}'s form; refuses anything else with a message starting "global prior:". */
    public static GlobalPrior parse(String json) {
        try {
            JsonValue root = JsonReader.parse(json);
            if (!FORMAT.equals(root.get("format").asString())) {
                throw new IllegalArgumentException("global prior: format is not " + FORMAT);
            }
            if (root.get("dimensions").asInt() != PairFeatures.DIMENSIONS) {
                throw new IllegalArgumentException("global prior: it has " + root.get("dimensions").asInt()
                        + " features, this engine " + PairFeatures.DIMENSIONS);
            }
            JsonValue t = root.get("theta");
            double[] theta = new double[t.size()];
            for (int i = 0; i < theta.length; i++) {
                theta[i] = t.at(i).asDouble();
            }
            return new GlobalPrior(root.get("version").asInt(), root.get("updates").asInt(), theta);
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("global prior:") ? e
                    : new IllegalArgumentException("global prior: " + e.getMessage(), e);
        }
    }
}
