package dev.aivj.training.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.engine.feedback.FeedbackSignal;
import dev.aivj.engine.feedback.ViewerArm;
import dev.aivj.engine.recommend.PairFeatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads feedback logs ({@link FeedbackEvent}): one .jsonl file, or every .jsonl file of a directory (sorted by
 * name). Every line is validated; a line that fails is not dropped silently but kept as a problem
 * "FILE:LINE: what is wrong". Blank lines carry no event and are passed over.
 */
public final class FeedbackLogReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ARMS = Set.of(ViewerArm.ARMS);

    /** The events read, the malformed lines, and how many files and non-blank lines were read. */
    public record Read(List<FeedbackEvent> events, List<String> problems, int files, int lines) {
    }

    private FeedbackLogReader() {
    }

    /** @throws IOException when {@code path} is neither a .jsonl file nor a directory holding one */
    public static Read read(Path path) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                s.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p)).sorted()
                        .forEach(files::add);
            }
            if (files.isEmpty()) {
                throw new IOException("no .jsonl feedback logs in " + path);
            }
        } else if (Files.isRegularFile(path)) {
            files.add(path);
        } else {
            throw new IOException("no feedback logs at " + path + " (neither a file nor a directory)");
        }
        List<FeedbackEvent> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int lines = 0;
        for (Path f : files) {
            // Decoded with replacement, so bytes that are not UTF-8 make that line malformed, not the whole read.
            List<String> text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < text.size(); i++) {
                if (text.get(i).isBlank()) {
                    continue;
                }
                lines++;
                try {
                    events.add(parse(text.get(i)));
                } catch (IllegalArgumentException e) {
                    problems.add(f + ":" + (i + 1) + ": " + e.getMessage());
                }
            }
        }
        return new Read(events, problems, files.size(), lines);
    }

    /** One log line as an event; refuses (IllegalArgumentException naming the field) anything else. */
    public static FeedbackEvent parse(String line) {
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!FeedbackEvent.FORMAT.equals(text(o, "format"))) {
            throw new IllegalArgumentException("format is not " + FeedbackEvent.FORMAT);
        }
        String arm = text(o, "arm");
        if (!ARMS.contains(arm)) {
            throw new IllegalArgumentException("arm \"" + arm + "\" is not one of " + String.join(", ", ARMS));
        }
        String event = text(o, "event");
        double value = number(o, "value");
        Double reward = null;
        if (FeedbackEvent.SHOWN.equals(event)) {
            if (!(value >= 0)) {
                throw new IllegalArgumentException("value of a shown event (seconds on screen) must be >= 0");
            }
            if (o.hasNonNull("reward")) {
                throw new IllegalArgumentException("reward of a shown event must be null");
            }
        } else {
            FeedbackSignal signal;
            try {
                signal = FeedbackSignal.named(event);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("event \"" + event + "\" is not shown or a feedback signal");
            }
            if (signal == FeedbackSignal.RATING || signal == FeedbackSignal.THUMB || signal == FeedbackSignal.DWELL) {
                signal.reward(value); // refuses stars outside 1..5, a thumb other than ±1, a fraction outside 0..1
            }
            reward = number(o, "reward");
            if (!(reward >= -1 && reward <= 1)) {
                throw new IllegalArgumentException("reward " + reward + " is outside -1..1");
            }
        }
        String pair = text(o, "pair");
        if (pair.indexOf('|') <= 0 || pair.indexOf('|') == pair.length() - 1) {
            throw new IllegalArgumentException("pair \"" + pair + "\" is not \"fg|bg\"");
        }
        String style = o.hasNonNull("style") ? text(o, "style") : null;
        double energy = number(o, "energy");
        if (!(energy >= 0 && energy <= 1)) {
            throw new IllegalArgumentException("energy " + energy + " is outside 0..1");
        }
        JsonNode f = o.get("features");
        if (f == null || !f.isArray() || f.size() != PairFeatures.DIMENSIONS) {
            throw new IllegalArgumentException("features must be an array of " + PairFeatures.DIMENSIONS
                    + " numbers");
        }
        double[] features = new double[f.size()];
        for (int i = 0; i < features.length; i++) {
            if (!f.get(i).isNumber()) {
                throw new IllegalArgumentException("features[" + i + "] is not a number");
            }
            features[i] = f.get(i).asDouble();
        }
        if (!o.hasNonNull("t") || !o.get("t").isIntegralNumber()) {
            throw new IllegalArgumentException("t must be a whole number of milliseconds");
        }
        JsonNode simulated = o.get("simulated");
        if (simulated != null && !simulated.isBoolean()) {
            throw new IllegalArgumentException("simulated must be true or false");
        }
        return new FeedbackEvent(text(o, "installation"), arm, text(o, "session"), o.get("t").asLong(), event, value,
                reward, pair, style, energy, features, text(o, "modelVersion"),
                simulated != null && simulated.asBoolean());
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException(field + " is missing or not a non-empty string");
        }
        return v.asText();
    }

    private static double number(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException(field + " is missing or not a finite number");
        }
        return v.asDouble();
    }
}
