package dev.aivj.cli.decode;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.aivj.web.AppServer;
import dev.aivj.web.HeadlessChromium;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Decodes a song the way the page does: the page's own {@value #SIGNAL_MODULE} runs in headless Chromium, so
 * {@code ./aivj analyze} hands the engine the very samples the page and the widget hand it (the browser's decoder
 * and its resampler straight to the engine's rate, then the channels averaged). The page's files, the song and
 * the returned samples travel through the app server on 127.0.0.1 ({@link SongExchange}); the samples go as a
 * Blob body, which Chromium does not copy into DevTools' network events (an ArrayBuffer body is copied, and
 * reaching Playwright through them made a 144-s song's 12.7 MB take 1.6 s more).
 */
public final class BrowserDecoder implements AutoCloseable {
    /** The page module that produces the engine's signal (web-frontend's web/ resources). */
    static final String SIGNAL_MODULE = "/song/analysis-signal.js";

    /** The decoded signal: mono at {@code sampleRate}, the file's channel count and which browser decoded it. */
    public record Signal(float[] mono, int sampleRate, int channels, String decoder) {
        public double durationSeconds() {
            return (double) mono.length / sampleRate;
        }
    }

    private final AppServer server;
    private final Playwright playwright;
    private final Browser browser;
    private final SongExchange exchange = new SongExchange();
    /** One page for every song: the module is imported once. */
    private final Page page;

    private BrowserDecoder(AppServer server, Playwright playwright, Browser browser) {
        this.server = server;
        this.playwright = playwright;
        this.browser = browser;
        server.mount(SongExchange.PREFIX, exchange);
        page = browser.newPage();
        page.setDefaultTimeout(0); // the page's decoder has its own time limit
        page.navigate(server.uri().resolve(SongExchange.PREFIX + "page").toString());
    }

    /** Starts the server and Chromium. @throws IllegalStateException when Chromium is not installed */
    public static BrowserDecoder start() throws IOException {
        AppServer server = AppServer.start(0);
        Playwright playwright = null;
        try {
            playwright = HeadlessChromium.playwright();
            return new BrowserDecoder(server, playwright, HeadlessChromium.launch(playwright));
        } catch (RuntimeException e) {
            if (playwright != null) {
                playwright.close();
            }
            server.stop();
            throw e;
        }
    }

    /**
     * Decodes {@code file} to mono at {@code sampleRate}, one file at a time.
     *
     * @throws SongDecodeException with the page's own message for a file it refuses (empty, not audio, too long...)
     */
    public synchronized Signal decode(Path file, int sampleRate) throws IOException, SongDecodeException {
        exchange.offer(file);
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) page.evaluate("async ([module, prefix, name, rate]) => {"
                    + " const signal = await import(module);"
                    + " try {"
                    + "   const bytes = await (await fetch(prefix + 'song')).arrayBuffer();"
                    + "   const s = await signal.analysisSignal(new File([bytes], name), rate);"
                    + "   const sent = await fetch(prefix + 'signal', { method: 'POST', body: new Blob([s.pcm]) });"
                    + "   return { channels: s.channels, samples: s.pcm.length, stored: sent.ok };"
                    + " } catch (e) {"
                    + "   return { error: e && e.message ? e.message : String(e), refused: e && e.name === 'SongError' };"
                    + " } }", List.of(SIGNAL_MODULE, SongExchange.PREFIX, file.getFileName().toString(), sampleRate));
            if (r.get("error") != null) {
                if (Boolean.TRUE.equals(r.get("refused"))) {
                    throw new SongDecodeException((String) r.get("error"));
                }
                throw new IOException("the browser's decoder failed: " + r.get("error"));
            }
            float[] mono = floats(exchange.takeSignal());
            if (!Boolean.TRUE.equals(r.get("stored")) || mono.length != ((Number) r.get("samples")).intValue()) {
                throw new IOException("the decoded signal arrived incomplete");
            }
            return new Signal(mono, sampleRate, ((Number) r.get("channels")).intValue(),
                    "Chromium " + browser.version() + " decodeAudioData");
        } finally {
            exchange.clear();
        }
    }

    private static float[] floats(byte[] littleEndian) throws IOException {
        if (littleEndian == null || littleEndian.length % 4 != 0) {
            throw new IOException("the decoded signal did not arrive");
        }
        float[] out = new float[littleEndian.length / 4];
        ByteBuffer.wrap(littleEndian).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
        server.stop();
    }
}
