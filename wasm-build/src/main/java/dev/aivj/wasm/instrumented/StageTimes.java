package dev.aivj.wasm.instrumented;

import java.util.Arrays;

/**
 * Milliseconds spent in each stage of one song's analysis ({@link StageBenchmark}): prepare (validate, mono,
 * levels, resample), features, tempo (tempo, beats, summary), model (music model and style summary; 0 without a
 * model), recommend (pair plan; 0 without a library), and total, measured end to end.
 */
public record StageTimes(double prepare, double features, double tempo, double model, double recommend,
        double total) {

    /** The per-stage medians of several runs (each stage on its own, so the stages need not add up to total). */
    public static StageTimes median(StageTimes[] runs) {
        if (runs.length == 0) {
            throw new IllegalArgumentException("no runs");
        }
        double[][] columns = new double[6][runs.length];
        for (int r = 0; r < runs.length; r++) {
            StageTimes t = runs[r];
            columns[0][r] = t.prepare;
            columns[1][r] = t.features;
            columns[2][r] = t.tempo;
            columns[3][r] = t.model;
            columns[4][r] = t.recommend;
            columns[5][r] = t.total;
        }
        double[] m = new double[6];
        for (int c = 0; c < 6; c++) {
            double[] v = columns[c];
            Arrays.sort(v);
            int n = v.length;
            m[c] = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }
        return new StageTimes(m[0], m[1], m[2], m[3], m[4], m[5]);
    }
}
