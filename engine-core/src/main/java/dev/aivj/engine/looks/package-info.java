/**
 * A preset's measured look: what its rendered frames show, on reference audio.
 *
 * <p>{@link FrameMeasures} reduces one RGB frame to luma, colourfulness, hue and edge figures;
 * {@link LookMeter} follows a sequence of frames with the audio energy fed for each and yields a
 * {@link MeasuredLook} (motion, audio reactivity and the blank/frozen flags need the sequence);
 * {@link CompositeFrames} puts a foreground frame over a background frame the way the page's layer
 * compositor does. Pure Java on plain byte arrays, so the same code can run in the offline tools and
 * in the browser build.
 */
package dev.aivj.engine.looks;
