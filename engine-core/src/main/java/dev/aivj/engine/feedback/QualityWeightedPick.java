package dev.aivj.engine.feedback;

import dev.aivj.engine.recommend.Candidate;
import dev.aivj.engine.recommend.MusicSection;
import dev.aivj.engine.recommend.PairFeatures;
import dev.aivj.engine.recommend.PickPolicy;
import dev.aivj.engine.recommend.PickReason;
import java.util.List;
import java.util.Random;

/**
 * The team's web player's pick policy (newliveweb; ../shared/DATA-FORMATS.md), the A/B test's control arm: every
 * allowed pair (the last picks are left out, as its penalty does) drawn with weight
 * <pre>w = (1 − explore)·quality^γ + explore</pre>
 * ignoring the music. Its defaults are not written down; γ = {@value #GAMMA}, explore = {@value #EXPLORE} here, and
 * the simulation reports the best γ it found ({@code ./aivj simulate-feedback}).
 */
public record QualityWeightedPick(double gamma, double explore) implements PickPolicy {
    public static final String NAME = "weighted-random";
    public static final double GAMMA = 4;
    public static final double EXPLORE = 0.1;

    public QualityWeightedPick {
        if (!(gamma >= 0) || !(explore >= 0 && explore <= 1)) {
            throw new IllegalArgumentException("gamma must be >= 0 and explore within 0..1");
        }
    }

    public QualityWeightedPick() {
        this(GAMMA, EXPLORE);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Pick pick(List<Candidate> ranked, MusicSection section, String[] labels, Random rnd) {
        double total = 0;
        for (Candidate c : ranked) {
            total += weight(c);
        }
        double u = rnd.nextDouble() * total;
        int i = 0;
        while (i < ranked.size() - 1 && (u -= weight(ranked.get(i))) > 0) {
            i++;
        }
        Candidate c = ranked.get(i);
        return new Pick(c, false, PickReason.ranked(NAME, i + 1, ranked.size(),
                PairFeatures.of(c.pair(), section, labels)));
    }

    private double weight(Candidate c) {
        return (1 - explore) * Math.pow(c.pair().quality(), gamma) + explore;
    }
}
