package dev.aivj.engine.feedback;

import java.util.ArrayList;
import java.util.List;

/**
 * FedAvg with clipping, the server's half of the federation: updates moved from the current global prior are
 * clipped again (a client's own clipping is not trusted) and, once {@code roundSize} have come in, averaged into
 * the next prior: θ_{v+1} = θ_v + mean(clipped deltas). An update moved from another prior version is refused
 * (its delta means nothing against this one); its sender fetches the current prior and moves from it.
 */
public final class FederatedAverage {
    private final double clip;
    private final int roundSize;
    private GlobalPrior prior;
    private final List<double[]> round = new ArrayList<>();

    public FederatedAverage(GlobalPrior prior, double clip, int roundSize) {
        if (!(clip > 0) || roundSize < 1) {
            throw new IllegalArgumentException("clip must be > 0 and the round size >= 1");
        }
        this.prior = prior;
        this.clip = clip;
        this.roundSize = roundSize;
    }

    public GlobalPrior prior() {
        return prior;
    }

    /** Updates waiting for the round to fill. */
    public int pending() {
        return round.size();
    }

    /** @throws IllegalArgumentException when {@code u} moved from another prior version than the current one */
    public void requireCurrent(PreferenceUpdate u) {
        if (u.priorVersion() != prior.version()) {
            throw new IllegalArgumentException("preference update: it moved from prior version " + u.priorVersion()
                    + ", the current one is " + prior.version() + " (fetch the prior again)");
        }
    }

    /**
     * Takes one update; true when it completed a round (a new prior version is out).
     *
     * @throws IllegalArgumentException when it moved from another prior version
     */
    public boolean add(PreferenceUpdate u) {
        requireCurrent(u);
        round.add(PreferenceUpdate.clipped(u.delta(), clip));
        if (round.size() < roundSize) {
            return false;
        }
        double[] theta = prior.theta();
        for (double[] d : round) {
            for (int i = 0; i < theta.length; i++) {
                theta[i] += d[i] / round.size();
            }
        }
        prior = new GlobalPrior(prior.version() + 1, prior.updates() + round.size(), theta);
        round.clear();
        return true;
    }
}
