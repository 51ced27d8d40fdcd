package dev.aivj.web.metrics;

/** A report body refused, with the HTTP status to answer (400, 413, 415) and the reason told to the client. */
public final class ReportRejected extends Exception {
    private final int status;

    public ReportRejected(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
