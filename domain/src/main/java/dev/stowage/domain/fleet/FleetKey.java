package dev.stowage.domain.fleet;

import dev.stowage.domain.store.StreamIds;

/** One variant of one endpoint: the unit placement works on. */
public record FleetKey(String endpointName, String variantName) {

    public String stream() {
        return StreamIds.fleet(endpointName, variantName);
    }

    /** The key of a {@code fleet/<endpoint>/<variant>} stream. */
    public static FleetKey ofStream(String stream) {
        String[] parts = stream.split("/", 3);
        return new FleetKey(parts[1], parts[2]);
    }
}
