package dev.aivj.bench;

import dev.aivj.audioio.AudioDecodeException;
import java.io.PrintStream;

/**
 * {@code aivj bench [--runs N] [--quick]}: issue 8's benchmark — engine-core on HotSpot (the baseline), the Wasm
 * engine in a Chromium worker, the music network in TensorFlow.js and ONNX Runtime Web, live hops and the app page's render loop, on
 * real songs; prints the table and the targets. Exit 1 when a model peer does not reproduce the engine's model
 * outputs (the comparison would be meaningless) or a row cannot run; missed targets are reported, not failed.
 */
public final class BenchCommand {
    private BenchCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("aivj bench: " + e.getMessage() + " (" + BenchOptions.USAGE + ")");
            return 2;
        }
        BenchReport report;
        try {
            report = BenchRunner.run(options, err);
        } catch (AudioDecodeException e) {
            err.println("aivj bench: cannot decode the test music (" + e.getMessage() + "); ./aivj fetch-music");
            return 1;
        } catch (Exception e) {
            err.println("aivj bench: " + e.getMessage());
            return 1;
        }
        out.print(report.format());
        out.flush();
        if (!report.peersMatch()) {
            err.println("aivj bench: FAILED — a model peer (TensorFlow.js or ONNX Runtime Web) does not reproduce the "
                    + "engine's model outputs (max |Δ| ≥ 1e-3): its weight mapping is wrong, so its timings are not "
                    + "comparable");
            return 1;
        }
        return 0;
    }
}
