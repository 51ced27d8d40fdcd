package dev.aivj.engine.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.recommend.PairFeatures;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FederationTest {
    private static final int D = PairFeatures.DIMENSIONS;

    private static ViewerPreference taught(double reward, int feature) {
        ViewerPreference p = ViewerPreference.fresh();
        double[] x = new double[D];
        x[feature] = 1;
        for (int i = 0; i < 50; i++) {
            p = p.learn(x, reward, 1);
        }
        return p;
    }

    @Test
    void anUpdateIsClippedAndCarriesOnlyItsDelta() {
        double[] big = new double[D];
        big[0] = 3;
        big[1] = 4;
        double[] c = PreferenceUpdate.clipped(big, 1);
        assertEquals(0.6, c[0], 1e-12);
        assertEquals(0.8, c[1], 1e-12);
        PreferenceUpdate u = PreferenceUpdate.of(taught(1, 2), 0.5, 0, new Random(1));
        assertEquals(0.5, Math.sqrt(ViewerPreference.dot(u.delta(), u.delta())), 1e-9);
        String json = u.toJson();
        assertEquals(u.delta()[2], PreferenceUpdate.parse(json).delta()[2], 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PreferenceUpdate.parse(json.replace("{\"format\"", "{\"pairs\":[\"a|b\"],\"format\"")));
        assertTrue(e.getMessage().contains("unexpected field pairs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PreferenceUpdate.parse("[1]"));
    }

    @Test
    void noiseHasTheDocumentedScale() {
        ViewerPreference p = ViewerPreference.fresh();
        Random r = new Random(2);
        double sumSquares = 0;
        int n = 200;
        for (int i = 0; i < n; i++) {
            for (double d : PreferenceUpdate.of(p, 0.5, 2, r).delta()) {
                sumSquares += d * d;
            }
        }
        assertEquals(1.0, Math.sqrt(sumSquares / (n * D)), 0.03); // σ = 2 × 0.5
    }

    @Test
    void fedAvgAveragesClippedUpdatesIntoTheNextVersion() {
        FederatedAverage f = new FederatedAverage(GlobalPrior.zero(), 1, 3);
        double[] a = new double[D];
        a[0] = 10; // clipped to 1 by the server
        double[] b = new double[D];
        b[0] = 0.5;
        assertFalse(f.add(new PreferenceUpdate(0, a)));
        assertFalse(f.add(new PreferenceUpdate(0, b)));
        assertEquals(2, f.pending());
        assertTrue(f.add(new PreferenceUpdate(0, new double[D])));
        assertEquals(1, f.prior().version());
        assertEquals(3, f.prior().updates());
        assertEquals(0.5, f.prior().theta()[0], 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.add(new PreferenceUpdate(0, b)));
        assertTrue(e.getMessage().contains("the current one is 1"), e.getMessage());
        GlobalPrior back = GlobalPrior.parse(f.prior().toJson());
        assertEquals(0.5, back.theta()[0], 1e-12);
        assertEquals(1, back.version());
    }
}
