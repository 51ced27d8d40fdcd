package dev.aivj.training.pairs;

/** Which of the team's data sets a pair was imported from. */
public enum PairSource {
    /** {@code AIVJ_FINAL_ELITE/AIVJ_FINAL_ELITE_MANIFEST.json}: the hand-scored golden set. */
    ELITE,
    /** {@code aivj_coupled_refinery_v2/}: coupled fg/bg .milk files plus score/rank change logs. */
    REFINERY,
    /** {@code deep_alchemy_10h/manifest.jsonl}. */
    DEEP_ALCHEMY,
    /** A web-player preset pack's {@code pairs-manifest.json} (optionally merged with {@code pairs-quality.v0.json}). */
    PACK
}
