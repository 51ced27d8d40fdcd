package dev.aivj.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** The JSON body of a POST (a timings report, a preference update), read strictly and within a size limit. */
public final class JsonRequestBody {
    /** How much of a refused body is read and thrown away so the client gets the answer (the server is loopback only). */
    static final long DRAIN_LIMIT = 16L << 20;

    private JsonRequestBody() {
    }

    /**
     * The body, refused (415) when its type is not JSON, (413) when it says or proves to be over {@code maxBytes}.
     * A refused body is read to its end (up to {@link #DRAIN_LIMIT}) and thrown away before the answer: closing a
     * connection with unread bytes resets it, and the client would lose the 413 and its reason.
     *
     * @param what what the body is, for the messages ("a report")
     */
    public static byte[] read(HttpExchange exchange, int maxBytes, String what) throws IOException, RequestRejected {
        try (InputStream in = exchange.getRequestBody()) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).split(";", 2)[0].strip().equals("application/json")) {
                drain(in);
                throw new RequestRejected(415, what + " must be sent as Content-Type: application/json");
            }
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            try {
                if (length != null && Long.parseLong(length.strip()) > maxBytes) {
                    drain(in);
                    throw tooLarge(what, maxBytes);
                }
            } catch (NumberFormatException e) {
                throw new RequestRejected(400, "bad Content-Length");
            }
            byte[] bytes = in.readNBytes(maxBytes + 1); // a chunked body may still be too large
            if (bytes.length > maxBytes) {
                drain(in);
                throw tooLarge(what, maxBytes);
            }
            return bytes;
        }
    }

    /** Reads and discards what is left of a refused body, at most {@link #DRAIN_LIMIT} bytes. */
    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long left = DRAIN_LIMIT;
        for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
            left -= n;
        }
    }

    private static RequestRejected tooLarge(String what, int maxBytes) {
        String subject = what.startsWith("a ") ? what.substring(2) : what;
        return new RequestRejected(413, subject + " too large: at most " + maxBytes + " bytes");
    }
}
