package dev.aivj.wasm;

import dev.aivj.engine.coupling.CouplingModel;
import dev.aivj.engine.json.JsonWriter;
import dev.aivj.engine.looks.LookMeter;
import dev.aivj.engine.looks.MeasuredLook;
import dev.aivj.engine.looks.PresetVector;
import dev.aivj.engine.presets.MilkPresetParser;
import dev.aivj.engine.presets.PresetFeatures;
import dev.aivj.engine.recommend.LibraryPair;
import dev.aivj.engine.recommend.LookPercentiles;
import dev.aivj.engine.recommend.OwnPresetPairs;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.engine.recommend.PartnerPresets;
import java.util.ArrayList;
import java.util.List;

/**
 * The presets a viewer brought to this session: each is measured from the frames the page rendered of it, paired
 * with the library by the coupling model ({@link OwnPresetPairs}), and its pairs join the session's pair library.
 */
final class OwnPresets {
    private PartnerPresets partners;
    private final List<LibraryPair> pairs = new ArrayList<>();

    void loadPartners(String json) {
        if (json == null) {
            throw new IllegalArgumentException("partner presets: the JSON is required");
        }
        partners = PartnerPresets.parse(json);
    }

    boolean partnersLoaded() {
        return partners != null;
    }

    /** The base library with the viewers' pairs after its own; null without a base library. */
    PairLibrary on(PairLibrary base) {
        return base == null || pairs.isEmpty() ? base : base.plus(pairs);
    }

    /**
     * Measures and pairs one preset (replacing its earlier pairs, if it was added before); returns
     * {@code {"look":[...],"axes":[4],"usable":b,"pairs":[{fg,bg,quality,w_s,w_t}...]}}.
     */
    String add(CouplingModel model, String id, String url, String milkText, byte[] frames, int width, int height,
            float[] energies) {
        if (model == null || partners == null) {
            throw new IllegalArgumentException("own presets: load the coupling model and the partner presets first");
        }
        if (id == null || url == null || milkText == null || frames == null || energies == null) {
            throw new IllegalArgumentException("own presets: id, url, text, frames and energies are required");
        }
        MeasuredLook look = LookMeter.measure(frames, width, height, energies);
        float[] vector = PresetVector.of(PresetFeatures.of(MilkPresetParser.parse(milkText)), look);
        List<LibraryPair> found = OwnPresetPairs.of(model, partners, id, url, vector, OwnPresetPairs.DEFAULT_PER_ROLE);
        pairs.removeIf(p -> p.fg().equals(id) || p.bg().equals(id));
        pairs.addAll(found);
        JsonWriter w = new JsonWriter().beginObject().name("look").array(look.vector());
        w.name("axes").array(partners.percentiles().axes(look.vector()));
        w.name("usable").value(LookPercentiles.usable(look.vector())).name("pairs").beginArray();
        for (LibraryPair p : found) {
            w.beginObject().name("fg").value(p.fg()).name("bg").value(p.bg()).name("quality").value(p.quality())
                    .name("w_s").value(p.ws()).name("w_t").value(p.wt()).endObject();
        }
        return w.endArray().endObject().toString();
    }
}
