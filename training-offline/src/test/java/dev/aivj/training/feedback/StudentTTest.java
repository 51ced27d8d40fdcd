package dev.aivj.training.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The hand-written distributions against scipy 1.17 (stats.t, stats.norm, stats.beta, stats.ttest_ind). */
class StudentTTest {
    @Test
    void tTailMatchesScipy() {
        // 2 * scipy.stats.t.sf(2.0, 10)
        assertEquals(0.07338803477074037, StudentT.twoSidedP(2.0, 10), 1e-9);
        assertEquals(1.0, StudentT.twoSidedP(0, 5), 1e-12);
    }

    @Test
    void quantilesMatchScipy() {
        assertEquals(2.262157162798205, StudentT.quantile(0.975, 9), 1e-7);
        assertEquals(2.7764451051977934, StudentT.quantile(0.975, 4), 1e-7);
    }

    @Test
    void incompleteBetaAndNormalMatchScipy() {
        assertEquals(0.018927124071945658, StudentT.regularizedBeta(0.3, 2.5, 0.5), 1e-9);
        assertEquals(0.04999579029644087, StudentT.normalTwoSidedP(1.96), 1e-6);
    }

    @Test
    void welchMatchesScipy() {
        double[] a = {3, 4, 5, 4, 3, 5, 4, 4, 5, 3};
        double[] b = {2, 3, 3, 4, 2, 3, 3, 2, 4, 3, 2, 3};
        SignificanceTests.Welch w = SignificanceTests.welch(a, b);
        // scipy.stats.ttest_ind(a, b, equal_var=False)
        assertEquals(3.5241105031922135, w.t(), 1e-9);
        assertEquals(18.161319729322248, w.df(), 1e-9);
        assertEquals(0.0023967432652379026, w.p(), 1e-8);
        // Cohen's d over the pooled SD (numpy)
        assertEquals(1.5275252316519465, w.cohensD(), 1e-9);
    }

    @Test
    void twoProportionZ() {
        // 60/100 vs 45/100: pooled p 0.525, z = 0.15 / sqrt(0.525·0.475·0.02) = 2.1239
        SignificanceTests.TwoProportions z = SignificanceTests.twoProportions(60, 100, 45, 100);
        assertEquals(2.123976976214366, z.z(), 1e-9);
        assertEquals(0.033672068856345834, z.p(), 1e-6);
    }
}
