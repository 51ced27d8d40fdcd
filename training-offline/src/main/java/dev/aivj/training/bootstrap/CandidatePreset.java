package dev.aivj.training.bootstrap;

import java.nio.file.Path;

/**
 * A preset that may take part in a bootstrap pair: measured, usable (renders, not blank, not frozen).
 *
 * @param id     library id (pack/slug)
 * @param url    where the page serves it
 * @param milk   the .milk file (for its base values)
 * @param frames its kept frames in the frame cache
 */
public record CandidatePreset(String id, String url, Path milk, Path frames) {
}
