package dev.aivj.export.gate;

import dev.aivj.engine.coupling.CouplingModel;
import dev.aivj.training.coupling.CouplingExample;
import java.util.Arrays;
import java.util.List;

/**
 * How long the model takes where the product waits for it: pairing one preset a viewer brought with the library
 * (the page scores it in both roles against the pair library's {@value #PAIRING_PAIRS} / 2 presets,
 * dev.aivj.engine.recommend.OwnPresetPairs). Timed on the JVM (the same engine-core code the page runs as Wasm) over
 * {@value #RUNS} batches after {@value #WARM_UP} unmeasured ones; P95 and P99 of the batch times (P99 of 40 is the
 * slowest).
 */
public final class ScoringLatency {
    public static final int PAIRING_PAIRS = 1606;
    public static final int WARM_UP = 5;
    public static final int RUNS = 40;
    /**
     * The budget: pairing must add at most a quarter to the 1 to 3 s the page spends rendering a preset to measure
     * it (on this 2-core machine the bundled model takes 150 to 250 ms, P95, and more when the machine is busy).
     */
    public static final double P95_BUDGET_MS = 500;
    public static final double P99_BUDGET_MS = 1000;

    /** Batch times' P95 and P99, ms. */
    public record Percentiles(double p95, double p99) {
    }

    private ScoringLatency() {
    }

    public static Percentiles measure(CouplingModel model, List<CouplingExample> pack) {
        double[] ms = new double[RUNS];
        double sink = 0;
        for (int run = -WARM_UP; run < RUNS; run++) {
            long t = System.nanoTime();
            for (int i = 0; i < PAIRING_PAIRS; i++) {
                CouplingExample e = pack.get(i % pack.size());
                sink += model.score(e.upper(), e.lower()).quality();
            }
            if (run >= 0) {
                ms[run] = (System.nanoTime() - t) / 1e6;
            }
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("the model scored NaN");
        }
        Arrays.sort(ms);
        return new Percentiles(ms[(int) Math.ceil(0.95 * RUNS) - 1], ms[(int) Math.ceil(0.99 * RUNS) - 1]);
    }
}
