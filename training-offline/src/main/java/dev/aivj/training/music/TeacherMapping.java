package dev.aivj.training.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.VisualParameters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * TEACHER targets for the visual head, until the team supplies real (human) targets: a hand-written mapping
 * from a track's style and its per-segment audio descriptors to the 9 visual parameters
 * ({@link VisualParameters}, as network outputs u in 0..1). The mapping lives in an editable JSON file
 * (default: the class-path resource {@value #RESOURCE}):
 *
 * <pre>
 * {
 *   "windowSeconds": 2.0,               trailing window each step's descriptors are measured over (causal)
 *   "onsetPeakThreshold": 1.5,          onset strength (mean dB rise) a local peak needs to count as an onset
 *   "descriptors": {"energy": [min, max], ...},   raw range mapped linearly (clamped) to 0..1
 *   "styles": {"edm": {"layerAOpacity": 0.9, ...all 9...}, ...},  base u per style ("default" for others)
 *   "rules": [{"parameter": "warpPulse", "descriptor": "onset", "weight": 0.6}, ...]
 * }
 * </pre>
 *
 * Per model step s (input frames [s·P, (s+1)·P)), descriptors are computed over the frames of the trailing
 * window ending with the step, from engine-core's frame features:
 * <ul>
 *   <li>{@code energy}: 20·log10(mean rms) in dBFS;</li>
 *   <li>{@code onset}: mean onset strength (dB);</li>
 *   <li>{@code onsetDensity}: onsets per second (local maxima of onset strength above the threshold), the
 *       per-segment stand-in for tempo;</li>
 *   <li>{@code low}, {@code mid}, {@code high}: mean share of that band in low+mid+high amplitude (0..1);</li>
 *   <li>{@code brightness}: log2 of the mean spectral centroid in Hz.</li>
 * </ul>
 * Each descriptor d is mapped to 0..1 with its range, and u = clamp(base[style][p] + Σ weight·(d − 0.5), 0, 1)
 * over the rules for parameter p.
 */
public final class TeacherMapping {
    public static final String RESOURCE = "/teacher/visual-profiles.json";
    public static final List<String> DESCRIPTORS = List.of("energy", "onset", "onsetDensity", "low", "mid", "high",
            "brightness");

    private record Rule(int parameter, int descriptor, double weight) {
    }

    private final double windowSeconds;
    private final double onsetPeakThreshold;
    private final double[][] ranges;
    private final Map<String, double[]> styles;
    private final List<Rule> rules;
    private final String json;

    private TeacherMapping(String json) throws IOException {
        this.json = json;
        JsonNode root = new ObjectMapper().readTree(json);
        windowSeconds = require(root, "windowSeconds").asDouble();
        onsetPeakThreshold = require(root, "onsetPeakThreshold").asDouble();
        if (!(windowSeconds > 0)) {
            throw new IOException("teacher: windowSeconds must be positive");
        }
        ranges = new double[DESCRIPTORS.size()][];
        JsonNode d = require(root, "descriptors");
        for (int i = 0; i < ranges.length; i++) {
            JsonNode r = require(d, DESCRIPTORS.get(i));
            if (r.size() != 2 || !(r.get(1).asDouble() > r.get(0).asDouble())) {
                throw new IOException("teacher: descriptor " + DESCRIPTORS.get(i) + " needs [min, max] with max > min");
            }
            ranges[i] = new double[] {r.get(0).asDouble(), r.get(1).asDouble()};
        }
        styles = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = require(root, "styles").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            double[] base = new double[VisualParameters.COUNT];
            for (int p = 0; p < base.length; p++) {
                String name = VisualParameters.get(p).name();
                JsonNode v = e.getValue().get(name);
                if (v == null || !v.isNumber() || v.asDouble() < 0 || v.asDouble() > 1) {
                    throw new IOException("teacher: style " + e.getKey() + " needs " + name + " in 0..1");
                }
                base[p] = v.asDouble();
            }
            styles.put(e.getKey(), base);
        }
        if (!styles.containsKey("default")) {
            throw new IOException("teacher: styles needs a \"default\" profile");
        }
        rules = new java.util.ArrayList<>();
        for (JsonNode r : require(root, "rules")) {
            int p = VisualParameters.indexOf(require(r, "parameter").asText());
            int desc = DESCRIPTORS.indexOf(require(r, "descriptor").asText());
            if (p < 0 || desc < 0) {
                throw new IOException("teacher: unknown parameter or descriptor in rule " + r);
            }
            rules.add(new Rule(p, desc, require(r, "weight").asDouble()));
        }
    }

    public static TeacherMapping parse(String json) throws IOException {
        return new TeacherMapping(json);
    }

    /** The given file, or the bundled resource when {@code file} is null. */
    public static TeacherMapping load(Path file) throws IOException {
        if (file != null) {
            return parse(Files.readString(file));
        }
        try (InputStream in = TeacherMapping.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " not on the class path");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The JSON this mapping was read from (the model card records its hash). */
    public String json() {
        return json;
    }

    /** The 7 raw descriptors of frames [from, to) (see class docs). */
    public double[] descriptors(FrameFeatures f, int from, int to) {
        from = Math.max(0, from);
        to = Math.min(f.frames(), to);
        int n = Math.max(1, to - from);
        double rms = 0;
        double onset = 0;
        double low = 0;
        double mid = 0;
        double high = 0;
        double centroid = 0;
        int peaks = 0;
        float[] on = f.onset();
        for (int t = from; t < to; t++) {
            rms += f.rms()[t];
            onset += on[t];
            double sum = f.low()[t] + f.mid()[t] + f.high()[t] + 1e-12;
            low += f.low()[t] / sum;
            mid += f.mid()[t] / sum;
            high += f.high()[t] / sum;
            centroid += f.centroidHz()[t];
            boolean peak = on[t] > onsetPeakThreshold && (t == 0 || on[t] > on[t - 1])
                    && (t + 1 >= f.frames() || on[t] >= on[t + 1]);
            peaks += peak ? 1 : 0;
        }
        double seconds = n / AnalysisSettings.frameRate();
        return new double[] {
            20 * Math.log10(Math.max(1e-6, rms / n)),
            onset / n,
            peaks / seconds,
            low / n,
            mid / n,
            high / n,
            Math.log(Math.max(1.0, centroid / n)) / Math.log(2),
        };
    }

    /** The 9 targets (u in 0..1) for a style and raw descriptors. */
    public float[] targets(String style, double[] descriptors) {
        double[] base = styles.getOrDefault(style, styles.get("default"));
        double[] u = base.clone();
        for (Rule r : rules) {
            double[] range = ranges[r.descriptor()];
            double d = (descriptors[r.descriptor()] - range[0]) / (range[1] - range[0]);
            d = Math.min(1, Math.max(0, d));
            u[r.parameter()] += r.weight() * (d - 0.5);
        }
        float[] out = new float[u.length];
        for (int p = 0; p < u.length; p++) {
            out[p] = (float) Math.min(1, Math.max(0, u[p]));
        }
        return out;
    }

    /**
     * Targets for every whole model step of a song, step-major [steps × 9]: step s covers frames
     * [s·framesPerStep, (s+1)·framesPerStep) and reads the trailing window ending with it.
     */
    public float[] stepTargets(String style, FrameFeatures f, int framesPerStep) {
        int steps = f.frames() / framesPerStep;
        int window = Math.max(framesPerStep, (int) Math.round(windowSeconds * AnalysisSettings.frameRate()));
        float[] out = new float[steps * VisualParameters.COUNT];
        for (int s = 0; s < steps; s++) {
            int end = (s + 1) * framesPerStep;
            float[] t = targets(style, descriptors(f, end - window, end));
            System.arraycopy(t, 0, out, s * VisualParameters.COUNT, t.length);
        }
        return out;
    }

    private static JsonNode require(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null) {
            throw new IOException("teacher: missing field " + field);
        }
        return v;
    }
}
