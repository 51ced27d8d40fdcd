package dev.aivj.cli;

import dev.aivj.audioio.AudioDecodeException;
import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.cli.decode.BrowserDecoder;
import dev.aivj.engine.live.LiveShow;
import dev.aivj.engine.live.StreamedSet;
import dev.aivj.engine.plan.SetPlanJson;
import dev.aivj.cli.decode.SongDecodeException;
import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.Engine;
import dev.aivj.engine.json.JsonWriter;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.plan.PlanJson;
import dev.aivj.engine.plan.SongPlan;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.engine.recommend.PairPlan;
import dev.aivj.engine.recommend.PresetPreferences;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code aivj analyze FILE [--with-mel] [--model DIR | --no-model]}: decodes the file, runs the engine and prints
 * one JSON object (the engine's plan plus a {@code source} object) on stdout. On failure prints exactly one
 * line on stderr and returns 2 (usage error) or 1 (bad file or unusable model).
 *
 * <p>Decoding: the page's own decoder in headless Chromium ({@link BrowserDecoder}), so the engine analyses the
 * samples the page and the widget give it and the plan is theirs; {@code source} says which browser decoded it and
 * what the file's container says (format, sample rate; {@code null} for formats only the browser reads).
 *
 * <p>Music model: by default the bundle shipped on the classpath at {@value #BUNDLED_MODEL} ({@code manifest.json}
 * + {@code weights.bin}) is loaded when its manifest is there, and the JSON gains {@code style} and
 * {@code segments} (see {@link PlanJson}; silence gets {@code style.label "none"} with its {@code reason}, see
 * {@link dev.aivj.engine.analysis.SignalGate}) plus {@code model: {source, labels}}. No bundled manifest: the
 * analysis runs without them. A bundled or {@code --model} bundle that is incomplete or fails its checks (sha256,
 * version, shapes) is an error (exit 1), never a silent fallback; {@code --no-model} skips the model.
 *
 * <p>Pairs: with the pair library shipped at {@value #BUNDLED_LIBRARY}, the JSON also has {@code pairs}, one
 * preset pair per music section ({@link PairPlan}; deterministic for {@code --seed N}, default
 * {@link PairPlan#DEFAULT_SEED}); {@code --no-pairs} leaves them out. A library that fails to parse is an error.
 *
 * <p>Sets: a WAV, FLAC, Ogg or MP3 file declaring more than {@link #SET_SECONDS} (or any with {@code --stream}) is
 * decoded in Java chunk by chunk and analysed by the engine's live show as it is read (bounded memory, any length;
 * the page streams such files the same way); the JSON then has {@code mode: "streamed"}, its sections with their
 * pairs and a style timeline instead of a song plan ({@link SetPlanJson}).
 *
 * <p>{@code --preferences FILE}: the viewer's blocklist and favourites in the page's format ({@link PresetPreferences}
 * JSON, {@code {"blocked": [ids], "favourites": [ids]}}), applied as the page applies them (a set's live show too).
 */
public final class AnalyzeCommand {
    static final String USAGE = "usage: aivj analyze FILE [--with-mel] [--model DIR | --no-model] [--seed N | --no-pairs]"
            + " [--stream] [--preferences FILE]";
    /** Files declaring more than this are analysed as a set, streamed in bounded memory (the page streams them too). */
    static final double SET_SECONDS = 20 * 60;
    /** Classpath location of the shipped pair library (model-export's export-library). */
    static final String BUNDLED_LIBRARY = "web/pairs/pair-library.json";
    /** Classpath folder of the shipped music model. */
    static final String BUNDLED_MODEL = "web/models/music-v1/";
    /** The page's decoder in headless Chromium, started by the first analysis ({@link #decoder()}). */
    private static BrowserDecoder decoder;

    private AnalyzeCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, AnalyzeCommand.class.getClassLoader());
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, looking for the bundled model in {@code classpath}. */
    static int run(String[] args, PrintStream out, PrintStream err, ClassLoader classpath) {
        String file = null;
        boolean withMel = false;
        boolean noModel = false;
        String modelDir = null;
        boolean noPairs = false;
        boolean stream = false;
        long seed = PairPlan.DEFAULT_SEED;
        PresetPreferences preferences = PresetPreferences.NONE;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--preferences")) {
                if (i + 1 >= args.length) {
                    err.println("aivj analyze: --preferences needs a file (" + USAGE + ")");
                    return 2;
                }
                try {
                    preferences = PresetPreferences.parse(Files.readString(Path.of(args[++i])));
                } catch (IOException | IllegalArgumentException e) {
                    err.println("aivj analyze: --preferences " + args[i] + ": " + e.getMessage());
                    return 2;
                }
            } else if (a.equals("--no-pairs")) {
                noPairs = true;
            } else if (a.equals("--stream")) {
                stream = true;
            } else if (a.equals("--seed")) {
                try {
                    seed = Long.parseLong(i + 1 < args.length ? args[++i] : "");
                } catch (NumberFormatException e) {
                    err.println("aivj analyze: --seed needs a whole number (" + USAGE + ")");
                    return 2;
                }
            } else if (a.equals("--with-mel")) {
                withMel = true;
            } else if (a.equals("--no-model")) {
                noModel = true;
            } else if (a.equals("--model")) {
                if (i + 1 >= args.length) {
                    err.println("aivj analyze: --model needs a folder (" + USAGE + ")");
                    return 2;
                }
                modelDir = args[++i];
            } else if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            } else if (a.startsWith("--")) {
                err.println("aivj analyze: unknown option " + a + " (" + USAGE + ")");
                return 2;
            } else if (file != null) {
                err.println("aivj analyze: only one FILE allowed (" + USAGE + ")");
                return 2;
            } else {
                file = a;
            }
        }
        if (file == null) {
            err.println("aivj analyze: missing FILE (" + USAGE + ")");
            return 2;
        }
        if (noModel && modelDir != null) {
            err.println("aivj analyze: --model and --no-model exclude each other (" + USAGE + ")");
            return 2;
        }
        MusicModel model = null;
        String modelSource = null;
        if (!noModel) {
            modelSource = modelDir != null ? Path.of(modelDir).toAbsolutePath().toString() : "bundled " + BUNDLED_MODEL;
            try {
                model = modelDir != null ? loadModel(Path.of(modelDir)) : loadBundledModel(classpath);
            } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
                String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                err.println("aivj analyze: music model (" + modelSource + ") is unusable: "
                        + reason.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ")
                        + (modelDir == null ? " (--no-model analyses without it)" : ""));
                err.flush();
                return 1;
            }
        }
        PairLibrary library = null;
        if (!noPairs) {
            try {
                byte[] json = resource(classpath, BUNDLED_LIBRARY);
                library = json == null ? null : PairLibrary.parse(new String(json, StandardCharsets.UTF_8));
            } catch (IOException | IllegalArgumentException e) {
                err.println("aivj analyze: bundled " + e.getMessage() + " (--no-pairs analyses without it)");
                err.flush();
                return 1;
            }
        }
        try {
            Path path = Path.of(file);
            if (!Files.exists(path)) {
                return fail(err, file, "no such file");
            }
            if (!Files.isRegularFile(path)) {
                return fail(err, file, "not a regular file");
            }
            // A damaged WAV, FLAC, Ogg or MP3 container is refused here (the browser would decode what it can).
            AudioFileDecoder.ContainerFacts facts = AudioFileDecoder.describe(path);
            Engine engine;
            try {
                engine = new Engine(model, library, seed, preferences);
            } catch (IllegalArgumentException e) { // a blocklist that leaves no pair of the library
                err.println("aivj analyze: " + e.getMessage());
                return 2;
            }
            if (facts != null && (stream || AudioFileDecoder.declaredSeconds(path) > SET_SECONDS)) {
                StreamedSet.Plan set = streamSet(path, engine);
                JsonWriter doc = new JsonWriter().beginObject();
                doc.name("source").beginObject().name("file").value(file).name("format").value(facts.format())
                        .name("sampleRate").value(facts.sampleRate()).name("channels").value(facts.channels())
                        .name("decoder").value("java, streamed").endObject();
                SetPlanJson.writeFields(doc, set);
                writeModel(doc, model, modelSource);
                out.println(doc.endObject());
                out.flush();
                return 0;
            }
            BrowserDecoder.Signal signal = decoder().decode(path, AnalysisSettings.SAMPLE_RATE);
            SongPlan plan = engine.analyze(signal.mono(), 1, signal.sampleRate());
            JsonWriter doc = new JsonWriter().beginObject();
            writeSource(doc, file, facts, signal);
            PlanJson.writeFields(doc, plan, withMel);
            writeModel(doc, model, modelSource);
            out.println(doc.endObject());
            out.flush();
            return 0;
        } catch (AudioDecodeException e) {
            return fail(err, file, e.reason());
        } catch (SongDecodeException e) {
            return fail(err, file, e.getMessage());
        } catch (InvalidPathException e) {
            return fail(err, file, "invalid path");
        } catch (IllegalArgumentException e) {
            return fail(err, file, "cannot analyse: " + e.getMessage());
        } catch (IllegalStateException e) {
            return fail(err, file, "cannot decode: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            return fail(err, file, "out of memory (raise -Xmx)");
        } catch (Exception e) {
            return fail(err, file, "analysis failed: " + e);
        }
    }

    /** {@code model: {source, labels}} when a model was used. */
    private static void writeModel(JsonWriter doc, MusicModel model, String modelSource) {
        if (model != null) {
            doc.name("model").beginObject().name("source").value(modelSource).name("labels").beginArray();
            for (String l : model.labels()) {
                doc.value(l);
            }
            doc.endArray().endObject();
        }
    }

    /**
     * A set (a file longer than {@link #SET_SECONDS}, or {@code --stream}) read chunk by chunk through the engine's
     * live show: memory stays bounded whatever its length. Its JSON is {@link SetPlanJson}'s, not a song plan.
     */
    private static StreamedSet.Plan streamSet(Path path, Engine engine) throws AudioDecodeException {
        StreamedSet[] set = new StreamedSet[1];
        AudioFileDecoder.stream(path, 1 << 16, new AudioFileDecoder.PcmChunks() {
            @Override
            public void format(int sampleRate, int channels) {
                set[0] = new StreamedSet(engine.liveShow(LiveShow.DEFAULT_SENSITIVITY), sampleRate, channels);
            }

            @Override
            public void chunk(float[] interleaved, int frames) {
                set[0].push(interleaved, frames);
            }
        });
        if (set[0] == null) {
            throw new AudioDecodeException(path, "no audio in the file");
        }
        return set[0].finish();
    }

    /**
     * The file, what its container says ({@code null} for a format only the browser reads, e.g. AAC or Opus) and
     * which browser decoded it.
     */
    private static void writeSource(JsonWriter doc, String file, AudioFileDecoder.ContainerFacts facts,
            BrowserDecoder.Signal signal) {
        doc.name("source").beginObject().name("file").value(file);
        if (facts == null) {
            doc.name("format").nullValue().name("sampleRate").nullValue();
        } else {
            doc.name("format").value(facts.format()).name("sampleRate").value(facts.sampleRate());
        }
        doc.name("channels").value(signal.channels()).name("decoder").value(signal.decoder())
                .name("decodedSampleRate").value(signal.sampleRate()).endObject();
    }

    /** One Chromium per process, started on first use and closed when the JVM exits. */
    private static synchronized BrowserDecoder decoder() throws java.io.IOException {
        if (decoder == null) {
            BrowserDecoder started = BrowserDecoder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            decoder = started;
        }
        return decoder;
    }

    /** The classpath bundle, or {@code null} when its manifest is absent. */
    static MusicModel loadBundledModel(ClassLoader classpath) throws IOException {
        byte[] manifest = resource(classpath, BUNDLED_MODEL + "manifest.json");
        if (manifest == null) {
            return null;
        }
        byte[] weights = resource(classpath, BUNDLED_MODEL + "weights.bin");
        if (weights == null) {
            throw new IOException("weights.bin is missing next to manifest.json");
        }
        return MusicModel.load(new String(manifest, StandardCharsets.UTF_8), weights);
    }

    static MusicModel loadModel(Path dir) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        Path weights = dir.resolve("weights.bin");
        for (Path p : new Path[] {manifest, weights}) {
            if (!Files.isRegularFile(p)) {
                throw new IOException(p.getFileName() + " not found in " + dir);
            }
        }
        return MusicModel.load(Files.readString(manifest, StandardCharsets.UTF_8), Files.readAllBytes(weights));
    }

    private static byte[] resource(ClassLoader classpath, String name) throws IOException {
        try (InputStream in = classpath.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static int fail(PrintStream err, String file, String reason) {
        String r = reason == null ? "error" : reason.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        err.println("aivj analyze: " + file + ": " + r);
        err.flush();
        return 1;
    }
}
