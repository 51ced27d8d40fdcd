package dev.aivj.training.pairs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code deep_alchemy_10h/manifest.jsonl}: one JSON object per line, with {@link PairFields}' spellings.
 * Blank lines are skipped (they are not rows). A line that is not exactly one JSON object (broken JSON, two
 * objects, an array) is rejected with its line number; so is a repeated pair number, naming the first line.
 * The file must be UTF-8 (a leading byte-order mark is allowed).
 */
public final class DeepAlchemyReader {
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public ImportResult read(Path jsonl) throws IOException {
        String file = jsonl.toString();
        ImportReport report = new ImportReport(file);
        List<PresetPair> pairs = new ArrayList<>();
        Map<Integer, Integer> firstLine = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node;
                    try {
                        node = mapper.readTree(text);
                    } catch (JsonProcessingException e) {
                        throw new BadRowException("malformed JSON at column "
                                + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()) + ": "
                                + e.getOriginalMessage());
                    }
                    PresetPair pair = PairFields.pair(node, PairSource.DEEP_ALCHEMY, new RowOrigin(file, line),
                            report);
                    Integer first = firstLine.putIfAbsent(pair.pair(), line);
                    if (first != null) {
                        throw new BadRowException("duplicate pair " + pair.pair() + " (first at line " + first
                                + ")");
                    }
                    pairs.add(pair);
                    report.accepted();
                } catch (BadRowException e) {
                    report.rejected(file, line, e.getMessage());
                }
            }
        }
        return new ImportResult(pairs, report);
    }
}
