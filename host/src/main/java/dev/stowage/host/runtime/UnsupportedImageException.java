package dev.stowage.host.runtime;

/** The copy's image is one this host cannot run; the message says what it can run instead. */
public final class UnsupportedImageException extends Exception {
    public UnsupportedImageException(String message) {
        super(message);
    }
}
