package dev.aivj.engine.coupling;

import dev.aivj.engine.json.JsonValue;
import dev.aivj.engine.json.JsonWriter;
import dev.aivj.engine.looks.PresetVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shape of the dual-layer coupling model, shared by training (DJL) and inference ({@link CouplingModel}).
 *
 * <p>For an upper (foreground) preset u and a lower (background) preset l, each a {@link PresetVector}:
 * <ol>
 *   <li>z = clip((x − mean) / std, ±{@value #CLIP}) per slot ({@code norm.mean}, {@code norm.std});</li>
 *   <li>token e = enc2(relu(enc1(z))) + role vector ({@code role.upper} or {@code role.lower});</li>
 *   <li>with attention: the two tokens E (2×d) become F = softmax(Q·Kᵀ/√d)·V + Q with Q = E·Wqᵀ, K = E·Wkᵀ,
 *       V = E·Wvᵀ (residual attention between the layers); without: F = E;</li>
 *   <li>similarity terms: S = cos(g_s(z_u[spatial]), g_s(z_l[spatial])) over the spatial slots (luma, colour, hue,
 *       edges, borders, position) and T likewise over the temporal slots (motion, audio reactivity, decay, zoom,
 *       rotation, warp, equation counts), g = dense(relu(dense(·)));</li>
 *   <li>coupling weights: (w_s, w_t) = {@value #W_MAX}·tanh(head2(relu(head1([F_u, F_l, F_u⊙F_l, |F_u−F_l|]))))
 *       per pair, or {@value #W_MAX}·tanh({@code weights.global}) for every pair when not adaptive;</li>
 *   <li>quality = σ(w_s·S + w_t·T + b), b = {@code bias}, in 0..1.</li>
 * </ol>
 * Weights are stored [out][in] (DJL/PyTorch layout). A positive weight says the pair is good when its layers are
 * alike in that respect, a negative one when they contrast.
 */
public final class CouplingModelSpec {
    public static final String ARCHITECTURE = "aivj-coupling-v1";
    public static final float CLIP = 5f;
    public static final float W_MAX = 4f;
    /** Cosine similarity: a·b / sqrt((|a|² + EPS)(|b|² + EPS)). */
    public static final float EPS = 1e-6f;

    static final String[] SPATIAL_NAMES = {
        "luma_mean", "luma_min", "luma_contrast", "colourfulness", "hue_x", "hue_y", "coloured_share", "edge_density",
        "wave_r", "wave_g", "wave_b", "ob_size", "ob_a", "ib_size", "ib_a", "cx", "cy", "sx", "sy", "brighten",
        "darken", "solarize", "invert", "darken_center", "gammaadj",
    };
    static final String[] TEMPORAL_NAMES = {
        "motion", "audio_reactivity", "decay", "echo_zoom", "echo_alpha", "zoom", "zoomexp", "rot", "warp",
        "warpanimspeed", "warpscale", "dx", "dy", "wave_smoothing", "modwavealphabyvolume", "per_frame_statements",
        "per_frame_operators", "per_pixel_statements", "per_pixel_operators",
    };

    private final int inputSize;
    private final int hidden;
    private final int embed;
    private final int groupHidden;
    private final int groupEmbed;
    private final boolean attention;
    private final boolean adaptiveWeights;
    private final int[] spatialSlots;
    private final int[] temporalSlots;
    private final String vectorVersion;

    public CouplingModelSpec(int inputSize, int hidden, int embed, int groupHidden, int groupEmbed, boolean attention,
            boolean adaptiveWeights, int[] spatialSlots, int[] temporalSlots, String vectorVersion) {
        if (inputSize < 1 || hidden < 1 || embed < 1 || groupHidden < 1 || groupEmbed < 1) {
            throw new IllegalArgumentException("coupling model sizes must be positive");
        }
        checkSlots("spatial", spatialSlots, inputSize);
        checkSlots("temporal", temporalSlots, inputSize);
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.embed = embed;
        this.groupHidden = groupHidden;
        this.groupEmbed = groupEmbed;
        this.attention = attention;
        this.adaptiveWeights = adaptiveWeights;
        this.spatialSlots = spatialSlots.clone();
        this.temporalSlots = temporalSlots.clone();
        this.vectorVersion = vectorVersion;
    }

    /** The default model over the current {@link PresetVector} layout. */
    public static CouplingModelSpec defaults(boolean attention, boolean adaptiveWeights) {
        List<String> names = Arrays.asList(PresetVector.names());
        return new CouplingModelSpec(PresetVector.LENGTH, 64, 32, 16, 8, attention, adaptiveWeights,
                slots(names, SPATIAL_NAMES), slots(names, TEMPORAL_NAMES), PresetVector.VERSION);
    }

    private static int[] slots(List<String> names, String[] wanted) {
        int[] out = new int[wanted.length];
        for (int i = 0; i < wanted.length; i++) {
            out[i] = names.indexOf(wanted[i]);
            if (out[i] < 0) {
                throw new IllegalStateException("preset vector has no slot " + wanted[i]);
            }
        }
        return out;
    }

    private static void checkSlots(String what, int[] slots, int inputSize) {
        if (slots.length == 0) {
            throw new IllegalArgumentException("coupling model: no " + what + " slots");
        }
        for (int s : slots) {
            if (s < 0 || s >= inputSize) {
                throw new IllegalArgumentException("coupling model: " + what + " slot " + s + " is outside 0.."
                        + (inputSize - 1));
            }
        }
    }

    public int inputSize() {
        return inputSize;
    }

    public int hidden() {
        return hidden;
    }

    public int embed() {
        return embed;
    }

    public int groupHidden() {
        return groupHidden;
    }

    public int groupEmbed() {
        return groupEmbed;
    }

    public boolean attention() {
        return attention;
    }

    public boolean adaptiveWeights() {
        return adaptiveWeights;
    }

    public int[] spatialSlots() {
        return spatialSlots.clone();
    }

    public int[] temporalSlots() {
        return temporalSlots.clone();
    }

    public String vectorVersion() {
        return vectorVersion;
    }

    /** Tensor names in bundle order. */
    public List<String> tensorNames() {
        List<String> n = new ArrayList<>(List.of("norm.mean", "norm.std", "role.upper", "role.lower",
                "enc1.weight", "enc1.bias", "enc2.weight", "enc2.bias"));
        if (attention) {
            n.addAll(List.of("attn.q.weight", "attn.k.weight", "attn.v.weight"));
        }
        n.addAll(List.of("spatial1.weight", "spatial1.bias", "spatial2.weight", "spatial2.bias",
                "temporal1.weight", "temporal1.bias", "temporal2.weight", "temporal2.bias"));
        if (adaptiveWeights) {
            n.addAll(List.of("head1.weight", "head1.bias", "head2.weight", "head2.bias"));
        } else {
            n.add("weights.global");
        }
        n.add("bias");
        return n;
    }

    public int[] shapeOf(String tensor) {
        return switch (tensor) {
            case "norm.mean", "norm.std" -> new int[] {inputSize};
            case "role.upper", "role.lower", "enc2.bias" -> new int[] {embed};
            case "enc1.weight" -> new int[] {hidden, inputSize};
            case "enc1.bias", "head1.bias" -> new int[] {hidden};
            case "enc2.weight" -> new int[] {embed, hidden};
            case "attn.q.weight", "attn.k.weight", "attn.v.weight" -> new int[] {embed, embed};
            case "spatial1.weight" -> new int[] {groupHidden, spatialSlots.length};
            case "temporal1.weight" -> new int[] {groupHidden, temporalSlots.length};
            case "spatial1.bias", "temporal1.bias" -> new int[] {groupHidden};
            case "spatial2.weight", "temporal2.weight" -> new int[] {groupEmbed, groupHidden};
            case "spatial2.bias", "temporal2.bias" -> new int[] {groupEmbed};
            case "head1.weight" -> new int[] {hidden, 4 * embed};
            case "head2.weight" -> new int[] {2, hidden};
            case "head2.bias", "weights.global" -> new int[] {2};
            case "bias" -> new int[] {1};
            default -> throw new IllegalArgumentException("coupling model has no tensor " + tensor);
        };
    }

    /** Number of float parameters (normaliser included). */
    public long parameterCount() {
        long n = 0;
        for (String t : tensorNames()) {
            long s = 1;
            for (int d : shapeOf(t)) {
                s *= d;
            }
            n += s;
        }
        return n;
    }

    /** The manifest's {@code model} object. */
    public String toJson() {
        JsonWriter j = new JsonWriter().beginObject();
        j.name("architecture").value(ARCHITECTURE);
        j.name("vectorVersion").value(vectorVersion);
        j.name("inputSize").value(inputSize);
        j.name("hidden").value(hidden);
        j.name("embed").value(embed);
        j.name("groupHidden").value(groupHidden);
        j.name("groupEmbed").value(groupEmbed);
        j.name("attention").value(attention);
        j.name("adaptiveWeights").value(adaptiveWeights);
        j.name("wMax").value(W_MAX);
        j.name("clip").value(CLIP);
        intArray(j.name("spatialSlots"), spatialSlots);
        intArray(j.name("temporalSlots"), temporalSlots);
        j.name("outputs").beginArray().value("quality").value("w_s").value("w_t").endArray();
        return j.endObject().toString();
    }

    private static void intArray(JsonWriter j, int[] values) {
        j.beginArray();
        for (int v : values) {
            j.value(v);
        }
        j.endArray();
    }

    /** Reads and checks a manifest's {@code model} object. */
    public static CouplingModelSpec fromJson(JsonValue model) {
        String arch = model.get("architecture").asString();
        if (!ARCHITECTURE.equals(arch)) {
            throw new IllegalArgumentException("coupling model architecture " + arch + " is not supported (expected "
                    + ARCHITECTURE + ")");
        }
        if (model.get("wMax").asDouble() != W_MAX || model.get("clip").asDouble() != CLIP) {
            throw new IllegalArgumentException("coupling model: wMax/clip differ from this engine's");
        }
        return new CouplingModelSpec(model.get("inputSize").asInt(), model.get("hidden").asInt(),
                model.get("embed").asInt(), model.get("groupHidden").asInt(), model.get("groupEmbed").asInt(),
                model.get("attention").asBoolean(), model.get("adaptiveWeights").asBoolean(),
                model.get("spatialSlots").asIntArray(), model.get("temporalSlots").asIntArray(),
                model.get("vectorVersion").asString());
    }
}
