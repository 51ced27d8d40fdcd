package dev.aivj.engine.plan;

import dev.aivj.engine.json.JsonWriter;
import dev.aivj.engine.live.LiveShowUpdate;
import dev.aivj.engine.live.StreamedSet;
import dev.aivj.engine.recommend.MusicSection;
import dev.aivj.engine.recommend.PairChoice;
import java.util.List;

/**
 * The JSON of a streamed set ({@link StreamedSet}): {@code {"mode":"streamed","durationSeconds","sampleRate",
 * "channels","sections":[{start,end,reason,style,tempo:{bpm,confidence}|null,pair:{...a plan pair...,
 * cutAt}|null}],"timeline":[{seconds,style,confidence}]}}. No per-frame arrays: its size grows with the sections
 * (a few per minute) and the timeline (one reading per 5 s), so a two-hour set stays a few hundred kB.
 */
public final class SetPlanJson {
    private SetPlanJson() {
    }

    /** The plan's fields into the open object {@code w}. */
    public static void writeFields(JsonWriter w, StreamedSet.Plan plan) {
        w.name("mode").value("streamed").name("durationSeconds").value(plan.durationSeconds())
                .name("sampleRate").value(plan.inputRate()).name("channels").value(plan.inputChannels());
        List<LiveShowUpdate> sections = plan.sections();
        w.name("sections").beginArray();
        for (int i = 0; i < sections.size(); i++) {
            LiveShowUpdate u = sections.get(i);
            MusicSection s = u.section();
            double end = i + 1 < sections.size() ? sections.get(i + 1).section().start() : plan.durationSeconds();
            w.beginObject().name("start").value(s.start()).name("end").value(end).name("reason").value(s.reason())
                    .name("style").valueOrNull(s.style());
            LiveJson.tempo(w.name("tempo"), u.tempo()).name("pair");
            if (u.pair() == null) {
                w.nullValue();
            } else {
                PairChoice c = u.pair();
                MusicSection whole = new MusicSection(s.start(), end, s.reason(), s.style(), s.probabilities(),
                        s.target());
                PlanJson.writePair(w.beginObject(), new PairChoice(whole, c.pair(), c.score(), c.explored(), c.why()), u.mix());
                w.name("cutAt").value(u.cutAt()).endObject();
            }
            w.endObject();
        }
        LiveJson.readings(w.endArray().name("timeline"), plan.timeline());
    }
}
