package dev.aivj.training.bootstrap;

/** A candidate pair with its composite, score (0..5) and rank (1 = best; 0 until ranked). */
public record ScoredPair(int pair, CandidatePreset fg, CandidatePreset bg, CompositeLook composite, double score,
        int rank) {
    ScoredPair ranked(int r) {
        return new ScoredPair(pair, fg, bg, composite, score, r);
    }
}
