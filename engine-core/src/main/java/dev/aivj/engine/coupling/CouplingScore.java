package dev.aivj.engine.coupling;

/**
 * What the coupling model says about one (upper, lower) preset pair.
 *
 * @param quality             predicted pair quality, 0..1
 * @param spatialWeight       w_s, the spatial coupling weight (−W_MAX..W_MAX)
 * @param temporalWeight      w_t, the temporal coupling weight (−W_MAX..W_MAX)
 * @param spatialSimilarity   S, how alike the two layers are in space (−1..1)
 * @param temporalSimilarity  T, how alike they are in time (−1..1)
 */
public record CouplingScore(float quality, float spatialWeight, float temporalWeight, float spatialSimilarity,
        float temporalSimilarity) {
}
