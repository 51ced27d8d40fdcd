package dev.aivj.engine.recommend;

import dev.aivj.engine.json.JsonWriter;
import java.util.Random;

/** Pair libraries for tests in any package. */
public final class TestLibraries {
    private TestLibraries() {
    }

    /** GENERATED test library: {@code n} pairs with seeded random looks and qualities. */
    public static PairLibrary generated(int n, long seed) {
        return PairLibrary.parse(generatedJson(n, seed));
    }

    /** The JSON text of {@link #generated}. */
    public static String generatedJson(int n, long seed) {
        Random r = new Random(seed);
        JsonWriter w = new JsonWriter().beginObject().name("format").value(PairLibrary.FORMAT).name("lookAxes")
                .beginArray();
        for (String a : LookSpace.AXES) {
            w.value(a);
        }
        w.endArray().name("pairs").beginArray();
        for (int i = 0; i < n; i++) {
            w.beginObject().name("fg").value("gen/fg" + i).name("bg").value("gen/bg" + i)
                    .name("fgUrl").value("/presets/gen/fg" + i + ".milk").name("bgUrl").value("/presets/gen/bg" + i + ".milk")
                    .name("quality").value(0.5 + 0.5 * r.nextDouble()).name("w_s").value(8 * r.nextDouble() - 4)
                    .name("w_t").value(8 * r.nextDouble() - 4).name("look").beginArray();
            for (int k = 0; k < LookSpace.DIMENSIONS; k++) {
                w.value(r.nextDouble());
            }
            w.endArray().endObject();
        }
        return w.endArray().endObject().toString();
    }
}
