package dev.aivj.web.federation;

import dev.aivj.engine.feedback.FederatedAverage;
import dev.aivj.engine.feedback.GlobalPrior;
import dev.aivj.engine.feedback.PreferenceUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The federation's state on disk, in one folder: {@code prior.json} (the current {@link GlobalPrior}),
 * {@code priors/v<N>.json} (every version), and {@code updates.jsonl}, every accepted update, written and synced
 * before it is acknowledged, so nothing accepted is lost: at start the updates of the current round (those moved
 * from the current version) are replayed into the average. Aggregation is {@link FederatedAverage}: FedAvg of
 * server-clipped updates, {@code roundSize} per version. One server process owns the folder.
 */
public final class FederationStore {
    public static final double CLIP = PreferenceUpdate.DEFAULT_CLIP;
    public static final int DEFAULT_ROUND_SIZE = 5;

    private final Path dir;
    private final FederatedAverage average;

    private FederationStore(Path dir, FederatedAverage average) {
        this.dir = dir;
        this.average = average;
    }

    /** Opens (creating) the folder; refuses, naming the file, a prior or update log it cannot read. */
    public static FederationStore open(Path dir, int roundSize) throws IOException {
        Files.createDirectories(dir.resolve("priors"));
        Path priorFile = dir.resolve("prior.json");
        GlobalPrior prior = GlobalPrior.zero();
        if (Files.exists(priorFile)) {
            try {
                prior = GlobalPrior.parse(Files.readString(priorFile));
            } catch (IllegalArgumentException e) {
                throw new IOException(priorFile + ": " + e.getMessage());
            }
        }
        FederatedAverage average = new FederatedAverage(prior, CLIP, roundSize);
        Path log = dir.resolve("updates.jsonl");
        if (Files.exists(log)) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                PreferenceUpdate u;
                try {
                    u = PreferenceUpdate.parse(lines.get(i));
                } catch (IllegalArgumentException e) {
                    throw new IOException(log + " line " + (i + 1) + ": " + e.getMessage());
                }
                if (u.priorVersion() == average.prior().version()) {
                    average.add(u); // cannot complete a round: the prior on disk would be newer
                }
            }
        }
        return new FederationStore(dir, average);
    }

    public synchronized GlobalPrior prior() {
        return average.prior();
    }

    public synchronized int pending() {
        return average.pending();
    }

    /**
     * Takes one update: appended to the log (synced) first, then averaged; when it completes a round the new prior
     * is written. Returns the prior after it.
     *
     * @throws IllegalArgumentException when it moved from another prior version (nothing is written)
     */
    public synchronized GlobalPrior accept(PreferenceUpdate u) {
        average.requireCurrent(u);
        try {
            append(u.toJson());
            if (average.add(u)) {
                GlobalPrior next = average.prior();
                write(dir.resolve("priors").resolve("v" + next.version() + ".json"), next.toJson());
                write(dir.resolve("prior.json"), next.toJson());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return average.prior();
    }

    private void append(String line) throws IOException {
        try (FileChannel ch = FileChannel.open(dir.resolve("updates.jsonl"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
