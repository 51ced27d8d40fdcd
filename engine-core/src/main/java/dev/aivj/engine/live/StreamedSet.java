package dev.aivj.engine.live;

import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.audio.MonoMixer;
import dev.aivj.engine.audio.StreamingResampler;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording too long to analyse whole (a DJ set), analysed as it is read: interleaved PCM at its own rate is
 * mixed to mono, resampled to the analysis rate in bounded memory ({@link StreamingResampler}) and pushed through
 * the {@link LiveShow} in {@value #HOP_SECONDS}-s hops, as live input is. What it keeps grows with the set's
 * sections and one style reading per {@value #TIMELINE_SECONDS} s, not with its samples.
 */
public final class StreamedSet {
    public static final double HOP_SECONDS = 0.5;
    public static final double TIMELINE_SECONDS = 5.0;

    /**
     * The set's plan: its length, the live show's update where each section started (its reason, style, tempo,
     * pair and cut time), in order, and the style every {@value #TIMELINE_SECONDS} s.
     */
    public record Plan(double durationSeconds, int inputRate, int inputChannels, List<LiveShowUpdate> sections,
            List<StyleReading> timeline) {
    }

    private final LiveShow show;
    private final int inputRate;
    private final int channels;
    private final StreamingResampler resampler;
    private final float[] hop = new float[(int) Math.round(HOP_SECONDS * AnalysisSettings.SAMPLE_RATE)];
    private int filled;
    private long inputFrames;
    private final List<LiveShowUpdate> sections = new ArrayList<>();
    private final List<StyleReading> timeline = new ArrayList<>();

    public StreamedSet(LiveShow show, int inputRate, int channels) {
        if (inputRate < AnalysisSettings.MIN_INPUT_RATE || inputRate > AnalysisSettings.MAX_INPUT_RATE) {
            throw new IllegalArgumentException("unsupported sample rate " + inputRate + " Hz");
        }
        if (channels < 1 || channels > AnalysisSettings.MAX_CHANNELS) {
            throw new IllegalArgumentException("unsupported channel count " + channels);
        }
        this.show = show;
        this.inputRate = inputRate;
        this.channels = channels;
        this.resampler = new StreamingResampler(inputRate, AnalysisSettings.SAMPLE_RATE);
    }

    /** The next {@code frames} frames of interleaved PCM at the set's rate and channel count. */
    public void push(float[] interleaved, int frames) {
        inputFrames += frames;
        float[] mono = MonoMixer.mix(interleaved.length == frames * channels ? interleaved
                : java.util.Arrays.copyOf(interleaved, frames * channels), channels);
        feed(resampler.push(mono));
    }

    /** The set's end: the last samples, then its plan. */
    public Plan finish() {
        feed(resampler.finish());
        if (filled > 0) {
            observe(show.push(java.util.Arrays.copyOf(hop, filled)));
        }
        return new Plan((double) inputFrames / inputRate, inputRate, channels, List.copyOf(sections),
                List.copyOf(timeline));
    }

    private void feed(float[] signal) {
        for (float v : signal) {
            if (Float.isNaN(v) || Float.isInfinite(v)) {
                throw new IllegalArgumentException("audio contains a non-finite sample");
            }
            hop[filled++] = v;
            if (filled == hop.length) {
                observe(show.push(hop.clone()));
                filled = 0;
            }
        }
    }

    private void observe(LiveShowUpdate u) {
        if (u.sectionStarted()) {
            sections.add(u);
        }
        if (!u.readings().isEmpty() && u.seconds() >= timeline.size() * TIMELINE_SECONDS + TIMELINE_SECONDS) {
            timeline.add(u.readings().get(u.readings().size() - 1));
        }
    }
}
