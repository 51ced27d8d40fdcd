package dev.aivj.engine.recommend;

/**
 * A pair the recommender allows for a section, with its score (style affinity × quality × fit × favourites).
 *
 * @param index the pair's index in the library
 */
public record Candidate(int index, LibraryPair pair, double score) {
}
