package dev.aivj.training.feedback;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The simulation's learning curves as a PNG (Java2D, headless): mean true rating and top-20 hit rate per session for
 * the learned arm, the recommender and weighted-random (default and best γ), each with its 95 % interval over seeds
 * as a band; titled SIMULATED so the picture is never taken for people's data.
 */
public final class LearningCurvePlot {
    static final int WIDTH = 960;
    static final int HEIGHT = 400;

    private LearningCurvePlot() {
    }

    public static void write(SimulationResult r, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        SimulationConfig c = r.config();
        g.drawString(String.format(Locale.ROOT, "SIMULATED viewers (not real people): %d viewers, %d sections a "
                + "session; mean over seeds, 95%% t-interval", c.viewers(), c.sections()), 20, 22);
        Map<String, Color> lines = new LinkedHashMap<>();
        lines.put(FeedbackSimulation.LEARNED, new Color(0x1f77b4));
        lines.put(FeedbackSimulation.RECOMMENDER, new Color(0xff7f0e));
        lines.put(r.controlKey(), new Color(0x7f7f7f));
        String best = r.bestWeightedKey();
        if (!best.equals(r.controlKey())) {
            lines.put(best + " (best)", new Color(0x2ca02c));
        }
        panel(g, r, SimulationResult.Metric.RATING, lines, best, 0);
        panel(g, r, SimulationResult.Metric.HITS, lines, best, WIDTH / 2);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    private static void panel(Graphics2D g, SimulationResult r, SimulationResult.Metric m, Map<String, Color> lines,
            String best, int x0) {
        int left = x0 + 60;
        int right = x0 + WIDTH / 2 - 20;
        int top = 50;
        int bottom = HEIGHT - 80;
        int sessions = r.config().sessions();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        Map<String, MeanInterval[]> curves = new LinkedHashMap<>();
        for (String label : lines.keySet()) {
            String key = label.endsWith(" (best)") ? best : label;
            MeanInterval[] cv = r.curve(key, m);
            curves.put(label, cv);
            for (MeanInterval mi : cv) {
                lo = Math.min(lo, mi.low());
                hi = Math.max(hi, mi.high());
            }
        }
        double pad = (hi - lo) * 0.05 + 1e-9;
        lo -= pad;
        hi += pad;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(left, top, right - left, bottom - top);
        g.drawString(m.label + " (SIMULATED)", left, top - 8);
        g.drawString("session", (left + right) / 2 - 20, bottom + 32);
        for (int t = 0; t <= 4; t++) {
            double v = lo + (hi - lo) * t / 4;
            int y = y(v, lo, hi, top, bottom);
            g.setColor(new Color(0xdddddd));
            g.drawLine(left + 1, y, right - 1, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.2f", v), left - 40, y + 4);
        }
        int step = Math.max(1, sessions / 10);
        for (int s = 1; s <= sessions; s += step) {
            g.drawString(String.valueOf(s), x(s, sessions, left, right) - 4, bottom + 16);
        }
        int legend = 0;
        for (Map.Entry<String, MeanInterval[]> e : curves.entrySet()) {
            Color col = lines.get(e.getKey());
            MeanInterval[] cv = e.getValue();
            Path2D band = new Path2D.Double();
            Path2D line = new Path2D.Double();
            for (int s = 0; s < sessions; s++) {
                double px = x(s + 1, sessions, left, right);
                if (s == 0) {
                    band.moveTo(px, y(cv[s].high(), lo, hi, top, bottom));
                    line.moveTo(px, y(cv[s].mean(), lo, hi, top, bottom));
                } else {
                    band.lineTo(px, y(cv[s].high(), lo, hi, top, bottom));
                    line.lineTo(px, y(cv[s].mean(), lo, hi, top, bottom));
                }
            }
            for (int s = sessions - 1; s >= 0; s--) {
                band.lineTo(x(s + 1, sessions, left, right), y(cv[s].low(), lo, hi, top, bottom));
            }
            band.closePath();
            g.setColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 50));
            g.fill(band);
            g.setColor(col);
            g.setStroke(new BasicStroke(2f));
            g.draw(line);
            g.setStroke(new BasicStroke(1f));
            int ly = bottom + 48 + 14 * (legend / 2);
            int lx = left + (legend % 2) * 210;
            g.fillRect(lx, ly - 8, 14, 8);
            g.setColor(Color.BLACK);
            g.drawString(e.getKey(), lx + 20, ly);
            legend++;
        }
    }

    private static int x(int session, int sessions, int left, int right) {
        return left + (int) Math.round((right - left) * (session - 1) / (double) Math.max(1, sessions - 1));
    }

    private static int y(double v, double lo, double hi, int top, int bottom) {
        return bottom - (int) Math.round((bottom - top) * (v - lo) / (hi - lo));
    }
}
