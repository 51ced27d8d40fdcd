package dev.aivj.engine;

/** Identity of the engine build, reported by the CLI, the Wasm module and the page. */
public final class EngineInfo {
    /** Bumped whenever analysis output changes in a way a consumer could notice. */
    public static final String VERSION = "0.1.0";

    private EngineInfo() {
    }
}
