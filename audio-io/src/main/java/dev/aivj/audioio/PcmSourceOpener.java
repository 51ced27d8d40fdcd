package dev.aivj.audioio;

import java.io.InputStream;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.spi.AudioFileReader;

/**
 * Opens a probed file with the Java Sound provider for its format and converts the provider's
 * stream to PCM. The provider is chosen from the probed format rather than by asking AudioSystem,
 * which lets a provider claim a file that is not its own (see {@link #openWav}).
 */
final class PcmSourceOpener {
    private final Path file;
    private final ContainerProbe.Probe probe;

    PcmSourceOpener(Path file, ContainerProbe.Probe probe) {
        this.file = file;
        this.probe = probe;
    }

    AudioInputStream open(InputStream in) throws Exception {
        AudioFileReader reader;
        switch (probe.format()) {
            case ContainerProbe.WAV:
                return openWav(in);
            case ContainerProbe.FLAC:
                reader = new org.jflac.sound.spi.FlacAudioFileReader();
                break;
            case ContainerProbe.OGG_VORBIS:
                return OggVorbisPcmStream.open(in); // not vorbisspi: it drops the last pages of some files
            case ContainerProbe.MP3:
                reader = new javazoom.spi.mpeg.sampled.file.MpegAudioFileReader();
                break;
            default:
                throw new AudioDecodeException(file, "unsupported format " + probe.format());
        }
        return reader.getAudioInputStream(in);
    }

    /**
     * PCM and float WAV: the data chunk (validated by ContainerProbe) is wrapped directly, because
     * AudioSystem.getAudioInputStream lets mp3spi's reader claim and fail on 24-bit, float and
     * extensible WAV files ("Resetting to invalid mark"). Other WAV codecs (A-law, mu-law, ...)
     * go through AudioSystem.
     */
    private AudioInputStream openWav(InputStream in) throws Exception {
        int tag = probe.wavFormatTag();
        int bits = probe.bits();
        AudioFormat.Encoding enc = null;
        if (tag == 1 && bits % 8 == 0 && bits >= 8 && bits <= 32) {
            enc = bits == 8 ? AudioFormat.Encoding.PCM_UNSIGNED : AudioFormat.Encoding.PCM_SIGNED;
        } else if (tag == 3 && (bits == 32 || bits == 64)) {
            enc = AudioFormat.Encoding.PCM_FLOAT;
        }
        if (enc == null) {
            return AudioSystem.getAudioInputStream(file.toFile());
        }
        int frameSize = probe.channels() * bits / 8;
        AudioFormat f = new AudioFormat(enc, probe.sampleRate(), bits, probe.channels(), frameSize,
                probe.sampleRate(), false);
        in.skipNBytes(probe.audioStart());
        return new AudioInputStream(in, f, probe.expectedFrames());
    }

    /**
     * Compressed sources are converted to little-endian signed PCM: FLAC keeps its bit depth where
     * a converter supports it, everything else decodes to 16 bits. Missing format fields fall back
     * to the probe's values.
     */
    AudioInputStream toPcm(AudioInputStream source) throws AudioDecodeException {
        AudioFormat f = source.getFormat();
        AudioFormat.Encoding e = f.getEncoding();
        if (isPcm(e)) {
            return source;
        }
        int channels = f.getChannels() > 0 ? f.getChannels() : probe.channels();
        float rate = f.getSampleRate() > 0 ? f.getSampleRate() : probe.sampleRate();
        int bits = probe.format().equals(ContainerProbe.FLAC) && f.getSampleSizeInBits() > 0
                ? f.getSampleSizeInBits() : 16;
        AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, bits, channels,
                channels * ((bits + 7) / 8), rate, false);
        if (!AudioSystem.isConversionSupported(target, f) && bits != 16) {
            target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, 16, channels, channels * 2, rate, false);
        }
        try {
            return AudioSystem.getAudioInputStream(target, source);
        } catch (IllegalArgumentException ex) {
            throw new AudioDecodeException(file, "no Java Sound decoder for "
                    + DecodeMessages.label(probe.format()) + " (" + f.getEncoding() + ")", ex);
        }
    }

    static boolean isPcm(AudioFormat.Encoding e) {
        return e.equals(AudioFormat.Encoding.PCM_SIGNED) || e.equals(AudioFormat.Encoding.PCM_UNSIGNED)
                || e.equals(AudioFormat.Encoding.PCM_FLOAT);
    }
}
