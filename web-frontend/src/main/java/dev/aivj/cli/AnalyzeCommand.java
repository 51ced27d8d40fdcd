package dev.aivj.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.audioio.AudioDecodeException;
import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.audioio.DecodedAudio;
import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.analysis.AnalysisJson;
import dev.aivj.engine.analysis.AnalysisResult;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code aivj analyze FILE [--with-mel]}: decodes the file, runs the engine and prints one JSON object
 * (the engine's analysis plus a {@code source} object) on stdout. On failure prints exactly one line on
 * stderr and returns 2 (usage error) or 1 (bad file).
 */
public final class AnalyzeCommand {
    static final String USAGE = "usage: aivj analyze FILE [--with-mel]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnalyzeCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String file = null;
        boolean withMel = false;
        for (String a : args) {
            if (a.equals("--with-mel")) {
                withMel = true;
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
        try {
            Path path = Path.of(file);
            DecodedAudio audio = AudioFileDecoder.decode(path);
            AnalysisResult result = new AudioAnalyzer().analyze(audio.interleaved(), audio.channels(), audio.sampleRate());
            ObjectNode analysis = (ObjectNode) JSON.readTree(AnalysisJson.write(result, withMel));
            ObjectNode doc = JSON.createObjectNode();
            ObjectNode source = doc.putObject("source");
            source.put("file", file);
            source.put("format", audio.format());
            source.put("channels", audio.channels());
            source.put("sampleRate", audio.sampleRate());
            doc.setAll(analysis);
            out.println(JSON.writeValueAsString(doc));
            out.flush();
            return 0;
        } catch (AudioDecodeException e) {
            return fail(err, file, e.reason());
        } catch (InvalidPathException e) {
            return fail(err, file, "invalid path");
        } catch (IllegalArgumentException e) {
            return fail(err, file, "cannot analyse: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            return fail(err, file, "out of memory (raise -Xmx)");
        } catch (Exception e) {
            return fail(err, file, "analysis failed: " + e);
        }
    }

    private static int fail(PrintStream err, String file, String reason) {
        String r = reason == null ? "error" : reason.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        err.println("aivj analyze: " + file + ": " + r);
        err.flush();
        return 1;
    }
}
