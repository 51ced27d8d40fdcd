package dev.aivj.engine.recommend;

/**
 * The pair chosen for one section.
 *
 * @param section   the section it plays over
 * @param pair      the library pair
 * @param score     affinity × quality × fit that ranked it
 * @param explored  whether it was an exploration pick rather than the policy's best
 * @param why       why it was picked (the "why this pair" view)
 */
public record PairChoice(MusicSection section, LibraryPair pair, double score, boolean explored, PickReason why) {
}
