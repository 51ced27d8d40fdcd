package dev.aivj.training.music;

import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.VisualParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws a fresh set of training patches per epoch at random, step-aligned starts: the same number from every
 * track, and no more from one artist than from {@value #ARTIST_TRACKS} tracks. A long track then weighs no more
 * than a short one, a composer with 60 tracks no more than a few artists with one each (what carries over to new
 * music is the number of distinct artists, not more tracks by the same one), and each epoch sees other cuts.
 *
 * <p>Each patch carries {@code patchFrames + margin} frames so the augmentation can stretch time without running
 * out of audio; without augmentation the trainer reads only its first {@code patchFrames} frames.
 */
public final class TrackPatchSampler {
    /**
     * One track's frame features, label, per-step visual targets and artist; {@code pseudoLabel}: an unlabelled
     * track whose label a teacher guessed.
     */
    public record Track(String source, FrameFeatures features, int label, float[] stepTargets, String artist,
            boolean pseudoLabel) {
        public Track(String source, FrameFeatures features, int label, float[] stepTargets, String artist) {
            this(source, features, label, stepTargets, artist, false);
        }
    }

    /** An artist's patches per epoch are capped at this many tracks' worth. */
    public static final int ARTIST_TRACKS = 4;

    private final int patchFrames;
    private final int margin;
    private final int framesPerStep;
    private final int patchesPerTrack;
    private final long seed;
    private final List<Track> tracks = new ArrayList<>();

    public TrackPatchSampler(int patchFrames, int margin, int framesPerStep, int patchesPerTrack, long seed) {
        if (patchFrames % framesPerStep != 0 || margin % framesPerStep != 0) {
            throw new IllegalArgumentException("patch and margin must be multiples of " + framesPerStep + " frames");
        }
        this.patchFrames = patchFrames;
        this.margin = margin;
        this.framesPerStep = framesPerStep;
        this.patchesPerTrack = patchesPerTrack;
        this.seed = seed;
    }

    /** Adds a track; one shorter than a patch (plus margin) is skipped and reported as false. */
    public boolean add(Track t) {
        if (t.features().frames() < patchFrames + margin) {
            return false;
        }
        tracks.add(t);
        return true;
    }

    public List<Track> tracks() {
        return tracks;
    }

    /** Patches per epoch from one track of an artist with {@code artistTracks} tracks: at least one. */
    public static int patchesPerTrack(int patchesPerTrack, int artistTracks) {
        return Math.max(1, Math.min(patchesPerTrack,
                (int) Math.round(ARTIST_TRACKS * patchesPerTrack / (double) artistTracks)));
    }

    /** How many patches every epoch draws (without drawing them). */
    public int patchesPerEpoch() {
        Map<String, Integer> perArtist = tracksPerArtist();
        int n = 0;
        for (Track t : tracks) {
            n += patchesPerTrack(patchesPerTrack, perArtist.get(t.artist()));
        }
        return n;
    }

    private Map<String, Integer> tracksPerArtist() {
        Map<String, Integer> perArtist = new HashMap<>();
        tracks.forEach(t -> perArtist.merge(t.artist(), 1, Integer::sum));
        return perArtist;
    }

    /** The patches of {@code epoch}: deterministic for the sampler's seed and the epoch. */
    public MusicExamples epoch(int epoch) {
        MusicExamples out = new MusicExamples(patchFrames, patchFrames);
        Random r = new Random(seed * 1_000_003L + epoch);
        int vis = VisualParameters.COUNT;
        int steps = patchFrames / framesPerStep;
        int span = patchFrames + margin;
        Map<String, Integer> perArtist = tracksPerArtist();
        for (Track t : tracks) {
            int count = patchesPerTrack(patchesPerTrack, perArtist.get(t.artist()));
            FrameFeatures f = t.features();
            int bands = f.melBands();
            int startSteps = (f.frames() - span) / framesPerStep + 1;
            for (int k = 0; k < count; k++) {
                int start = r.nextInt(startSteps) * framesPerStep;
                float[] mel = Arrays.copyOfRange(f.logMel(), start * bands, (start + span) * bands);
                float[] target = null;
                if (t.stepTargets() != null) {
                    target = Arrays.copyOfRange(t.stepTargets(), start / framesPerStep * vis,
                            (start / framesPerStep + steps) * vis);
                }
                out.addExample(new MusicExamples.Example(mel, t.label(), target, t.source() + "@" + start,
                        t.pseudoLabel()));
            }
        }
        return out;
    }
}
