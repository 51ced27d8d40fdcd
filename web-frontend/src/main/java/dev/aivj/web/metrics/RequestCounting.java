package dev.aivj.web.metrics;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** Counts every answered request by route class and status (added to each of the server's contexts). */
public final class RequestCounting extends Filter {
    private final ServerMetrics metrics;

    public RequestCounting(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String route = RouteClass.of(exchange.getRequestURI().getRawPath());
        try {
            chain.doFilter(exchange);
        } finally {
            int status = exchange.getResponseCode(); // -1: the handler failed before answering
            metrics.request(route, status < 0 ? 500 : status);
        }
    }

    @Override
    public String description() {
        return "counts requests for aivj_http_requests_total";
    }
}
