package dev.aivj.training.feedback;

import dev.aivj.engine.feedback.ViewerArm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The A/B test's report and the team's gate over feedback logs.
 * <ul>
 *   <li>Samples of an arm: its "rating" events; mean rating: the mean of their values (stars).</li>
 *   <li>Top-20 pairs: the {@value #TOP} pairs with the highest mean rating pooled over all arms, among pairs with at
 *       least {@value #MIN_RATINGS} ratings (ties: more ratings first, then the pair's name). An arm's top-20 hit
 *       rate: the share of its "shown" events whose pair is one of them.</li>
 *   <li>Gate (PASS only if all hold): every arm in the logs has ≥ {@value #MIN_SAMPLES} samples, the learned and
 *       weighted-random arms both present; the learned arm's mean rating is higher than weighted-random's; its top-20
 *       hit rate is higher than weighted-random's. The significance tests (Welch's t on ratings with Cohen's d, the
 *       two-proportion z on hit rates) are reported beside the gate, not part of it: the team's gate is stated on
 *       the means.</li>
 * </ul>
 */
public final class AbReport {
    public static final int MIN_SAMPLES = 50;
    public static final int TOP = 20;
    public static final int MIN_RATINGS = 3;
    static final String LEARNED = "learned";
    static final String CONTROL = "weighted-random";

    private final FeedbackLogReader.Read read;
    private final Map<String, ArmSummary> arms;
    private final int qualifying;
    private final List<String> failures = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private SignificanceTests.Welch welch;
    private SignificanceTests.TwoProportions hitTest;

    public AbReport(FeedbackLogReader.Read read) {
        this.read = read;
        Map<String, List<Double>> byPair = new HashMap<>();
        for (FeedbackEvent e : read.events()) {
            if (e.event().equals(FeedbackEvent.RATING)) {
                byPair.computeIfAbsent(e.pair(), k -> new ArrayList<>()).add(e.value());
            }
        }
        List<Map.Entry<String, List<Double>>> eligible = new ArrayList<>();
        for (Map.Entry<String, List<Double>> en : byPair.entrySet()) {
            if (en.getValue().size() >= MIN_RATINGS) {
                eligible.add(en);
            }
        }
        qualifying = eligible.size();
        eligible.sort(Comparator.comparingDouble((Map.Entry<String, List<Double>> en) -> -average(en.getValue()))
                .thenComparing(en -> -en.getValue().size()).thenComparing(Map.Entry::getKey));
        Set<String> top = new HashSet<>();
        for (int i = 0; i < Math.min(TOP, eligible.size()); i++) {
            top.add(eligible.get(i).getKey());
        }
        this.arms = summarise(read.events(), top);
        gate();
    }

    private static Map<String, ArmSummary> summarise(List<FeedbackEvent> events, Set<String> top) {
        Map<String, ArmSummary> out = new LinkedHashMap<>();
        for (String arm : ViewerArm.ARMS) {
            Set<String> installations = new HashSet<>();
            Set<String> sessions = new HashSet<>();
            List<Double> ratings = new ArrayList<>();
            int shown = 0;
            int hits = 0;
            for (FeedbackEvent e : events) {
                if (!e.arm().equals(arm)) {
                    continue;
                }
                installations.add(e.installation());
                sessions.add(e.installation() + "/" + e.session());
                if (e.event().equals(FeedbackEvent.SHOWN)) {
                    shown++;
                    hits += top.contains(e.pair()) ? 1 : 0;
                } else if (e.event().equals(FeedbackEvent.RATING)) {
                    ratings.add(e.value());
                }
            }
            if (!installations.isEmpty()) {
                out.put(arm, new ArmSummary(arm, installations.size(), sessions.size(), shown, hits,
                        ratings.stream().mapToDouble(Double::doubleValue).toArray()));
            }
        }
        return out;
    }

    private void gate() {
        for (String required : List.of(LEARNED, CONTROL)) {
            if (!arms.containsKey(required)) {
                failures.add("no " + required + " arm in the logs");
            }
        }
        for (ArmSummary a : arms.values()) {
            String line = a.arm() + ": " + a.samples() + " samples (ratings), at least " + MIN_SAMPLES + " needed";
            (a.samples() >= MIN_SAMPLES ? checks : failures).add(line);
        }
        ArmSummary l = arms.get(LEARNED);
        ArmSummary c = arms.get(CONTROL);
        if (l == null || c == null) {
            return;
        }
        if (l.samples() >= 2 && c.samples() >= 2) {
            welch = SignificanceTests.welch(l.ratings(), c.ratings());
        }
        if (l.shown() > 0 && c.shown() > 0) {
            hitTest = SignificanceTests.twoProportions(l.hits(), l.shown(), c.hits(), c.shown());
        }
        String rating = String.format(Locale.ROOT, "mean rating: learned %.3f vs weighted-random %.3f",
                l.meanRating(), c.meanRating());
        if (l.samples() > 0 && c.samples() > 0 && l.meanRating() > c.meanRating()) {
            checks.add(rating + " (learned higher)");
        } else {
            failures.add(rating + ": the learned arm does not beat weighted-random on mean rating");
        }
        String hit = String.format(Locale.ROOT, "top-20 hit rate: learned %.3f vs weighted-random %.3f",
                l.hitRate(), c.hitRate());
        if (l.shown() > 0 && c.shown() > 0 && l.hitRate() > c.hitRate()) {
            checks.add(hit + " (learned higher)");
        } else {
            failures.add(hit + ": the learned arm does not beat weighted-random on top-20 hit rate");
        }
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /** Why the gate failed (empty on PASS). */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    public Map<String, ArmSummary> arms() {
        return Map.copyOf(arms);
    }

    public SignificanceTests.Welch welch() {
        return welch;
    }

    public SignificanceTests.TwoProportions hitTest() {
        return hitTest;
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        long simulated = read.events().stream().filter(FeedbackEvent::simulated).count();
        b.append(String.format(Locale.ROOT, "A/B report: %d file(s), %d lines, %d events, %d malformed line(s)%n",
                read.files(), read.lines(), read.events().size(), read.problems().size()));
        if (simulated > 0) {
            b.append(String.format(Locale.ROOT, "SIMULATED traffic: %d of %d events are marked simulated%n",
                    simulated, read.events().size()));
        }
        for (String p : read.problems()) {
            b.append("malformed: ").append(p).append('\n');
        }
        b.append(String.format(Locale.ROOT, "%-16s %13s %9s %7s %8s %12s %16s%n", "arm", "installations",
                "sessions", "shown", "samples", "mean rating", "top-20 hit rate"));
        for (ArmSummary a : arms.values()) {
            b.append(String.format(Locale.ROOT, "%-16s %13d %9d %7d %8d %12.3f %16.3f%n", a.arm(),
                    a.installations(), a.sessions(), a.shown(), a.samples(), a.meanRating(), a.hitRate()));
        }
        b.append(String.format(Locale.ROOT, "top-20: the %d pairs with the highest mean rating pooled over all arms, "
                + "among the %d pairs with >= %d ratings%n", Math.min(TOP, qualifying), qualifying, MIN_RATINGS));
        if (welch != null) {
            b.append(String.format(Locale.ROOT, "Welch's t-test, ratings learned vs weighted-random: t = %.3f, "
                    + "df = %.1f, p = %.3g, Cohen's d = %.3f%s%n", welch.t(), welch.df(), welch.p(), welch.cohensD(),
                    welch.p() < 0.05 ? "" : " (not significant at 0.05)"));
        }
        if (hitTest != null) {
            b.append(String.format(Locale.ROOT, "two-proportion z-test, top-20 hit rate learned vs weighted-random: "
                    + "z = %.3f, p = %.3g%s%n", hitTest.z(), hitTest.p(),
                    hitTest.p() < 0.05 ? "" : " (not significant at 0.05)"));
        }
        b.append("gate (>= ").append(MIN_SAMPLES).append(" samples per arm; learned beats weighted-random on mean "
                + "rating and on top-20 hit rate):\n");
        for (String c : checks) {
            b.append("  ok:   ").append(c).append('\n');
        }
        for (String f : failures) {
            b.append("  FAIL: ").append(f).append('\n');
        }
        b.append(passed() ? "PASS" : "FAIL").append('\n');
        return b.toString();
    }

    private static double average(List<Double> v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.size();
    }
}
