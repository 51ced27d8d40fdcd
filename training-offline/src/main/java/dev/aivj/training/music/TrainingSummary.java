package dev.aivj.training.music;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.engine.EngineInfo;
import dev.aivj.engine.model.Sha256;
import dev.aivj.training.corpus.CorpusTrack;
import dev.aivj.training.corpus.Split;
import dev.aivj.training.corpus.Style;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code <out>/training-summary.json}: what a training run used and did (corpus manifest and its sha256, tracks
 * and minutes per style and split, teacher mapping hash, hyper-parameters, timings, loss history, selected
 * epoch, and for a distilled model the teacher recipe and pseudo-labels). model-export reads it to write the model card.
 */
public final class TrainingSummary {
    public static final String FILE = "training-summary.json";

    private TrainingSummary() {
    }

    public static void write(Path out, ManifestCorpus corpus, TeacherMapping teacher, MusicModelTrainer.Config c,
            MusicModelTrainer.Result r, int trainPatches, int valPatches, double prepSeconds, double trainSeconds,
            ObjectNode distillation) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode s = json.createObjectNode();
        s.put("engineVersion", EngineInfo.VERSION);
        ObjectNode m = s.putObject("corpus");
        m.put("manifest", corpus.source());
        m.put("manifestSha256", corpus.sha256());
        m.put("tracks", corpus.manifest().tracks().size());
        ArrayNode labels = m.putArray("labels");
        corpus.labels().forEach(l -> labels.add(l.id()));
        ObjectNode table = m.putObject("byStyleAndSplit");
        for (Style st : Style.values()) {
            ObjectNode row = json.createObjectNode();
            for (Split sp : Split.values()) {
                int n = 0;
                double seconds = 0;
                for (CorpusTrack t : corpus.tracks(sp)) {
                    if (t.style() == st) {
                        n++;
                        seconds += t.durationSeconds();
                    }
                }
                if (n > 0) {
                    ObjectNode cell = row.putObject(sp.id());
                    cell.put("tracks", n);
                    cell.put("minutes", Math.round(seconds / 6.0) / 10.0);
                }
            }
            if (!row.isEmpty()) {
                table.set(st.id(), row);
            }
        }
        m.put("trainPatches", trainPatches);
        m.put("validationPatches", valPatches);
        s.put("teacherSha256", Sha256.hex(teacher.json().getBytes(StandardCharsets.UTF_8)));
        ObjectNode h = s.putObject("config");
        h.put("patchFrames", c.patchFrames());
        h.put("hopFrames", c.hopFrames());
        h.put("batchSize", c.batchSize());
        h.put("maxEpochs", c.epochs());
        h.put("patience", c.patience());
        h.put("learningRate", c.learningRate());
        h.put("seed", c.seed());
        h.put("visualLossWeight", c.visualLossWeight());
        h.put("augment", c.augment());
        if (distillation != null) {
            s.set("distillation", distillation);
        }
        s.put("featureSeconds", Math.round(prepSeconds * 10) / 10.0);
        s.put("trainingSeconds", Math.round(trainSeconds * 10) / 10.0);
        s.put("epochsRun", r.lastEpoch());
        s.put("bestEpoch", r.bestEpoch());
        s.put("bestCheckpoint", r.best() == null ? null : r.best().toString());
        ArrayNode tl = s.putArray("trainLoss");
        for (double v : r.trainLoss()) {
            tl.add(v);
        }
        ArrayNode vl = s.putArray("validationLoss");
        for (double v : r.valLoss()) {
            vl.add(v);
        }
        ArrayNode va = s.putArray("validationAccuracy");
        for (double v : r.valAccuracy()) {
            va.add(v);
        }
        Files.createDirectories(out);
        json.writerWithDefaultPrettyPrinter().writeValue(out.resolve(FILE).toFile(), s);
    }
}
