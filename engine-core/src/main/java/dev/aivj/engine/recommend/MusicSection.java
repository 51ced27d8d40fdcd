package dev.aivj.engine.recommend;

/**
 * A stretch of a song that gets one preset pair.
 *
 * @param start          seconds
 * @param end            seconds
 * @param reason         why it starts here: "start", "silence" (a silent stretch starts or ends), "style" (the music
 *                       model's style changes), "energy" or "texture"
 * @param style          the section's most likely style, "none" without signal, or null without a music model
 * @param probabilities  mean style probabilities over the section's steps with signal (the model's label order),
 *                       or null (no model, or no signal)
 * @param target         the look the music asks for, in {@link LookSpace}
 */
public record MusicSection(double start, double end, String reason, String style, double[] probabilities,
        double[] target) {
}
