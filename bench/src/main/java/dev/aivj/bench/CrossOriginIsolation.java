package dev.aivj.bench;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * Makes the bench page and its worker cross-origin isolated (COOP same-origin + COEP require-corp): Chromium then
 * gives performance.now() 5-µs resolution instead of 100 µs, which sub-millisecond stages and live hops need.
 * Everything the bench loads is same-origin, so nothing else changes. The app's own pages are not isolated.
 */
final class CrossOriginIsolation extends Filter {
    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        exchange.getResponseHeaders().set("Cross-Origin-Opener-Policy", "same-origin");
        exchange.getResponseHeaders().set("Cross-Origin-Embedder-Policy", "require-corp");
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "cross-origin isolation for the bench page";
    }
}
