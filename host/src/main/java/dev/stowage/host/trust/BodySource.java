package dev.stowage.host.trust;

import java.io.IOException;

/** A request's body, read only once the cheap checks have passed. */
@FunctionalInterface
public interface BodySource {
    byte[] read() throws IOException;
}
