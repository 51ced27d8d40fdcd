package dev.aivj.web.metrics;

/**
 * The route class a request path belongs to, the {@code route} label of {@code aivj_http_requests_total}: a fixed
 * handful of values, never the raw path, so a client cannot grow the series without bound.
 */
public final class RouteClass {

    private RouteClass() {
    }

    public static String of(String rawPath) {
        String p = rawPath == null ? "" : rawPath;
        if (p.equals("/metrics")) {
            return "metrics";
        }
        if (p.equals("/metrics/report")) {
            return "report";
        }
        if (p.startsWith("/models/")) {
            return "model";
        }
        if (p.startsWith("/engine/") || p.startsWith("/engine-client/")) {
            return "engine";
        }
        if (p.startsWith("/presets/") || p.startsWith("/pairs/")) {
            return "library";
        }
        if (p.startsWith("/projectm")) {
            return "projectm";
        }
        if (p.startsWith("/vendor/")) {
            return "vendor";
        }
        if (p.startsWith("/demo/media/")) {
            return "media";
        }
        if (p.equals("/") || p.endsWith(".html")) {
            return "page";
        }
        return "asset";
    }
}
