package dev.aivj.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ActivationsTest {
    @Test
    void tanhIsFiniteAndExactAtLargeInputs() {
        for (float x : new float[] {20f, 25f, 800f, 1e30f, Float.MAX_VALUE}) {
            assertEquals(1f, Activations.tanh(x));
            assertEquals(-1f, Activations.tanh(-x));
        }
        for (float x = -19.5f; x < 19.5f; x += 0.37f) {
            assertEquals((float) Math.tanh(x), Activations.tanh(x));
        }
    }
}
