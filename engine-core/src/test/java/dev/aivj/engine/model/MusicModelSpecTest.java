package dev.aivj.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.json.JsonReader;
import org.junit.jupiter.api.Test;

class MusicModelSpecTest {
    private static final String[] LABELS = {"edm", "rock"};

    @Test
    void inputPoolRoundTripsAsALeadingMaxPoolAndCountsInTheStep() {
        MusicModelSpec spec = MusicModelSpec.defaults(LABELS);
        assertEquals(2, spec.inputPool());
        assertEquals(8, spec.framesPerStep(), "input pool 2 × pool 2 × pool 2");
        String json = spec.toJson();
        assertTrue(json.contains("\"layers\":[{\"type\":\"maxpool1d\",\"size\":2},{\"type\":\"conv1d\""), json);
        MusicModelSpec back = MusicModelSpec.fromJson(JsonReader.parse(json));
        assertEquals(json, back.toJson());
        assertEquals(2, back.inputPool());
        assertEquals("input pool 2, conv 64→16 k3 + pool 2, conv 16→32 k3 + pool 2, LSTM 32 (8 frames per step)",
                spec.summary());
    }

    @Test
    void aBundleWithoutInputPoolReadsEveryFrame() {
        MusicModelSpec teacher = MusicModelSpec.teacher(LABELS);
        assertEquals(1, teacher.inputPool());
        assertEquals(4, MusicModelSpec.fromJson(JsonReader.parse(teacher.toJson())).framesPerStep());
    }

    @Test
    void aMaxPoolAnywhereElseThanFirstOrAfterAConvIsRefused() {
        String json = MusicModelSpec.defaults(LABELS).toJson().replace(
                "{\"type\":\"maxpool1d\",\"size\":2},{\"type\":\"conv1d\"",
                "{\"type\":\"maxpool1d\",\"size\":2},{\"type\":\"maxpool1d\",\"size\":2},{\"type\":\"conv1d\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MusicModelSpec.fromJson(JsonReader.parse(json)));
        assertTrue(e.getMessage().contains("maxpool1d must open the layers or follow a conv1d"), e.getMessage());
    }
}
