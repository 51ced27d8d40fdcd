package dev.aivj.training.pairs;

/** A row that cannot be imported; the message is the reason that goes into the {@link ImportReport}. */
final class BadRowException extends Exception {
    private static final long serialVersionUID = 1L;

    BadRowException(String reason) {
        super(reason, null, false, false);
    }
}
