package dev.aivj.registry;

import java.util.List;

/** {@code gate.json} beside a registered bundle: {@link GateFigures} as stored, with the version it is about. */
public record GateJson(String version, int goldenPassed, int goldenTotal, double goldenPassRate, double driftKl,
        double latencyP95Ms, double latencyP99Ms, List<String> refusals) {
}
