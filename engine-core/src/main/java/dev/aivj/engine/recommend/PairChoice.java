package dev.aivj.engine.recommend;

/**
 * The pair chosen for one section.
 *
 * @param section   the section it plays over
 * @param pair      the library pair
 * @param score     affinity × quality × fit that ranked it
 * @param explored  whether it was an exploration pick rather than the best-scoring one
 */
public record PairChoice(MusicSection section, LibraryPair pair, double score, boolean explored) {
}
