package dev.aivj.engine.looks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LookMeterTest {
    private static final int W = 40;
    private static final int H = 30;

    @Test
    void blackFramesAreBlankAndFrozen() {
        LookMeter m = new LookMeter(W, H);
        for (int i = 0; i < 10; i++) {
            m.add(Frames.solid(W, H, 0, 0, 0), 0, 0.5);
        }
        MeasuredLook look = m.finish();
        assertTrue(look.blank());
        assertTrue(look.frozen());
        assertFalse(look.usable());
        assertTrue(Double.isNaN(look.dominantHueDegrees()));
    }

    @Test
    void aStillPictureIsFrozenButNotBlank() {
        LookMeter m = new LookMeter(W, H);
        for (int i = 0; i < 10; i++) {
            m.add(Frames.halves(W, H), 0, i % 2);
        }
        MeasuredLook look = m.finish();
        assertFalse(look.blank());
        assertTrue(look.frozen());
        assertEquals(0, look.get(9), "no motion, no reactivity");
    }

    @Test
    void motionThatFollowsTheAudioIsReactive() {
        // The square jumps by as many columns as the audio is loud, one frame late.
        Random rnd = new Random(7);
        LookMeter follows = new LookMeter(W, H);
        LookMeter ignores = new LookMeter(W, H);
        int x = 0;
        int y = 0;
        double previousEnergy = 0;
        for (int i = 0; i < 120; i++) {
            double energy = rnd.nextDouble();
            x = (x + (int) Math.round(previousEnergy * 8) + 1) % (W - 10);
            y = (y + rnd.nextInt(9) + 1) % (W - 10);
            follows.add(Frames.square(W, H, x, 10), 0, energy);
            ignores.add(Frames.square(W, H, y, 10), 0, energy);
            previousEnergy = energy;
        }
        MeasuredLook a = follows.finish();
        MeasuredLook b = ignores.finish();
        assertTrue(a.get(9) > 0.6, "reactivity of the following square: " + a.get(9));
        assertTrue(b.get(9) < 0.35, "reactivity of the random square: " + b.get(9));
        assertTrue(a.usable() && b.usable());
        assertTrue(a.get(3) > 1, "motion " + a.get(3));
    }

    @Test
    void colourAndHueAreAveragedOverFrames() {
        LookMeter m = new LookMeter(W, H);
        for (int i = 0; i < 4; i++) {
            m.add(Frames.solid(W, H, 0, 0, 255), 0, 0);
            m.add(Frames.solid(W, H, 0, 0, 40), 0, 0);
        }
        MeasuredLook look = m.finish();
        assertEquals(245, look.dominantHueDegrees(), 1e-9, "centre of the 240..250 degree bin");
        assertEquals(1, look.get(7), 1e-6, "every pixel coloured");
        assertEquals(Math.cos(Math.toRadians(245)), look.get(5), 1e-6);
        assertEquals(0.114 * 40, look.get(1), 1e-3, "darkest frame");
    }

    @Test
    void aStoredVectorRoundTripsAndBadOnesAreRefused() {
        MeasuredLook broken = MeasuredLook.ofBrokenPreset();
        assertTrue(broken.broken());
        assertFalse(broken.usable());
        assertArrayEquals(broken.vector(), MeasuredLook.of(broken.vector()).vector());
        assertEquals(MeasuredLook.LENGTH, MeasuredLook.names().length);
        assertThrows(IllegalArgumentException.class, () -> MeasuredLook.of(new float[3]));
        float[] nan = new float[MeasuredLook.LENGTH];
        nan[2] = Float.NaN;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MeasuredLook.of(nan)).getMessage()
                .contains("luma_contrast"));
        assertThrows(IllegalStateException.class, () -> new LookMeter(W, H).finish());
    }

    @Test
    void pearsonOfALinearRelationIsOne() {
        java.util.List<Double> x = java.util.List.of(1.0, 2.0, 3.0, 5.0, 8.0);
        java.util.List<Double> y = java.util.List.of(2.0, 4.0, 6.0, 10.0, 16.0);
        assertEquals(1, LookMeter.pearson(y, x, 0), 1e-12);
        assertTrue(Double.isNaN(LookMeter.pearson(java.util.List.of(1.0, 1.0, 1.0), x.subList(0, 3), 0)));
    }
}
