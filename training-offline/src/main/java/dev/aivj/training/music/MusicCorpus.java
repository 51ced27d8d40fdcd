package dev.aivj.training.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The labelled training corpus: a JSON manifest
 * <pre>
 * {
 *   "labels": ["edm", "classical", "rock", "ambient", "chiptune"],
 *   "songs": [
 *     {"path": "edm/track-001.ogg", "label": "edm", "split": "train"},
 *     {"path": "classical/x.flac", "label": "classical", "split": "val", "startSeconds": 30, "endSeconds": 90},
 *     {"path": "rock/y.mp3", "label": "rock", "visual": [0.8, 0.2, 0.5, 1.0, 0.5, 0.5, 0.6, 0.5, 0.5]}
 *   ]
 * }
 * </pre>
 * Paths are relative to the manifest's folder (or absolute). {@code split} is "train" (default) or "val";
 * {@code startSeconds}/{@code endSeconds} optionally cut the song; {@code visual} optionally gives a target for
 * the visual head in 0..1 (order of engine-core's VisualParameters); songs without it train the style head only.
 * Any format readable by audio-io's AudioFileDecoder works (wav, flac, ogg, mp3, ...).
 */
public final class MusicCorpus {
    /** One labelled song or song excerpt. */
    public record Song(Path path, int label, boolean validation, double startSeconds, double endSeconds,
            float[] visualTarget) {
    }

    private final String[] labels;
    private final List<Song> songs;

    public MusicCorpus(String[] labels, List<Song> songs) {
        this.labels = labels.clone();
        this.songs = List.copyOf(songs);
    }

    public String[] labels() {
        return labels.clone();
    }

    public List<Song> songs() {
        return songs;
    }

    public static MusicCorpus read(Path manifest) throws IOException {
        JsonNode root = new ObjectMapper().readTree(manifest.toFile());
        Path base = manifest.toAbsolutePath().getParent();
        JsonNode labelNode = require(root, "labels", manifest);
        String[] labels = new String[labelNode.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = labelNode.get(i).asText();
        }
        List<String> labelList = Arrays.asList(labels);
        List<Song> songs = new ArrayList<>();
        int index = 0;
        for (JsonNode s : require(root, "songs", manifest)) {
            String where = manifest + ": songs[" + index++ + "]";
            String label = require(s, "label", manifest).asText();
            int li = labelList.indexOf(label);
            if (li < 0) {
                throw new IOException(where + ": label " + label + " is not in labels " + labelList);
            }
            String split = s.path("split").asText("train");
            if (!split.equals("train") && !split.equals("val")) {
                throw new IOException(where + ": split must be train or val, is " + split);
            }
            float[] visual = null;
            if (s.has("visual")) {
                JsonNode v = s.get("visual");
                visual = new float[v.size()];
                for (int i = 0; i < visual.length; i++) {
                    visual[i] = (float) v.get(i).asDouble();
                }
            }
            songs.add(new Song(base.resolve(require(s, "path", manifest).asText()), li, split.equals("val"),
                    s.path("startSeconds").asDouble(0), s.path("endSeconds").asDouble(Double.POSITIVE_INFINITY),
                    visual));
        }
        return new MusicCorpus(labels, songs);
    }

    private static JsonNode require(JsonNode node, String field, Path manifest) throws IOException {
        JsonNode v = node.get(field);
        if (v == null) {
            throw new IOException(manifest + ": missing field " + field);
        }
        return v;
    }
}
