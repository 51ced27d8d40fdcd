package dev.aivj.presets;

import dev.aivj.engine.looks.MeasuredLook;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Frames a preset rendered on the reference audio, kept so that pairs can be composited later without rendering
 * again: every preset got the same audio at the same frame numbers, so frame k of two presets belong together.
 * Kept: {@link #PAIRS} pairs of consecutive frames (for motion), evenly spread over the measured frames.
 *
 * <p>File format (gzip): magic "AIVJFRM1", width, height, frame count (ints), then per frame its index in the
 * measured sequence (int), the audio energy fed for it (float) and width·height·3 bytes of RGB.
 */
public record PresetFrames(int width, int height, int[] indices, float[] energies, byte[] rgb) {
    public static final int PAIRS = 15;
    private static final String MAGIC = "AIVJFRM1";

    public PresetFrames {
        if (indices.length != energies.length || rgb.length != indices.length * width * height * 3) {
            throw new IllegalArgumentException("inconsistent frame set: " + indices.length + " indices, "
                    + energies.length + " energies, " + rgb.length + " bytes for " + width + "x" + height);
        }
    }

    /** Where the kept frames of a preset go: one folder per engine, build stamp and look version. */
    public static Path file(Path framesDir, String engine, String buildStamp, PresetLibrary.Entry e) {
        return framesDir.resolve(engine + "-" + buildStamp + "-look" + MeasuredLook.LOOK_VERSION)
                .resolve(e.pack()).resolve(e.slug() + ".frames.gz");
    }

    public int count() {
        return indices.length;
    }

    public int frameBytes() {
        return width * height * 3;
    }

    /** Picks the kept frames (pairs k, k+1) from all measured frames of one preset. */
    public static PresetFrames select(int width, int height, byte[] all, float[] allEnergies) {
        int n = allEnergies.length;
        int size = width * height * 3;
        int pairs = Math.min(PAIRS, n / 2);
        int[] idx = new int[pairs * 2];
        float[] e = new float[pairs * 2];
        byte[] rgb = new byte[pairs * 2 * size];
        for (int p = 0; p < pairs; p++) {
            int first = (int) ((long) p * (n - 1) / pairs);
            for (int j = 0; j < 2; j++) {
                int k = first + j;
                idx[2 * p + j] = k;
                e[2 * p + j] = allEnergies[k];
                System.arraycopy(all, k * size, rgb, (2 * p + j) * size, size);
            }
        }
        return new PresetFrames(width, height, idx, e, rgb);
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(tmp)))) {
            out.writeBytes(MAGIC);
            out.writeInt(width);
            out.writeInt(height);
            out.writeInt(indices.length);
            for (int i = 0; i < indices.length; i++) {
                out.writeInt(indices[i]);
                out.writeFloat(energies[i]);
                out.write(rgb, i * frameBytes(), frameBytes());
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a frame file; a truncated, corrupt or foreign file gives an IOException naming it. */
    public static PresetFrames read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            byte[] magic = new byte[MAGIC.length()];
            in.readFully(magic);
            if (!MAGIC.equals(new String(magic, java.nio.charset.StandardCharsets.US_ASCII))) {
                throw new IOException(file + ": not a preset frame file (magic " + MAGIC + " missing)");
            }
            int w = in.readInt();
            int h = in.readInt();
            int n = in.readInt();
            if (w <= 0 || h <= 0 || w > 4096 || h > 4096 || n < 0 || n > 10_000) {
                throw new IOException(file + ": implausible header " + w + "x" + h + ", " + n + " frames");
            }
            int[] idx = new int[n];
            float[] e = new float[n];
            byte[] rgb = new byte[n * w * h * 3];
            for (int i = 0; i < n; i++) {
                idx[i] = in.readInt();
                e[i] = in.readFloat();
                in.readFully(rgb, i * w * h * 3, w * h * 3);
            }
            return new PresetFrames(w, h, idx, e, rgb);
        } catch (EOFException | ZipException e) {
            throw new IOException(file + ": truncated or corrupt preset frame file (" + e.getMessage() + ")", e);
        }
    }
}
