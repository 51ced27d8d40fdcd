package dev.aivj.audioio;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Decodes the first logical Vorbis stream of an Ogg file with JOrbis to 16-bit little-endian
 * interleaved PCM.
 *
 * <p>This replaces vorbisspi's converter, which reads 2 KiB of the file for each Ogg page it
 * decodes and stops as soon as the file is exhausted. Where the pages are smaller than that (the
 * one-byte packets of a silent or very quiet ending, as in colobot's music010.ogg), pages pile up
 * in its buffer and are dropped at end of file, cutting the song short. Here every complete page
 * is decoded before more of the file is read. Samples are converted as vorbisspi converts them,
 * so files it decoded completely come out byte for byte the same.
 */
final class OggVorbisPcmStream extends InputStream {
    private static final int READ_SIZE = 4096;

    private final InputStream in;
    private final SyncState sync = new SyncState();
    private final StreamState stream = new StreamState();
    private final Page page = new Page();
    private final Packet packet = new Packet();
    private final Info info = new Info();
    private final DspState dsp = new DspState();
    private final Block block = new Block(dsp);
    private final float[][][] pcm = new float[1][][];
    private int[] offsets;
    private boolean lastPage; // the end-of-stream page has been read
    private byte[] out = new byte[0];
    private int outPos;
    private int outLen;

    private OggVorbisPcmStream(InputStream in) {
        this.in = in;
        sync.init();
    }

    /** Reads the three Vorbis headers and returns the decoded PCM stream. */
    static AudioInputStream open(InputStream in) throws IOException {
        OggVorbisPcmStream s = new OggVorbisPcmStream(in);
        s.readHeaders();
        int channels = s.info.channels;
        AudioFormat f = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, s.info.rate, 16, channels,
                2 * channels, s.info.rate, false);
        return new AudioInputStream(s, f, AudioSystem.NOT_SPECIFIED);
    }

    private void readHeaders() throws IOException {
        if (!nextPage()) {
            throw new IOException("no Ogg page");
        }
        stream.init(page.serialno());
        stream.pagein(page);
        info.init();
        Comment comment = new Comment();
        comment.init();
        for (int i = 0; i < 3; i++) {
            if (!nextPacket() || info.synthesis_headerin(comment, packet) < 0) {
                throw new IOException("missing or corrupt Vorbis header " + (i + 1));
            }
        }
        dsp.synthesis_init(info);
        block.init(dsp);
        offsets = new int[info.channels];
    }

    /** The next complete page of the file, reading more of it only when none is buffered. */
    private boolean nextPage() throws IOException {
        while (true) {
            int r = sync.pageout(page);
            if (r == 1) {
                return true;
            }
            if (r == 0) { // need more data (r < 0: skipped a hole or garbage, try again)
                int at = sync.buffer(READ_SIZE);
                int n = in.read(sync.data, at, READ_SIZE);
                if (n < 0) {
                    return false;
                }
                sync.wrote(n);
            }
        }
    }

    /** The next packet of the stream; false after the end-of-stream page or at end of file. */
    private boolean nextPacket() throws IOException {
        while (true) {
            int r = stream.packetout(packet);
            if (r == 1) {
                return true;
            }
            if (r == 0) { // need another page (r < 0: hole in the data, skip it like vorbisspi)
                if (lastPage || !nextPage()) {
                    return false;
                }
                // Pages of other logical streams are refused by pagein and ignored.
                if (stream.pagein(page) == 0 && page.eos() != 0) {
                    lastPage = true;
                }
            }
        }
    }

    /** Decodes packets until some PCM is ready in {@link #out}; false at the end of the stream. */
    private boolean fill() throws IOException {
        while (true) {
            int frames = dsp.synthesis_pcmout(pcm, offsets);
            if (frames > 0) {
                convert(frames);
                dsp.synthesis_read(frames);
                return true;
            }
            if (!nextPacket()) {
                return false;
            }
            if (block.synthesis(packet) == 0) { // undecodable packets are skipped, like vorbisspi
                dsp.synthesis_blockin(block);
            }
        }
    }

    /** Float to 16-bit exactly as vorbisspi does it: scale by 32767, truncate, clip. */
    private void convert(int frames) {
        int channels = info.channels;
        outLen = 2 * channels * frames;
        outPos = 0;
        if (out.length < outLen) {
            out = Arrays.copyOf(out, outLen);
        }
        for (int c = 0; c < channels; c++) {
            float[] samples = pcm[0][c];
            int from = offsets[c];
            int p = 2 * c;
            for (int j = 0; j < frames; j++) {
                int v = Math.max(-32768, Math.min(32767, (int) (samples[from + j] * 32767.)));
                out[p] = (byte) v;
                out[p + 1] = (byte) (v >>> 8);
                p += 2 * channels;
            }
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (outPos == outLen && !fill()) {
            return -1;
        }
        int n = Math.min(len, outLen - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
