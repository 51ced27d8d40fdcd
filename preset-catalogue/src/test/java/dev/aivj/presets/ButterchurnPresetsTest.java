package dev.aivj.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** On the real npm package butterchurn-presets, as scripts/fetch-presets.sh puts it in the cache. */
class ButterchurnPresetsTest {
    static final Path PACKAGE = PresetChecker.defaultCache().resolve("presets/butterchurn-presets/package");

    @Test
    void everyConvertedPresetGetsAUniqueStableId() throws Exception {
        List<PresetLibrary.Entry> first = ButterchurnPresets.scan(PACKAGE);
        assertEquals(1754, first.size(), "butterchurn-presets 2.4.7 converts 1,754 presets");
        Set<String> ids = new HashSet<>();
        for (PresetLibrary.Entry e : first) {
            assertTrue(ids.add(e.id()), "duplicate id " + e.id());
            assertTrue(e.slug().matches("[a-z0-9-]+"), e.slug());
            assertEquals(ButterchurnPresets.PACK, e.pack());
        }
        assertEquals(first, ButterchurnPresets.scan(PACKAGE), "same ids on a second scan");
        long md2 = first.stream().filter(PresetLibrary.Entry::md2).count();
        assertTrue(md2 > 100 && md2 < first.size(), "presets with warp/comp shaders: " + md2);
        assertTrue(ids.contains("butterchurn/flexi-mindblob-mix"));
    }
}
