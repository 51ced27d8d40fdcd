package dev.aivj.export.gate;

import dev.aivj.registry.GateFigures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One HTML page per candidate ({@code report.html} beside its bundle in the registry): the verdict and each
 * refusal, golden pass rate with every golden pair, score drift with both histograms, latency percentiles against
 * the budget, and the stratified regression's per-bucket pass rates. Self-contained (inline CSS and SVG).
 */
public final class QualityReport {
    public static final String FILE = "report.html";

    private QualityReport() {
    }

    public static Path write(Path dir, String version, String current, ReleaseGate.Result r) throws IOException {
        GateFigures f = r.figures();
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Quality report ")
                .append(esc(version)).append("</title><style>")
                .append("body{font:14px/1.5 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222}")
                .append("table{border-collapse:collapse;max-width:100%}td,th{border:1px solid #ccc;padding:2px 8px;"
                        + "text-align:right;word-break:break-word}")
                .append(".pass{color:#176b2c}.fail{color:#a11}.bar{fill:#4a78c2}.bar2{fill:#d08a2c}")
                .append("</style></head><body>");
        h.append("<h1>Coupling model candidate ").append(esc(version)).append("</h1>");
        h.append("<p>Gated against ").append(esc(current)).append(" on a pack of ").append(r.packSize())
                .append(" pairs.</p>");
        h.append(f.passed() ? "<h2 class=\"pass\">PASSED: promoted</h2>" : "<h2 class=\"fail\">REFUSED</h2><ul>");
        for (String why : f.refusals()) {
            h.append("<li class=\"fail\">").append(esc(why)).append("</li>");
        }
        if (!f.passed()) {
            h.append("</ul>");
        }
        h.append("<h2>Figures</h2><table><tr><th>measure</th><th>value</th><th>line</th></tr>");
        row(h, "golden pairs passing (never trained on)", String.format(Locale.ROOT, "%d / %d (%.1f %%)",
                f.goldenPassed(), f.goldenTotal(), 100 * f.goldenPassRate()),
                String.format(Locale.ROOT, "≥ %.0f %%", 100 * GoldenPass.REQUIRED_RATE));
        row(h, "score drift, KL(candidate ‖ current)", String.format(Locale.ROOT, "%.4f", f.driftKl()),
                String.format(Locale.ROOT, "≤ %.1f", ScoreDrift.LIMIT));
        row(h, "pairing latency P95", String.format(Locale.ROOT, "%.2f ms", f.latencyP95Ms()),
                String.format(Locale.ROOT, "≤ %.0f ms", ScoringLatency.P95_BUDGET_MS));
        row(h, "pairing latency P99", String.format(Locale.ROOT, "%.2f ms", f.latencyP99Ms()),
                String.format(Locale.ROOT, "≤ %.0f ms", ScoringLatency.P99_BUDGET_MS));
        h.append("</table>");
        h.append("<h2>Score distributions</h2><p>Quality over the pack, ").append(ScoreDrift.BINS)
                .append(" bins of 0..1: <span style=\"color:#4a78c2\">candidate</span>, "
                        + "<span style=\"color:#d08a2c\">current</span>.</p>");
        h.append(histogram(ScoreDrift.histogram(r.candidate().quality()), ScoreDrift.histogram(r.current().quality())));
        h.append("<h2>Stratified regression (candidate beside the current model, every pair)</h2>")
                .append("<p>Pairs bucketed by their pack score (A best); a pair passes when quality moves less than ")
                .append(String.format(Locale.ROOT, "%.0f %% and w_s, w_t less than %.1f %%", 100 * DualTrack.QUALITY_TOLERANCE,
                        100 * DualTrack.WEIGHT_TOLERANCE))
                .append(" (a retrained model is expected to move; this does not refuse).</p><p>")
                .append(esc(r.regression().line())).append("</p>");
        renders(h, r.golden());
        h.append("<h2>Golden pairs</h2><table><tr><th>pair</th><th>upper</th><th>lower</th><th>position</th>"
                + "<th>render (min SSIM, PSNR)</th><th>passes</th></tr>");
        List<ReleaseGate.GoldenResult> golden = r.golden().stream()
                .sorted((a, b) -> Integer.compare(b.position(), a.position())).toList();
        for (ReleaseGate.GoldenResult g : golden) {
            h.append("<tr><td>").append(g.pair()).append("</td><td style=\"text-align:left\">").append(esc(g.fg()))
                    .append("</td><td style=\"text-align:left\">").append(esc(g.bg())).append("</td><td>")
                    .append(g.position() + 1).append("</td><td>").append(g.render() == null ? "not rendered"
                            : String.format(Locale.ROOT, "%.4f, %.1f dB", g.render().minSsim(), g.render().minPsnrDb()))
                    .append("</td><td class=\"").append(g.passes() ? "pass\">yes" : "fail\">no")
                    .append("</td></tr>");
        }
        h.append("</table></body></html>\n");
        Path out = dir.resolve(FILE);
        Files.writeString(out, h.toString(), StandardCharsets.UTF_8);
        return out;
    }

    /** The rendered golden pairs: the reference frame, the candidate's, and a failing pair's heatmap. */
    private static void renders(StringBuilder h, List<ReleaseGate.GoldenResult> golden) {
        List<ReleaseGate.GoldenResult> drawn = golden.stream().filter(g -> g.render() != null).toList();
        if (drawn.isEmpty()) {
            return;
        }
        h.append("<h2>Golden renders</h2><p>Each pair drawn on projectM's fixed clock with the current model's mix "
                + "(before) and the candidate's (after), frame 60 of 30/60/90 shown; a pair passes when every frame has "
                + "SSIM ≥ 0.99 and PSNR ≥ 35 dB. A failing pair's heatmap shows where the frames differ.</p><table>"
                + "<tr><th>pair</th><th>before</th><th>after</th><th>heatmap</th><th>min SSIM</th><th>min PSNR</th></tr>");
        for (ReleaseGate.GoldenResult g : drawn) {
            String key = g.render().key();
            h.append("<tr><td>").append(g.pair()).append("</td><td><img src=\"renders/reference/").append(esc(key))
                    .append("/frame-060.png\" width=\"160\" alt=\"before\"></td><td><img src=\"renders/candidate/")
                    .append(esc(key)).append("/frame-060.png\" width=\"160\" alt=\"after\"></td><td>")
                    .append(g.render().heatmap() == null ? "" : "<img src=\"renders/heatmaps/" + esc(key)
                            + ".png\" width=\"320\" alt=\"heatmap\">")
                    .append(String.format(Locale.ROOT, "</td><td class=\"%s\">%.4f</td><td>%.1f dB</td></tr>",
                            g.render().passed() ? "pass" : "fail", g.render().minSsim(), g.render().minPsnrDb()));
        }
        h.append("</table>");
    }

    private static void row(StringBuilder h, String what, String value, String line) {
        h.append("<tr><td style=\"text-align:left\">").append(esc(what)).append("</td><td>").append(esc(value))
                .append("</td><td>").append(esc(line)).append("</td></tr>");
    }

    private static String histogram(double[] a, double[] b) {
        double max = 1e-9;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.max(a[i], b[i]));
        }
        int w = 24;
        int hgt = 160;
        StringBuilder s = new StringBuilder("<svg width=\"" + (a.length * w + 40) + "\" height=\"" + (hgt + 30)
                + "\" role=\"img\" aria-label=\"score histograms\">");
        for (int i = 0; i < a.length; i++) {
            double ha = hgt * a[i] / max;
            double hb = hgt * b[i] / max;
            s.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"/>",
                    20 + i * w, hgt - ha, w / 2 - 1, ha));
            s.append(String.format(Locale.ROOT, "<rect class=\"bar2\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"/>",
                    20 + i * w + w / 2, hgt - hb, w / 2 - 1, hb));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"%d\">0</text><text x=\"%d\" y=\"%d\">1</text>",
                hgt + 20, 20 + a.length * w - 8, hgt + 20));
        return s.append("</svg>").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
