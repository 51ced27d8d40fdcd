package dev.aivj.audioio;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * Decodes a probed file chunk by chunk into {@link AudioFileDecoder.PcmChunks}, holding one chunk at a time: a DJ
 * set of any length in bounded memory. The same providers as the whole-file decode; what they throw becomes an
 * {@link AudioDecodeException} naming the file.
 */
final class PcmStreamer {
    private final Path file;
    private final ContainerProbe.Probe probe;

    PcmStreamer(Path file, ContainerProbe.Probe probe) {
        this.file = file;
        this.probe = probe;
    }

    void stream(int chunkFrames, AudioFileDecoder.PcmChunks sink) throws AudioDecodeException {
        String label = DecodeMessages.label(probe.format());
        try (InputStream raw = Files.newInputStream(file);
             BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            if (probe.format().equals(ContainerProbe.MP3) && probe.audioStart() > 0) {
                in.skipNBytes(probe.audioStart()); // hand mp3spi the first MPEG frame, not the tag
            }
            PcmSourceOpener opener = new PcmSourceOpener(file, probe);
            AudioInputStream pcm = opener.toPcm(opener.open(in));
            AudioFormat f = pcm.getFormat();
            int channels = f.getChannels();
            int bytesPerSample = (f.getSampleSizeInBits() + 7) / 8;
            PcmSampleConverter conv = PcmSampleConverter.of(f.getEncoding(), f.getSampleSizeInBits(), f.isBigEndian());
            if (channels <= 0 || f.getSampleRate() <= 0 || conv == null || !PcmSourceOpener.isPcm(f.getEncoding())) {
                throw new AudioDecodeException(file, "unsupported " + label + " sample format (" + f + ")");
            }
            int frameSize = channels * bytesPerSample;
            sink.format(Math.round(f.getSampleRate()), channels);
            byte[] buf = new byte[frameSize * chunkFrames];
            while (true) {
                int r = pcm.readNBytes(buf, 0, buf.length); // fewer bytes only at the end of the stream
                if (r <= 0) {
                    break;
                }
                int frames = r / frameSize;
                float[] chunk = new float[frames * channels];
                conv.convert(buf, frames * channels, chunk, 0);
                sink.chunk(chunk, frames);
                if (r < buf.length) {
                    break; // end of stream
                }
            }
        } catch (AudioDecodeException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw new AudioDecodeException(file, "not enough memory to stream (raise -Xmx)");
        } catch (Exception e) {
            throw new AudioDecodeException(file, "corrupt " + label + " data (decoder error: "
                    + DecodeMessages.describe(e) + ")", e);
        }
    }
}
