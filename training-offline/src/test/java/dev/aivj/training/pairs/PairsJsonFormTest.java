package dev.aivj.training.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aivj.training.pairs.parquet.PairsJsonForm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON side of the Parquet benchmark holds the same rows: written with the team's writers, read back equal. */
class PairsJsonFormTest {
    @TempDir
    Path tmp;

    @Test
    void rowsRoundTripThroughTheTeamsJsonFiles() throws IOException {
        List<PresetPair> rows = SyntheticPairData.pairRows(400, 21);
        Path manifest = tmp.resolve("pairs-manifest.json");
        Path quality = tmp.resolve("pairs-quality.v0.json");
        new PairsManifestWriter().write(manifest, PairsJsonForm.manifest(rows, "synthetic", "2026-01-01T00:00:00Z",
                "SYNTHETIC test rows"));
        new PairsQualityWriter().write(quality, PairsJsonForm.quality(rows));
        assertEquals(rows, PairsJsonForm.rows(new PairsManifestReader().read(manifest),
                new PairsQualityReader().read(quality)));
    }
}
