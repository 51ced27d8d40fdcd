package dev.aivj.web.federation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.aivj.engine.feedback.GlobalPrior;
import dev.aivj.engine.feedback.PreferenceUpdate;
import dev.aivj.web.JsonRequestBody;
import dev.aivj.web.RequestRejected;
import dev.aivj.web.metrics.Responses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The federation's two routes. {@code GET /federated/prior}: the current global prior (JSON). {@code POST
 * /federated/updates}: one preference update, exactly {@code {"format", "priorVersion", "delta"}} (any other field
 * is refused: an update carries no history); 202 with {@code {"version", "pending"}} when taken, 409 when it moved
 * from an older prior (fetch it again), 400/413/415 with the reason otherwise. Never an exception for what a
 * client sends.
 */
public final class FederationHandler implements HttpHandler {
    public static final String PREFIX = "/federated/";
    public static final String PRIOR = "/federated/prior";
    public static final String UPDATES = "/federated/updates";
    /** An update is 63 numbers: 16 KB leaves room for long decimals, not for anything else. */
    public static final int MAX_BYTES = 16 * 1024;
    private static final Logger LOG = Logger.getLogger(FederationHandler.class.getName());

    private final FederationStore store;

    public FederationHandler(FederationStore store) {
        this.store = store;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals(PRIOR)) {
                if (!Responses.refused(exchange, PRIOR, ": GET the prior", "GET", "HEAD")) {
                    Responses.json(exchange, 200, store.prior().toJson());
                }
            } else if (path.equals(UPDATES)) {
                if (!Responses.refused(exchange, UPDATES, ": POST an update as JSON", "POST")) {
                    update(exchange);
                }
            } else {
                Responses.text(exchange, 404, "Not found\n");
            }
        }
    }

    private void update(HttpExchange exchange) throws IOException {
        PreferenceUpdate u;
        try {
            u = PreferenceUpdate.parse(new String(JsonRequestBody.read(exchange, MAX_BYTES, "an update"),
                    StandardCharsets.UTF_8));
        } catch (RequestRejected e) {
            Responses.text(exchange, e.status(), e.getMessage() + "\n");
            return;
        } catch (IllegalArgumentException e) {
            Responses.text(exchange, 400, e.getMessage() + "\n");
            return;
        }
        GlobalPrior after;
        try {
            after = store.accept(u);
        } catch (IllegalArgumentException e) {
            Responses.text(exchange, 409, e.getMessage() + "\n");
            return;
        } catch (RuntimeException e) {
            LOG.warning("an update could not be stored: " + e);
            Responses.text(exchange, 503, "the update could not be stored; send it again later\n");
            return;
        }
        Responses.json(exchange, 202, "{\"version\":" + after.version() + ",\"pending\":" + store.pending() + "}");
    }
}
