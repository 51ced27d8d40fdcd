package dev.aivj.bench;

import dev.aivj.wasm.instrumented.StageTimes;
import java.util.Map;

/** The engine's benchmarked stages, as named in the Wasm export's JSON and in {@link StageTimes}. */
public enum Stage {
    PREPARE, FEATURES, TEMPO, MODEL, RECOMMEND, TOTAL;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public double of(StageTimes t) {
        return switch (this) {
            case PREPARE -> t.prepare();
            case FEATURES -> t.features();
            case TEMPO -> t.tempo();
            case MODEL -> t.model();
            case RECOMMEND -> t.recommend();
            case TOTAL -> t.total();
        };
    }

    /** From benchStages' result: {@code {"stages":{...},"total":ms}}. */
    public double of(Map<String, Object> wasmRun) {
        return this == TOTAL ? Js.num(wasmRun, "total") : Js.num(Js.obj(wasmRun.get("stages")), key());
    }
}
