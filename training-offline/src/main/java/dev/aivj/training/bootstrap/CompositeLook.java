package dev.aivj.training.bootstrap;

/**
 * What the composite of a pair shows over its kept frames. Luma values are 0..255 (BT.601).
 *
 * @param lumaMean      mean luma of the composite
 * @param lumaMin       mean luma of its darkest frame
 * @param motion        mean absolute luma change between consecutive composite frames
 * @param layerContrast mean absolute luma difference between the two layers: how well they can be told apart
 * @param edgeDensity   mean share of Sobel edge pixels of the composite
 * @param colourfulness mean Hasler–Süsstrunk colourfulness of the composite
 */
public record CompositeLook(double lumaMean, double lumaMin, double motion, double layerContrast,
        double edgeDensity, double colourfulness) {
}
