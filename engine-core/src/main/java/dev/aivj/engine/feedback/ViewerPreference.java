package dev.aivj.engine.feedback;

import dev.aivj.engine.json.JsonReader;
import dev.aivj.engine.json.JsonValue;
import dev.aivj.engine.json.JsonWriter;
import dev.aivj.engine.recommend.FeatureContribution;
import dev.aivj.engine.recommend.PairFeatures;
import java.util.Arrays;
import java.util.List;

/**
 * One viewer's preference over {@link PairFeatures}: ridge regression of the rewards of their signals
 * ({@link FeedbackSignal}) on the features of the pair they were about, centred on a prior (the federated global
 * prior, or zero), with the confidence widths LinUCB explores by.
 * <pre>
 * A = λI + Σ w·x·xᵀ,   b = λ·θ₀ + Σ w·r·x,   θ = A⁻¹·b
 * mean(x) = θ·x  (what the viewer is expected to think of a pair, −1..1 like the rewards)
 * width(x) = √(xᵀ·A⁻¹·x)  (how unsure that is: shrinks as signals about similar pairs come in)
 * </pre>
 * λ = {@value #RIDGE}: a prior worth one explicit rating per direction. A⁻¹ is kept up to date by Sherman–Morrison
 * (O(d²) a signal, d = {@link PairFeatures#DIMENSIONS}). Immutable: {@link #learn} returns the updated preference.
 *
 * <p>JSON ({@link #toJson}, kept by the page in IndexedDB): {@code {"format": "aivj-viewer-preference-v1",
 * "dimensions": d, "priorVersion": n, "signals": n, "prior": [d], "evidence": [d] (Σ w·r·x), "inverse": [d·d]
 * (A⁻¹, row-major)}}.
 */
public final class ViewerPreference {
    public static final String FORMAT = "aivj-viewer-preference-v1";
    public static final double RIDGE = 1;
    private static final int D = PairFeatures.DIMENSIONS;

    private final int priorVersion;
    private final double[] prior;
    private final double[] evidence;
    private final double[] inverse;
    private final int signals;
    private final double[] theta;

    private ViewerPreference(int priorVersion, double[] prior, double[] evidence, double[] inverse, int signals) {
        this.priorVersion = priorVersion;
        this.prior = prior;
        this.evidence = evidence;
        this.inverse = inverse;
        this.signals = signals;
        this.theta = solve();
    }

    /** A viewer nobody has heard from yet: θ = the prior. */
    public static ViewerPreference fresh(double[] prior, int priorVersion) {
        requireLength(prior, D, "prior");
        double[] inv = new double[D * D];
        for (int i = 0; i < D; i++) {
            inv[i * D + i] = 1 / RIDGE;
        }
        return new ViewerPreference(priorVersion, prior.clone(), new double[D], inv, 0);
    }

    public static ViewerPreference fresh() {
        return fresh(new double[D], 0);
    }

    /** This preference after one more signal: reward r (−1..1) of a pair with features x, weighing w. */
    public ViewerPreference learn(double[] x, double reward, double weight) {
        requireLength(x, D, "features");
        if (!(reward >= -1 && reward <= 1) || !(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("reward must be within -1..1 and weight within 0..1");
        }
        requireFinite(x, "features");
        double[] ax = times(inverse, x);
        double denominator = 1 + weight * dot(x, ax);
        double[] inv = inverse.clone();
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                inv[i * D + j] -= weight * ax[i] * ax[j] / denominator;
            }
        }
        double[] ev = evidence.clone();
        for (int i = 0; i < D; i++) {
            ev[i] += weight * reward * x[i];
        }
        return new ViewerPreference(priorVersion, prior, ev, inv, signals + 1);
    }

    /** The same viewer's data over another prior (a newer global prior served by the federation). */
    public ViewerPreference withPrior(double[] newPrior, int version) {
        requireLength(newPrior, D, "prior");
        requireFinite(newPrior, "prior");
        return new ViewerPreference(version, newPrior.clone(), evidence, inverse, signals);
    }

    public double mean(double[] x) {
        return dot(theta, x);
    }

    public double width(double[] x) {
        return Math.sqrt(Math.max(0, dot(x, times(inverse, x))));
    }

    public double[] theta() {
        return theta.clone();
    }

    /** θ − prior: what this viewer's signals moved, the update the federation may receive. */
    public double[] movedFromPrior() {
        double[] d = new double[D];
        for (int i = 0; i < D; i++) {
            d[i] = theta[i] - prior[i];
        }
        return d;
    }

    /** No signal and a zero prior: θ is 0, nothing is known about this viewer's taste. */
    public boolean knowsNothing() {
        if (signals > 0) {
            return false;
        }
        for (double p : prior) {
            if (p != 0) {
                return false;
            }
        }
        return true;
    }

    public int signals() {
        return signals;
    }

    public int priorVersion() {
        return priorVersion;
    }

    /** The n features θ weighs most (by |θ|), strongest first: what the viewer is shown as their preference. */
    public List<FeatureContribution> strongest(int n) {
        return PairFeatures.strongest(theta, null, n);
    }

    public String toJson() {
        return new JsonWriter().beginObject().name("format").value(FORMAT).name("dimensions").value(D)
                .name("priorVersion").value(priorVersion).name("signals").value(signals)
                .name("prior").array(prior).name("evidence").array(evidence).name("inverse").array(inverse)
                .endObject().toString();
    }

    /** Parses {@link #toJson}'s form; refuses (IllegalArgumentException, naming the field) anything else. */
    public static ViewerPreference parse(String json) {
        JsonValue root;
        try {
            root = JsonReader.parse(json);
            if (!FORMAT.equals(root.get("format").asString())) {
                throw new IllegalArgumentException("format is not " + FORMAT);
            }
            if (root.get("dimensions").asInt() != D) {
                throw new IllegalArgumentException("it has " + root.get("dimensions").asInt()
                        + " features, this engine " + D);
            }
            double[] prior = numbers(root.get("prior"), D, "prior");
            double[] evidence = numbers(root.get("evidence"), D, "evidence");
            double[] inverse = numbers(root.get("inverse"), D * D, "inverse");
            int signals = root.get("signals").asInt();
            int version = root.get("priorVersion").asInt();
            if (signals < 0 || version < 0) {
                throw new IllegalArgumentException("signals and priorVersion must be >= 0");
            }
            return new ViewerPreference(version, prior, evidence, inverse, signals);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("viewer preference: " + e.getMessage(), e);
        }
    }

    private double[] solve() {
        double[] b = new double[D];
        for (int i = 0; i < D; i++) {
            b[i] = RIDGE * prior[i] + evidence[i];
        }
        return times(inverse, b);
    }

    private static double[] numbers(JsonValue v, int n, String what) {
        if (v.kind() != JsonValue.Kind.ARRAY || v.size() != n) {
            throw new IllegalArgumentException(what + " must be an array of " + n + " numbers");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = v.at(i).asDouble();
        }
        requireFinite(out, what);
        return out;
    }

    private static double[] times(double[] m, double[] x) {
        double[] out = new double[D];
        for (int i = 0; i < D; i++) {
            double s = 0;
            for (int j = 0; j < D; j++) {
                s += m[i * D + j] * x[j];
            }
            out[i] = s;
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void requireLength(double[] v, int n, String what) {
        if (v == null || v.length != n) {
            throw new IllegalArgumentException(what + " must have " + n + " numbers, not "
                    + (v == null ? "none" : v.length));
        }
    }

    private static void requireFinite(double[] v, String what) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(what + " has a number that is not finite");
            }
        }
    }

    @Override
    public String toString() {
        return "ViewerPreference[signals=" + signals + ", priorVersion=" + priorVersion + ", theta="
                + Arrays.toString(theta) + "]";
    }
}
