package dev.aivj.web;

/** A request body refused (a timings report, a preference update), with the HTTP status to answer (400, 413, 415) and the reason told to the client. */
public final class RequestRejected extends Exception {
    private final int status;

    public RequestRejected(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
