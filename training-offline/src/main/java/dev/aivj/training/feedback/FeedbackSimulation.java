package dev.aivj.training.feedback;

import dev.aivj.engine.feedback.QualityWeightedPick;
import dev.aivj.engine.feedback.ViewerArm;
import dev.aivj.engine.recommend.LibraryPair;
import dev.aivj.engine.recommend.MusicSection;
import dev.aivj.engine.recommend.PairChoice;
import dev.aivj.engine.recommend.PairFeatures;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.engine.recommend.PairRecommender;
import dev.aivj.engine.recommend.PickPolicy;
import dev.aivj.engine.recommend.PresetPreferences;
import dev.aivj.engine.recommend.RecommenderPick;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * SIMULATED viewers watch SIMULATED songs through the real recommender ({@link PairRecommender} over the shipped
 * pair library) under each pick policy, the learned one updating the real bandit ({@link LearningPolicy}: the
 * engine's ViewerPreference and PreferenceReranker) from the rewards and weights the engine gives the viewers'
 * signals (FeedbackSignal), after every section. Every policy sees the same viewers and songs (common random
 * numbers), so their differences are the policies', not the draws'.
 *
 * <p>Per session index, averaged over viewers: the mean true rating (3 + 2u, no rating noise) of the pairs shown,
 * and the top-20 hit rate: the share of pairs shown that are among the 20 library pairs with the highest true
 * utility for that viewer in that section.
 */
public final class FeedbackSimulation {
    public static final String LEARNED = "learned";
    public static final String RECOMMENDER = "recommender";
    public static final String WEIGHTED = "weighted-random";
    static final int TOP = 20;

    /** One policy's learning curves in one seed: per session index, the mean over viewers. */
    public record Curves(double[] rating, double[] hits) {
    }

    private final PairLibrary library;
    private final LibraryPair[] pairs;
    private final Map<LibraryPair, Integer> index = new IdentityHashMap<>();
    private final LibraryScale scale;
    private final SimulationConfig config;

    public FeedbackSimulation(PairLibrary library, SimulationConfig config) {
        this.library = library;
        this.pairs = library.pairs().toArray(new LibraryPair[0]);
        for (int i = 0; i < pairs.length; i++) {
            index.put(pairs[i], i);
        }
        this.scale = new LibraryScale(library);
        this.config = config;
    }

    /** The policies by key: learned, recommender, and weighted-random at each γ of the sweep ("weighted-random γ=4"). */
    public List<String> policyKeys() {
        List<String> keys = new ArrayList<>(List.of(LEARNED, RECOMMENDER));
        for (double g : config.gammas()) {
            keys.add(weightedKey(g));
        }
        return keys;
    }

    public static String weightedKey(double gamma) {
        return WEIGHTED + " γ=" + (gamma == Math.rint(gamma) ? String.valueOf((long) gamma) : String.valueOf(gamma));
    }

    /** The viewers of one seed: archetypes in turn, each with its own noise. */
    public List<SimulatedViewer> viewers(int seedIndex) {
        List<SimulatedViewer> out = new ArrayList<>();
        ViewerArchetype[] kinds = ViewerArchetype.values();
        for (int v = 0; v < config.viewers(); v++) {
            out.add(new SimulatedViewer(installation(seedIndex, v), kinds[v % kinds.length], pairs, scale,
                    new Random(mix(config.seed(), seedIndex, v, -1))));
        }
        return out;
    }

    /**
     * One seed: every policy's curves. When {@code log} is given, each viewer's sessions under its A/B arm
     * ({@link ViewerArm#assign}; weighted-random at the default γ) are written to it as SIMULATED feedback events.
     */
    public Map<String, Curves> run(int seedIndex, Consumer<FeedbackEvent> log) {
        List<String> keys = policyKeys();
        int sessions = config.sessions();
        Map<String, double[]> ratingSum = new LinkedHashMap<>();
        Map<String, double[]> hitSum = new LinkedHashMap<>();
        for (String k : keys) {
            ratingSum.put(k, new double[sessions]);
            hitSum.put(k, new double[sessions]);
        }
        String controlKey = weightedKey(QualityWeightedPick.GAMMA);
        List<SimulatedViewer> viewers = viewers(seedIndex);
        for (int v = 0; v < viewers.size(); v++) {
            SimulatedViewer viewer = viewers.get(v);
            String arm = ViewerArm.assign(viewer.id());
            // Songs and each section's true top-20 first: the same for every policy.
            List<List<MusicSection>> songs = new ArrayList<>();
            List<double[][]> utilities = new ArrayList<>();
            List<double[]> thresholds = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                List<MusicSection> song = SimulatedSongs.song(new Random(mix(config.seed(), seedIndex, v, s)),
                        config.sections());
                songs.add(song);
                double[][] u = new double[song.size()][pairs.length];
                for (int k = 0; k < song.size(); k++) {
                    for (int i = 0; i < pairs.length; i++) {
                        u[k][i] = viewer.utility(i, song.get(k));
                    }
                }
                utilities.add(u);
                double[] top = new double[song.size()];
                for (int k = 0; k < song.size(); k++) {
                    top[k] = topThreshold(u[k]);
                }
                thresholds.add(top);
            }
            for (int p = 0; p < keys.size(); p++) {
                String key = keys.get(p);
                String logArm = key.equals(controlKey) ? WEIGHTED : key;
                Consumer<FeedbackEvent> sink = log != null && logArm.equals(arm) ? log : null;
                PickPolicy policy = policy(key);
                PairRecommender recommender = new PairRecommender(library, PresetPreferences.NONE,
                        PairRecommender.DEFAULT_NO_REPEAT, policy);
                Random pickRnd = new Random(mix(config.seed(), seedIndex, v, 1000 + p));
                Random reactRnd = new Random(mix(config.seed(), seedIndex, v, 2000));
                for (int s = 0; s < sessions; s++) {
                    double[] session = watch(viewer, recommender, policy, songs.get(s), utilities.get(s),
                            thresholds.get(s), pickRnd, reactRnd, sink, logArm, s);
                    ratingSum.get(key)[s] += session[0] / viewers.size();
                    hitSum.get(key)[s] += session[1] / viewers.size();
                }
            }
        }
        Map<String, Curves> out = new LinkedHashMap<>();
        for (String k : keys) {
            out.put(k, new Curves(ratingSum.get(k), hitSum.get(k)));
        }
        return out;
    }

    /** One session: mean true rating and top-20 hit rate of the pairs shown. */
    private double[] watch(SimulatedViewer viewer, PairRecommender recommender, PickPolicy policy,
            List<MusicSection> song, double[][] utilities, double[] top, Random pickRnd, Random reactRnd,
            Consumer<FeedbackEvent> log, String arm, int session) {
        Deque<Integer> recent = new ArrayDeque<>();
        double rating = 0;
        int hits = 0;
        int shown = 0;
        for (int k = 0; k < song.size(); k++) {
            MusicSection section = song.get(k);
            PairChoice choice = recommender.next(section, SimulatedSongs.LABELS, pickRnd, recent);
            int i = index.get(choice.pair());
            double u = utilities[k][i];
            shown++;
            rating += SimulatedViewer.trueRating(u);
            hits += u >= top[k] ? 1 : 0;
            ViewerReaction.Reaction reaction = ViewerReaction.to(u, SimulatedSongs.SECTION_SECONDS, reactRnd);
            double[] x = PairFeatures.of(choice.pair(), section, SimulatedSongs.LABELS);
            if (policy instanceof LearningPolicy learning) {
                for (ViewerReaction.Signal sig : reaction.signals()) {
                    learning.learn(x, sig.signal().reward(sig.value()), sig.signal().weight());
                }
            }
            if (log != null) {
                SimulatedLog.section(log, viewer.id(), arm, session, section, choice.pair(), x, reaction);
            }
            if (reaction.left()) {
                break;
            }
        }
        return new double[] {rating / shown, (double) hits / shown};
    }

    private PickPolicy policy(String key) {
        if (key.equals(LEARNED)) {
            return new LearningPolicy();
        }
        if (key.equals(RECOMMENDER)) {
            return new RecommenderPick(PairRecommender.DEFAULT_EXPLORATION);
        }
        for (double g : config.gammas()) {
            if (key.equals(weightedKey(g))) {
                return new QualityWeightedPick(g, QualityWeightedPick.EXPLORE);
            }
        }
        throw new IllegalArgumentException("unknown policy " + key);
    }

    /** The 20th highest utility of a section. */
    private static double topThreshold(double[] u) {
        double[] sorted = u.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, sorted.length - TOP)];
    }

    static String installation(int seedIndex, int viewer) {
        return String.format("sim-%d-viewer-%03d", seedIndex, viewer);
    }

    /** A seed for one stream of randomness (SplitMix64 over the indices): streams never share draws. */
    static long mix(long seed, int a, int b, int c) {
        long z = seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL + c * 0x2545F4914F6CDD1DL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
