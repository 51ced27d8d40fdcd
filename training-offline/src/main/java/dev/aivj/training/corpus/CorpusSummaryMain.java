package dev.aivj.training.corpus;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code ./aivj corpus summary [MANIFEST.csv]}: validates the manifest (the committed one by
 * default) and prints tracks and minutes per style and split. Exit status 0 when it validates,
 * 1 with every problem and its line number on stderr when not, 2 on bad usage or an unreadable file.
 */
public final class CorpusSummaryMain {
    private CorpusSummaryMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 1 || (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")))) {
            err.println("usage: corpus summary [MANIFEST.csv]   (default: the committed "
                    + ManifestReader.BUNDLED_RESOURCE + ")");
            return 2;
        }
        ManifestReader reader = new ManifestReader();
        CorpusManifest manifest;
        try {
            manifest = args.length == 1 ? reader.read(Path.of(args[0])) : reader.readBundled();
        } catch (ManifestException e) {
            err.println("corpus summary: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("corpus summary: cannot read " + args[0] + ": " + e.getMessage());
            return 2;
        }
        out.println("Corpus manifest: " + manifest.source() + " (" + manifest.tracks().size() + " tracks)");
        out.print(new CorpusSummary(manifest).table());
        return 0;
    }
}
