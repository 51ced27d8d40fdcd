package dev.aivj.web;

/** The Content-Security-Policy header of an HTML page. */
public final class ContentSecurityPolicy {

    /**
     * The app's own pages: everything from this origin; the page compiles preset equations and runs WebAssembly, and
     * fetches the blob: URLs of the presets a person added from their own files (nothing leaves the browser).
     */
    static final String PAGE = "default-src 'self'; "
            + "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; worker-src 'self'; "
            + "style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self' blob:; "
            + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /**
     * The widget's embed page (widget/embed.html) runs inside other sites' pages, so any site may frame it, and it
     * fetches the song it is given from wherever the embedding page keeps it (that server must allow CORS).
     * Scripts, the engine and presets still come from this origin only.
     */
    static final String WIDGET = "default-src 'self'; "
            + "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; worker-src 'self'; "
            + "style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; "
            + "connect-src 'self' http: https: blob: data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors *";

    private ContentSecurityPolicy() {
    }

    /** The policy for an HTML asset path such as {@code index.html} or {@code widget/embed.html}. */
    public static String forPath(String relativePath) {
        return relativePath.startsWith("widget/") ? WIDGET : PAGE;
    }
}
