package dev.aivj.training.pairs;

import java.util.List;
import java.util.Objects;

/** The pairs an importer accepted, and its report of everything it read. */
public record ImportResult(List<PresetPair> pairs, ImportReport report) {
    public ImportResult {
        pairs = List.copyOf(pairs);
        Objects.requireNonNull(report, "report");
    }
}
