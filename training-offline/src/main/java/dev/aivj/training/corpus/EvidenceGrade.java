package dev.aivj.training.corpus;

import java.util.Arrays;
import java.util.Optional;

/**
 * How strong the evidence for a row's style label is, strongest first. Kept per row so results can be reported
 * on the strongly evidenced rows alone and a doubtful grade can be re-examined without re-reading every file.
 */
public enum EvidenceGrade {
    /** A genre tag in the file itself (GENRE=Electronica, GENRE=Metal, ...). */
    TAG("tag"),
    /** Credits: the package's copyright file, description, a credits file or a module's own message. */
    CREDITS("credits"),
    /** The track's title, file name or album names the style ("Chipdisko", "orchestralsample", "Techno ..."). */
    TITLE("title"),
    /** The composer or artist: a named classical work, or an artist whose own genre tag labels another album. */
    COMPOSER("composer"),
    /** Judged from the sound (instrumentation, chip waveforms), with what was heard written in the evidence. */
    SOUND("sound"),
    /** Generated audio, labelled by construction (e.g. an mma "techno" groove rendered by this project). */
    SYNTHETIC("synthetic");

    private final String id;

    EvidenceGrade(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The grade spelled {@code id} exactly (lower case), if any. */
    public static Optional<EvidenceGrade> fromId(String id) {
        return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
    }
}
