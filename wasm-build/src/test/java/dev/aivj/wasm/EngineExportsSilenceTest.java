package dev.aivj.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.engine.analysis.SignalGate;
import dev.aivj.engine.model.FixtureBundles;
import dev.aivj.wasm.instrumented.InstrumentedExports;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker's JSON (EngineExports, run on the JVM) carries the same "none" shape as aivj analyze. */
class EngineExportsSilenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RATE = 22050;

    @AfterEach
    void unload() {
        InstrumentedExports.unloadModel();
    }

    private static float[] noise(int n, double rms) {
        Random r = new Random(4);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rms * r.nextGaussian());
        }
        return x;
    }

    @Test
    void analysisOfSilenceSaysNoneWithItsReason() throws Exception {
        assertEquals("", InstrumentedExports.loadModel(FixtureBundles.manifest(), FixtureBundles.weights()));
        JsonNode j = JSON.readTree(InstrumentedExports.analyze(new float[RATE * 5], RATE));
        JsonNode style = j.get("style");
        assertEquals("none", style.get("label").asText(), style.toString());
        assertEquals(SignalGate.DIGITAL_SILENCE, style.get("reason").asText());
        assertTrue(style.get("confidence").isNull());
        assertEquals("none", j.get("segments").get(0).get("style").asText());
        JsonNode loud = JSON.readTree(InstrumentedExports.analyze(noise(RATE * 5, 0.1), RATE)).get("style");
        assertTrue(loud.get("reason").isNull() && !loud.get("label").asText().equals("none"), loud.toString());
        assertTrue(loud.get("confidence").isNumber());
    }

    @Test
    void livePushOfSilenceSaysNoneWithItsReason() throws Exception {
        assertEquals("", InstrumentedExports.loadModel(FixtureBundles.manifest(), FixtureBundles.weights()));
        InstrumentedExports.liveStart(Double.NaN);
        JsonNode loud = JSON.readTree(InstrumentedExports.livePush(noise(RATE, 0.1)));
        assertTrue(loud.get("reason").isNull() && loud.get("probabilities").isArray(), loud.toString());
        JsonNode quiet = JSON.readTree(InstrumentedExports.livePush(noise(RATE, 1e-4))); // −80 dBFS
        assertEquals("none", quiet.get("style").asText(), quiet.toString());
        assertEquals(SignalGate.BELOW_FLOOR, quiet.get("reason").asText());
        assertTrue(quiet.get("probabilities").isNull() && quiet.get("visual").isObject());
    }
}
