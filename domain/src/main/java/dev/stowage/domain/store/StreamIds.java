package dev.stowage.domain.store;

/**
 * Stream ids are {@code <type>/<name>}. DESIGN §3 writes {@code <type>-<name>}, but resource names contain
 * hyphens, so an endpoint named {@code config-x} would share {@code endpoint-config-x} with the endpoint
 * config {@code x}; names never contain a slash (ADR 0001), except the resource ids of scalable targets, which
 * are the last part.
 */
public final class StreamIds {
    public static final String MODEL = "model";
    public static final String ENDPOINT_CONFIG = "endpoint-config";
    public static final String ENDPOINT = "endpoint";
    public static final String INFERENCE_COMPONENT = "inference-component";
    public static final String FLEET = "fleet";
    public static final String SCALABLE_TARGET = "scalable-target";

    private StreamIds() {}

    public static String model(String name) {
        return MODEL + "/" + name;
    }

    public static String endpointConfig(String name) {
        return ENDPOINT_CONFIG + "/" + name;
    }

    public static String endpoint(String name) {
        return ENDPOINT + "/" + name;
    }

    public static String inferenceComponent(String name) {
        return INFERENCE_COMPONENT + "/" + name;
    }

    /** The fleet of one variant of an endpoint: {@code fleet/<endpoint>/<variant>}. */
    public static String fleet(String endpointName, String variantName) {
        return FLEET + "/" + endpointName + "/" + variantName;
    }

    /**
     * The Application Auto Scaling target of a resource: {@code scalable-target/<resource id>}, e.g. {@code
     * scalable-target/inference-component/ic}. The resource id holds a slash; {@link #typeOf} and {@link #nameOf}
     * split at the first one, so the name part is the whole resource id.
     */
    public static String scalableTarget(String resourceId) {
        return SCALABLE_TARGET + "/" + resourceId;
    }

    /** The type part of a stream id. */
    public static String typeOf(String stream) {
        int slash = stream.indexOf('/');
        return slash < 0 ? stream : stream.substring(0, slash);
    }

    /** The name part of a stream id. */
    public static String nameOf(String stream) {
        return stream.substring(stream.indexOf('/') + 1);
    }
}
