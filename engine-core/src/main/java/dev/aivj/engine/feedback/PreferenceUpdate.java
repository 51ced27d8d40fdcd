package dev.aivj.engine.feedback;

import dev.aivj.engine.json.JsonReader;
import dev.aivj.engine.json.JsonValue;
import dev.aivj.engine.json.JsonWriter;
import dev.aivj.engine.recommend.PairFeatures;
import java.util.List;
import java.util.Random;

/**
 * What a browser may send the federation: how far the viewer's preference moved from the global prior it started
 * from (θ − θ₀), clipped to an L2 norm of at most {@code clip} and, when asked, with Gaussian noise of standard
 * deviation {@code noiseMultiplier × clip} per coordinate (the Gaussian mechanism: with multiplier
 * σ = √(2·ln(1.25/δ))/ε one update is (ε, δ)-differentially private; e.g. σ = 4.8 gives ε = 1, δ = 1e-5). Nothing
 * else: no signal count, no pair, no style history, no time.
 *
 * <p>JSON: {@code {"format": "aivj-preference-update-v1", "priorVersion": n, "delta": [d]}} — exactly these keys;
 * {@link #parse} refuses any other.
 */
public record PreferenceUpdate(int priorVersion, double[] delta) {
    public static final String FORMAT = "aivj-preference-update-v1";
    public static final double DEFAULT_CLIP = 1;
    private static final List<String> KEYS = List.of("format", "priorVersion", "delta");

    public PreferenceUpdate {
        if (priorVersion < 0 || delta == null || delta.length != PairFeatures.DIMENSIONS) {
            throw new IllegalArgumentException("preference update: priorVersion >= 0 and a delta of "
                    + PairFeatures.DIMENSIONS + " numbers are needed");
        }
        for (double d : delta) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("preference update: delta has a number that is not finite");
            }
        }
        delta = delta.clone();
    }

    /** The viewer's update: moved-from-prior, clipped, with noise when noiseMultiplier > 0. */
    public static PreferenceUpdate of(ViewerPreference p, double clip, double noiseMultiplier, Random rnd) {
        if (!(clip > 0) || !(noiseMultiplier >= 0)) {
            throw new IllegalArgumentException("clip must be > 0 and the noise multiplier >= 0");
        }
        double[] d = clipped(p.movedFromPrior(), clip);
        if (noiseMultiplier > 0) {
            for (int i = 0; i < d.length; i++) {
                d[i] += rnd.nextGaussian() * noiseMultiplier * clip;
            }
        }
        return new PreferenceUpdate(p.priorVersion(), d);
    }

    /** {@code v} scaled down to L2 norm {@code clip} when it is longer. */
    public static double[] clipped(double[] v, double clip) {
        double norm = Math.sqrt(ViewerPreference.dot(v, v));
        double[] out = v.clone();
        if (norm > clip) {
            for (int i = 0; i < out.length; i++) {
                out[i] *= clip / norm;
            }
        }
        return out;
    }

    @Override
    public double[] delta() {
        return delta.clone();
    }

    public String toJson() {
        return new JsonWriter().beginObject().name("format").value(FORMAT).name("priorVersion").value(priorVersion)
                .name("delta").array(delta).endObject().toString();
    }

    /** Parses {@link #toJson}'s form, refusing any other key (an update carries nothing else). */
    public static PreferenceUpdate parse(String json) {
        try {
            JsonValue root = JsonReader.parse(json);
            if (root.kind() != JsonValue.Kind.OBJECT) {
                throw new IllegalArgumentException("an object is expected");
            }
            for (String key : root.names()) {
                if (!KEYS.contains(key)) {
                    throw new IllegalArgumentException("unexpected field " + key + " (an update carries only "
                            + String.join(", ", KEYS) + ")");
                }
            }
            if (!FORMAT.equals(root.get("format").asString())) {
                throw new IllegalArgumentException("format is not " + FORMAT);
            }
            JsonValue d = root.get("delta");
            if (d.kind() != JsonValue.Kind.ARRAY || d.size() != PairFeatures.DIMENSIONS) {
                throw new IllegalArgumentException("delta must be an array of " + PairFeatures.DIMENSIONS + " numbers");
            }
            double[] delta = new double[d.size()];
            for (int i = 0; i < delta.length; i++) {
                delta[i] = d.at(i).asDouble();
            }
            return new PreferenceUpdate(root.get("priorVersion").asInt(), delta);
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("preference update:") ? e
                    : new IllegalArgumentException("preference update: " + e.getMessage(), e);
        }
    }
}
