package dev.aivj.engine.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LayerMixTest {
    @Test
    void couplingWeightsSetBlendOpacitiesAndTimes() {
        LayerMix alike = LayerMix.of(4, 4); // s = t = 1
        assertEquals("screen", alike.blendMode());
        assertEquals(0.8, alike.fgOpacity(), 1e-12);
        assertEquals(0.3, alike.bgOpacity(), 1e-12);
        assertEquals(1, alike.transitionSeconds(), 1e-12);
        assertEquals(0.05, alike.followSeconds(), 1e-12);

        LayerMix apart = LayerMix.of(-4, -4); // s = t = 0
        assertEquals("normal", apart.blendMode());
        assertEquals(0.6, apart.fgOpacity(), 1e-12);
        assertEquals(0.5, apart.bgOpacity(), 1e-12);
        assertEquals(4, apart.transitionSeconds(), 1e-12);
        assertEquals(0.5, apart.followSeconds(), 1e-12);

        LayerMix middle = LayerMix.of(0, 0);
        assertEquals("plus-lighter", middle.blendMode());
        assertEquals(2.5, middle.transitionSeconds(), 1e-12);
    }

    @Test
    void weightsOutOfRangeClampAndNonFiniteOnesCountAsZero() {
        assertEquals(LayerMix.of(4, 4), LayerMix.of(40, 9));
        assertEquals(LayerMix.of(0, 0), LayerMix.of(Double.NaN, Double.POSITIVE_INFINITY));
    }
}
