package dev.aivj.engine.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonReaderTest {
    @Test
    void parsesWhatJsonWriterWrites() {
        String text = new JsonWriter().beginObject().name("a").value(1).name("b").value("x\"y\n\u0001")
                .name("c").array(new float[] {0.1f, -2.5f}).name("d").value(true).endObject().toString();
        JsonValue v = JsonReader.parse(text);
        assertEquals(1, v.get("a").asInt());
        assertEquals("x\"y\n\u0001", v.get("b").asString());
        assertEquals(0.1, v.get("c").at(0).asDouble(), 0);
        assertEquals(-2.5, v.get("c").at(1).asDouble(), 0);
        assertTrue(v.get("d").asBoolean());
        assertEquals(JsonValue.Kind.NULL, JsonReader.parse(" null ").kind());
        assertArrayEquals(new int[] {1, 2, 3}, JsonReader.parse("[1, 2,3]").asIntArray());
        assertEquals("é\u20ac", JsonReader.parse("\"\\u00e9\\u20AC\"").asString());
        assertEquals(1.5e-3, JsonReader.parse("1.5E-3").asDouble(), 0);
        assertFalse(JsonReader.parse("{}").has("x"));
    }

    @Test
    void refusesMalformedJsonWithOffset() {
        for (String bad : new String[] {"", "{", "{\"a\":}", "[1,]", "01", "1.", "\"abc", "{\"a\":1,\"a\":2}",
                "[1] x", "tru", "{a:1}", "\"\\x\"", "-", "[1 2]"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(bad),
                    bad);
            assertTrue(e.getMessage().startsWith("invalid JSON at offset"), e.getMessage());
        }
    }

    @Test
    void accessorsNameThePath() {
        JsonValue v = JsonReader.parse("{\"m\":{\"layers\":[{\"k\":2.5}]}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> v.get("m").get("layers").at(0).get("k").asInt());
        assertEquals("$.m.layers[0].k: expected an integer, found 2.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> v.get("m").get("missing"));
        assertEquals("$.m: missing field \"missing\"", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> v.get("m").asString());
        assertEquals("$.m: expected a string, found an object", e.getMessage());
    }
}
