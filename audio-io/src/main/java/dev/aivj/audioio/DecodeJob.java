package dev.aivj.audioio;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * One decode of one probed file, run on the {@link DecodeWatchdog}'s worker thread: wires the
 * file stream, the provider and the PCM reader together and turns whatever the provider throws
 * into an {@link AudioDecodeException}, which the calling thread picks up with {@link #result()}.
 */
final class DecodeJob implements Runnable {
    private final Path file;
    private final ContainerProbe.Probe probe;
    private final AudioFileDecoder.Limits limits;
    private final DecodeProgress progress = new DecodeProgress();
    // Set by the worker thread, read by the caller after the worker ended.
    private volatile DecodedAudio result;
    private volatile AudioDecodeException error;

    DecodeJob(Path file, ContainerProbe.Probe probe, AudioFileDecoder.Limits limits) {
        this.file = file;
        this.probe = probe;
        this.limits = limits;
    }

    DecodeProgress progress() {
        return progress;
    }

    /** The {@link ContainerProbe} format id of the file being decoded. */
    String format() {
        return probe.format();
    }

    DecodedAudio result() throws AudioDecodeException {
        if (error != null) {
            throw error;
        }
        if (result == null) {
            throw new AudioDecodeException(file, DecodeMessages.label(probe.format()) + " decoder failed");
        }
        return result;
    }

    @Override
    public void run() {
        try {
            result = decode();
        } catch (AudioDecodeException e) {
            error = e;
        } catch (DecodeProgress.DecodeCancelledException e) {
            error = new AudioDecodeException(file, "cancelled");
        } catch (UnsupportedAudioFileException e) {
            error = new AudioDecodeException(file, "corrupt or unsupported " + DecodeMessages.label(probe.format())
                    + " data (" + DecodeMessages.describe(e) + ")", e);
        } catch (OutOfMemoryError e) {
            error = new AudioDecodeException(file,
                    "not enough memory to decode (raise -Xmx or lower the duration limit)");
        } catch (Throwable e) { // providers throw IOException, RuntimeException and Error subclasses
            error = new AudioDecodeException(file, "corrupt " + DecodeMessages.label(probe.format())
                    + " data (decoder error: " + DecodeMessages.describe(e) + ")", e);
        }
    }

    private DecodedAudio decode() throws Exception {
        try (InputStream raw = Files.newInputStream(file);
             InputStream counted = new ProgressCountingInputStream(raw, progress);
             BufferedInputStream in = new BufferedInputStream(counted, 1 << 16)) {
            if (probe.format().equals(ContainerProbe.MP3) && probe.audioStart() > 0) {
                in.skipNBytes(probe.audioStart()); // hand mp3spi the first MPEG frame, not the tag
            }
            PcmSourceOpener opener = new PcmSourceOpener(file, probe);
            AudioInputStream source = opener.open(in);
            AudioInputStream pcm = opener.toPcm(source);
            return new GuardedPcmReader(file, probe, limits, progress).read(pcm);
        }
    }
}
