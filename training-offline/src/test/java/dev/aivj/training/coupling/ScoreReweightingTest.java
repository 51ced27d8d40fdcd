package dev.aivj.training.coupling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reweighting measured where it acts: the gradient of {@link CouplingLoss} with respect to each pair's
 * predicted quality, on batches the elite-priority sampler draws from the committed bootstrap pair scores.
 */
class ScoreReweightingTest {
    private static final Path CANDIDATES = Path.of("../data/bootstrap-pairs/candidates/pairs-manifest.json");
    private static final List<CouplingExample> PAIRS = new ArrayList<>();

    @BeforeAll
    static void readScores() throws Exception {
        JsonNode pairs = new ObjectMapper().readTree(CANDIDATES.toFile()).path("pairs");
        for (JsonNode p : pairs) {
            int rank = p.path("rank").asInt();
            PAIRS.add(new CouplingExample(p.path("pair").asInt(), "fg", "bg", (float) p.path("score").asDouble(), rank,
                    1f - (rank - 1f) / (pairs.size() - 1), rank <= 500, null, null));
        }
    }

    /** |∂loss/∂quality_i| per pair, every pair's prediction 0.1 below its target (equal residuals). */
    private static float[] gradientShares(List<CouplingExample> batch, float beta) {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] q = new float[batch.size()];
            for (int i = 0; i < q.length; i++) {
                q[i] = batch.get(i).target() - 0.1f;
            }
            NDArray quality = m.create(q);
            quality.setRequiresGradient(true);
            NDArray zeros = m.zeros(new Shape(batch.size()));
            NDArray f = m.zeros(new Shape(batch.size(), 4));
            try (GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDArray loss = new CouplingLoss(beta, 0).of(m, new NDList(quality, zeros, zeros, zeros, zeros, f, f), batch);
                gc.backward(loss);
            }
            float[] g = quality.getGradient().abs().toFloatArray();
            double sum = 0;
            for (float x : g) {
                sum += x;
            }
            for (int i = 0; i < g.length; i++) {
                g[i] /= (float) sum;
            }
            return g;
        }
    }

    /** Mean share of pairs above 4 ÷ mean share of average pairs (score within 0.25 of the batch mean). */
    private static double highToAverageRatio(float beta) {
        List<Integer> elite = new ArrayList<>();
        List<Integer> regular = new ArrayList<>();
        for (int i = 0; i < PAIRS.size(); i++) {
            (PAIRS.get(i).elite() ? elite : regular).add(i);
        }
        double high = 0;
        double average = 0;
        int nh = 0;
        int na = 0;
        for (List<Integer> idx : new EliteBatchSampler(elite, regular, 5).epoch(1)) {
            List<CouplingExample> batch = idx.stream().map(PAIRS::get).toList();
            float[] share = gradientShares(batch, beta);
            double mean = batch.stream().mapToDouble(CouplingExample::score).average().orElseThrow();
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).score() > 4) {
                    high += share[i];
                    nh++;
                } else if (Math.abs(batch.get(i).score() - mean) <= 0.25) {
                    average += share[i];
                    na++;
                }
            }
        }
        assertTrue(nh > 100 && na > 100, "enough pairs in both groups: " + nh + ", " + na);
        return (high / nh) / (average / na);
    }

    @Test
    void pairsAboveFourGetAtLeastThreeTimesTheGradientShareOfAveragePairsAtTheDefaultBeta() {
        double ratio = highToAverageRatio(ScoreReweighting.DEFAULT_BETA);
        System.out.printf("gradient share, pairs > 4 vs average pairs, beta %.1f: %.2fx%n",
                ScoreReweighting.DEFAULT_BETA, ratio);
        assertTrue(ratio >= 3, "ratio " + ratio);
    }

    @Test
    void betaZeroWeighsEveryPairTheSameAndLargerBetaFavoursHighScoresMore() {
        assertEquals(1.0, highToAverageRatio(0f), 1e-3);
        assertTrue(highToAverageRatio(2.0f) > highToAverageRatio(0.5f));
    }

    @Test
    void alphasAreASoftmaxOverTheBatchEvenForExtremeBeta() {
        List<CouplingExample> batch = PAIRS.subList(0, 36);
        float[] a = ScoreReweighting.alphas(batch, 2.0f);
        double sum = 0;
        for (float x : a) {
            assertTrue(x > 0 && Float.isFinite(x));
            sum += x;
        }
        assertEquals(1.0, sum, 1e-5);
        double expected = Math.exp(2.0 * (batch.get(0).score() - batch.get(35).score()));
        assertEquals(expected, a[0] / a[35], expected * 1e-4);
    }
}
