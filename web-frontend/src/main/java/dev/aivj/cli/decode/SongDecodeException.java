package dev.aivj.cli.decode;

/** The page's decoder refused the file; the message is the one the page shows, written for the person using it. */
public final class SongDecodeException extends Exception {
    public SongDecodeException(String message) {
        super(message);
    }
}
