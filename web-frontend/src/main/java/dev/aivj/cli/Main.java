package dev.aivj.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The app's own commands (serve, analyze, golden-renders, compare-renders), started by the {@code ./aivj} launcher,
 * which lists every command and runs the others (fetch-*, test, train, export, ...) itself; {@code ./aivj bench} runs module bench's own main.
 */
public final class Main {
    private Main() {
    }

    static final String HELP = String.join(System.lineSeparator(),
            "usage: aivj COMMAND [ARGS]",
            "",
            "commands:",
            "  serve [--port N] [--registry DIR] [--federation DIR] [--pack DIR]   start the web app server (serves the",
            "                              registry's latest coupling model; metrics at /metrics; the viewers' federated",
            "                              prior; --pack: an imported pack's presets and pair library)",
            "  analyze FILE [--with-mel] [--model DIR | --no-model] [--stream]   (files over 20 min stream as a set)",
            "                              analyse an audio file (WAV, FLAC, Ogg Vorbis, MP3); prints JSON",
            "  golden-renders --pairs FILE --out DIR [--limit N] [--width W --height H --frames 30,60,90]",
            "                              render pairs of a pair library headless on a fixed clock (reference frames)",
            "  compare-renders --reference DIR --candidate DIR --out DIR [--min-ssim X --min-psnr DB]",
            "                              SSIM/PSNR of two golden-renders folders, pass/fail per pair, heatmaps",
            "  --help                      show this help",
            "",
            "./aivj --help lists every other command (fetch-music, test, train, export, bench, ...).");

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("serve")) {
            dev.aivj.web.AppServer.main(Arrays.copyOfRange(args, 1, args.length));
            return; // the server keeps running on its own threads
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs every command except serve; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(HELP);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "--help", "-h", "help":
                out.println(HELP);
                return 0;
            case "analyze":
                return AnalyzeCommand.run(rest, out, err);
            case "golden-renders":
                return GoldenRendersCommand.run(rest, out, err);
            case "compare-renders":
                return CompareRendersCommand.run(rest, out, err);
            default:
                err.println("aivj: unknown command '" + args[0] + "' (try aivj --help)");
                return 2;
        }
    }
}
