package dev.aivj.training.pairs;

/**
 * One score/rank change from a {@code refinery_v2_*.log}.
 *
 * @param pair      the pair number
 * @param timestamp the pair's {@code yyyymmdd_hhmmss} as in its file names, or null if the line gave none
 * @param score     the new score, or null if the line changed only the rank
 * @param rank      the new rank, or null if the line changed only the score
 * @param origin    log file and line
 */
public record RefineryLogEvent(int pair, String timestamp, Double score, Integer rank, RowOrigin origin) {
}
