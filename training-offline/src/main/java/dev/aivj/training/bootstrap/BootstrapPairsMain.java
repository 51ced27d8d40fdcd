package dev.aivj.training.bootstrap;

import dev.aivj.presets.PresetLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./aivj bootstrap-pairs [--status FILE] [--presets DIR] [--frames-dir DIR] [--candidates 4000]
 * [--elite 500] [--seed 1] [--out data/bootstrap-pairs]}: builds the bootstrap pair set from the measured preset
 * corpus (see {@link BootstrapPairs}) and prints its score distribution.
 */
public final class BootstrapPairsMain {
    private BootstrapPairsMain() {
    }

    public static void main(String[] args) throws IOException {
        Path status = Path.of("preset-catalogue/preset-status.json");
        Path presets = Path.of(System.getProperty("aivj.presets.dir", PresetLibrary.cacheDir().resolve("presets/projectm-data")
                .toString()));
        Path framesDir = PresetLibrary.cacheDir().resolve("preset-frames");
        Path out = Path.of("data/bootstrap-pairs");
        int candidates = 4000;
        int elite = 500;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--status" -> status = Path.of(value);
                case "--presets" -> presets = Path.of(value);
                case "--frames-dir" -> framesDir = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--candidates" -> candidates = Integer.parseInt(value);
                case "--elite" -> elite = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> {
                    System.err.println("bootstrap-pairs: unknown argument " + args[i]);
                    System.exit(2);
                }
            }
            i++;
        }
        List<CandidatePreset> usable = CandidateSource.read(status, presets, framesDir);
        System.out.printf("bootstrap-pairs: %d usable measured presets (status %s, frames %s)%n", usable.size(),
                status, framesDir);
        BootstrapPairs builder = new BootstrapPairs();
        List<ScoredPair> ranked = builder.scoreRandomPairs(usable, candidates, seed);
        builder.write(out, ranked, elite);
        String table = ScoreDistribution.header() + "\n" + ScoreDistribution.row("all candidates", ranked) + "\n"
                + ScoreDistribution.row("elite (best " + Math.min(elite, ranked.size()) + ")",
                        ranked.subList(0, Math.min(elite, ranked.size())));
        System.out.println(table);
        Files.writeString(out.resolve("README.md"), readme(usable.size(), ranked.size(), elite, seed, table));
        System.out.println("bootstrap-pairs: wrote " + out.toAbsolutePath());
    }

    private static String readme(int presets, int pairs, int elite, long seed, String table) {
        return "# Bootstrap pair set — GENERATED data, not the team's\n\n"
                + "Made by `./aivj bootstrap-pairs` (" + BootstrapPairs.class.getName() + ") from the measured preset "
                + "corpus: " + pairs + " random pairs (seed " + seed + ") of " + presets + " usable projectM presets "
                + "(rendered, not blank, not frozen; preset-catalogue/preset-status.json), each composited foreground over "
                + "background (" + PairCompositor.BLEND.css + ", opacity " + PairCompositor.OPACITY + ") from the "
                + "frames both rendered on the same reference audio, measured, and scored 0..5 by the function "
                + "documented in " + BootstrapScore.class.getName() + ". It stands in for the team's scored pairs "
                + "until those arrive.\n\n"
                + "- `elite/pairs-manifest.json`: the best " + elite + " (pack " + BootstrapPairs.ELITE_PACK + ")\n"
                + "- `candidates/pairs-manifest.json`: every candidate with score, rank and composite measures\n"
                + "- `candidates/pairs-quality.v0.json`: their quality01 = score / 5\n"
                + "- `parquet/`: every candidate as the Parquet pair store (score_bin / rank_quartile partitions)\n\n"
                + "## Score distribution\n\n" + table + "\n";
    }
}
