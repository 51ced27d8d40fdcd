package dev.aivj.web;

/** The Cache-Control header for an asset path. */
public final class CachePolicy {

    private CachePolicy() {
    }

    /**
     * Third-party files copied from npm at pinned versions may be cached for a day; the page, its scripts
     * and the engine change with every build, so the browser must revalidate them.
     */
    public static String forPath(String relativePath) {
        if (relativePath.startsWith("vendor/")) {
            return "public, max-age=86400";
        }
        return "no-cache";
    }
}
