package dev.aivj.engine.feedback;

import dev.aivj.engine.json.JsonReader;
import dev.aivj.engine.json.JsonValue;
import dev.aivj.engine.recommend.PairFeatures;

/**
 * One signal about a pair as the page hands it to the engine to learn from: the pair's features in the section it
 * played in (the plan's {@code why.features}), the signal and its value.
 * JSON: {@code {"features": [d], "signal": "rating", "value": 4}} (value optional for signals without one).
 */
public record Feedback(double[] features, FeedbackSignal signal, double value) {

    public double reward() {
        return signal.reward(value);
    }

    /** The preference after learning this signal. */
    public ViewerPreference teach(ViewerPreference p) {
        return p.learn(features, reward(), signal.weight());
    }

    public static Feedback parse(String json) {
        try {
            JsonValue root = JsonReader.parse(json);
            JsonValue f = root.get("features");
            if (f.kind() != JsonValue.Kind.ARRAY || f.size() != PairFeatures.DIMENSIONS) {
                throw new IllegalArgumentException("features must be an array of " + PairFeatures.DIMENSIONS
                        + " numbers (the plan's why.features)");
            }
            double[] x = new double[f.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = f.at(i).asDouble();
            }
            FeedbackSignal signal = FeedbackSignal.named(root.get("signal").asString());
            double value = root.has("value") ? root.get("value").asDouble() : 0;
            signal.reward(value); // refuses a value out of the signal's range now, not when learning
            return new Feedback(x, signal, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("feedback: " + e.getMessage(), e);
        }
    }
}
